import type { CallSummary } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import { CallLink, LiveProgress, useCallFacts } from './call-row';
import type { CallsClient } from './calls-client';

/**
 * The call list on a wide screen: a real table (one row per call, a header per column, the title as the
 * row's header), so a reviewer can scan a column and a screen reader can announce the column of each cell.
 */
export function CallTable({
  client,
  calls,
  labelledBy,
  busy,
  onOpen,
}: {
  client: CallsClient;
  calls: readonly CallSummary[];
  labelledBy: string;
  busy: boolean;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const columns = [
    t('calls.field.title'),
    t('calls.field.status'),
    t('calls.field.recordedAt'),
    t('calls.field.consultant'),
    t('calls.field.client'),
    t('calls.field.duration'),
    t('calls.field.scorecard'),
    t('calls.field.score'),
    t('calls.field.sentiment'),
  ];
  return (
    <div className="table-scroll">
      <table className="data call-table" aria-labelledby={labelledBy} aria-busy={busy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <CallTableRow key={call.id} client={client} call={call} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallTableRow({ client, call, onOpen }: { client: CallsClient; call: CallSummary; onOpen: (id: string) => void }) {
  const t = useT();
  const [date, consultant, duration, scorecard, score, sentiment] = useCallFacts(call).map(([, value]) => value);
  return (
    <tr data-status={call.status}>
      <th scope="row">
        <CallLink call={call} onOpen={onOpen} />
      </th>
      <td>
        <span className="status" data-status={call.status}>
          {t(`calls.status.${call.status}`)}
        </span>
        {call.status === 'processing' && <LiveProgress client={client} call={call} />}
      </td>
      <td>{date}</td>
      <td>{consultant}</td>
      <td>{call.client?.name ?? t('calls.none')}</td>
      <td className="num">{duration}</td>
      <td>{scorecard}</td>
      <td className="num">{score}</td>
      <td>{sentiment}</td>
    </tr>
  );
}
