import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CallDetail, ConsultantChannel, Scorecard } from '@sufler/shared';
import { useT } from '../../lib/i18n';
import type { CallsClient } from './calls-client';

/**
 * Score the call on another scorecard, or (stereo) say the consultant is on the other channel; either
 * re-runs the stages it affects, and `onStarted` follows them.
 */
export function CallSettings({
  client,
  call,
  scorecards,
  onStarted,
}: {
  client: CallsClient;
  call: CallDetail;
  scorecards: readonly Scorecard[];
  onStarted: () => void;
}) {
  const t = useT();
  const id = useId();
  const [scorecardKey, setScorecardKey] = useState(call.scorecardKey);
  const [channel, setChannel] = useState<ConsultantChannel>(call.consultantChannel ?? 'left');
  const change = useMutation({
    mutationFn: (what: 'scorecard' | 'channel') =>
      what === 'scorecard'
        ? client.calls.setScorecard.mutate({ id: call.id, scorecardKey })
        : client.calls.setConsultantChannel.mutate({ id: call.id, consultantChannel: channel }),
    onSuccess: onStarted,
  });
  const options = scorecards.some((s) => s.key === call.scorecardKey)
    ? scorecards
    : [{ key: call.scorecardKey, name: call.scorecardKey }, ...scorecards];

  return (
    <details className="call-settings">
      <summary>{t('calls.settings.heading')}</summary>
      <div className="stack">
        <div className="row align-end">
          <div className="stack field">
            <label htmlFor={`${id}-scorecard`}>{t('calls.settings.scorecard')}</label>
            <select id={`${id}-scorecard`} value={scorecardKey} onChange={(event) => setScorecardKey(event.target.value)}>
              {options.map((scorecard) => (
                <option key={scorecard.key} value={scorecard.key}>
                  {scorecard.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="secondary"
            disabled={change.isPending || scorecardKey === call.scorecardKey}
            onClick={() => change.mutate('scorecard')}
          >
            {t('calls.settings.applyScorecard')}
          </button>
        </div>
        {call.channels === 2 && (
          <div className="row align-end">
            <div className="stack field">
              <label htmlFor={`${id}-channel`}>{t('calls.upload.channel')}</label>
              <select id={`${id}-channel`} value={channel} onChange={(event) => setChannel(event.target.value as ConsultantChannel)}>
                <option value="left">{t('calls.channel.left')}</option>
                <option value="right">{t('calls.channel.right')}</option>
              </select>
            </div>
            <button
              type="button"
              className="secondary"
              disabled={change.isPending || channel === (call.consultantChannel ?? 'left')}
              onClick={() => change.mutate('channel')}
            >
              {t('calls.settings.applyChannel')}
            </button>
          </div>
        )}
        {change.isError && (
          <p role="alert" className="error">
            {t('calls.settings.error')}
          </p>
        )}
      </div>
    </details>
  );
}
