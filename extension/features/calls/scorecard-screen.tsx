import { useState } from 'react';
import { NEW_SCORECARD } from './app-route';
import type { CallsClient } from './calls-client';
import { ScorecardEditor } from './scorecard-editor';
import type { LeaveGuard } from './scorecard-leave-guard';
import { ScorecardList } from './scorecard-list';

/**
 * "Karty oceny" (admins only): the templates, or one template's form (`scorecardKey` from the route:
 * a key, NEW_SCORECARD, or null for the list). `onNavigate` moves the route; the app asks `guard` first.
 */
export function ScorecardScreen({
  client,
  guard,
  scorecardKey,
  onNavigate,
}: {
  client: CallsClient;
  guard: LeaveGuard;
  scorecardKey: string | null;
  onNavigate: (scorecardKey: string | null, options?: { replace?: boolean }) => void;
}) {
  const [created, setCreated] = useState<string | null>(null);
  if (scorecardKey === null && created !== null) setCreated(null);
  if (scorecardKey === null) return <ScorecardList client={client} onOpen={(key) => onNavigate(key)} />;
  // A template just created moves from /new to its key in place: the same form, focus and notice kept.
  const instance = scorecardKey === created ? NEW_SCORECARD : scorecardKey;
  return (
    <ScorecardEditor
      key={instance}
      client={client}
      guard={guard}
      scorecardKey={scorecardKey}
      onClose={() => onNavigate(null)}
      onCreated={(key) => {
        setCreated(key);
        onNavigate(key, { replace: true });
      }}
    />
  );
}
