import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import { followLink, NEW_SCORECARD, scorecardRoute, routeHref } from './app-route';
import { trpcErrorCode, type CallsClient } from './calls-client';
import { useScorecard } from './scorecard-data';
import { ScorecardForm } from './scorecard-form';
import type { LeaveGuard } from './scorecard-leave-guard';
import { useScorecards } from './use-calls-data';

/**
 * One template (`scorecardKey`, or NEW_SCORECARD): loaded, then its form. The way back is a link, so the
 * app asks about unsaved changes as it does for any other move.
 */
export function ScorecardEditor({
  client,
  guard,
  scorecardKey,
  onClose,
  onCreated,
}: {
  client: CallsClient;
  guard: LeaveGuard;
  scorecardKey: string;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  const t = useT();
  // Fixed when opened: a template just created keeps this form when its address moves from /new to its key.
  const [creating] = useState(scorecardKey === NEW_SCORECARD);
  const card = useScorecard(client, scorecardKey, !creating);
  // A new template's key must not be one in use: that would save a new version of another template.
  const list = useScorecards(client);

  const back = (
    <a href={routeHref(scorecardRoute(null))} className="back-link" onClick={(event) => followLink(event, onClose)}>
      {t('scorecards.back')}
    </a>
  );
  const body = creating ? (
    <ScorecardForm client={client} guard={guard} initial={null} takenKeys={list.data?.map((c) => c.key) ?? null} onCreated={onCreated} />
  ) : card.isPending ? (
    <p role="status">{t('scorecards.editor.loading')}</p>
  ) : card.isError ? (
    trpcErrorCode(card.error) === 'NOT_FOUND' ? (
      <p role="alert" className="error">
        {t('scorecards.editor.notFound')}
      </p>
    ) : (
      <ErrorWithRetry message={t('scorecards.editor.error')} onRetry={() => void card.refetch()} />
    )
  ) : (
    <ScorecardForm client={client} guard={guard} initial={card.data} takenKeys={null} onCreated={onCreated} />
  );
  return (
    <div className="stack scorecard-editor">
      {back}
      {body}
    </div>
  );
}
