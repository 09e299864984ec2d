import { useEffect, useId, useRef } from 'react';
import { useT } from '../../lib/i18n';
import { ErrorWithRetry } from '../cockpit/error-with-retry';
import { followLink, NEW_SCORECARD, routeHref, scorecardRoute } from './app-route';
import type { CallsClient } from './calls-client';
import { useScorecards } from './use-calls-data';

/** "Karty oceny": every template's newest version (key, name, version, criteria, built-in or own), and a new one. */
export function ScorecardList({ client, onOpen }: { client: CallsClient; onOpen: (key: string) => void }) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useScorecards(client);
  // Back from a template: the keyboard starts from the list's heading.
  useEffect(() => heading.current?.focus(), []);

  const link = (key: string) => routeHref(scorecardRoute(key));
  return (
    <section aria-labelledby={`${id}-heading`} className="stack scorecard-list">
      <div className="row list-head">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {t('scorecards.heading')}
        </h2>
        <a href={link(NEW_SCORECARD)} className="button-like" onClick={(event) => followLink(event, () => onOpen(NEW_SCORECARD))}>
          {t('scorecards.new')}
        </a>
      </div>
      <p className="hint muted">{t('scorecards.intro')}</p>
      {list.isError ? (
        <ErrorWithRetry message={t('scorecards.listError')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <p role="status">{t('scorecards.loading')}</p>
      ) : list.data.length === 0 ? (
        <p role="status" className="muted">
          {t('scorecards.empty')}
        </p>
      ) : (
        <ul className="plain stack" aria-labelledby={`${id}-heading`}>
          {list.data.map((card) => (
            <li key={card.key} className="card scorecard-item">
              <a href={link(card.key)} className="scorecard-link" onClick={(event) => followLink(event, () => onOpen(card.key))}>
                {card.name}
              </a>
              <dl className="scorecard-facts">
                <div>
                  <dt>{t('scorecards.field.key')}</dt>
                  <dd>
                    <code>{card.key}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('scorecards.field.version')}</dt>
                  <dd>{card.version}</dd>
                </div>
                <div>
                  <dt>{t('scorecards.field.criteria')}</dt>
                  <dd>{card.criteria.length}</dd>
                </div>
                <div>
                  <dt>{t('scorecards.field.kind')}</dt>
                  <dd>{t(card.builtIn ? 'scorecards.kind.builtIn' : 'scorecards.kind.own')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
