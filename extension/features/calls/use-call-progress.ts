import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CallProgress, CallStage, CallStatus } from '@sufler/shared';
import type { CallsClient } from './calls-client';
import { callsKeys } from './use-calls-data';

const settled = (stages: readonly CallStage[]) => stages.filter((stage) => stage.state === 'done' || stage.state === 'failed').length;

/** What the screen already shows of the call: its status and, on the call's page, its stages. */
export interface KnownCall {
  status: CallStatus;
  stages?: readonly CallStage[];
}

/**
 * The live stage progress of one call (`calls.progress`). When a stage settles the call's detail is fetched
 * again (a finished transcription shows at once); when the whole call settles (done or failed), the detail
 * once more, so the score, the sentiment and the metrics appear without a reload, and the lists. `restart`
 * subscribes again after a re-run, since the server ends the subscription once the call is done or failed.
 */
export function useCallProgress(client: CallsClient, callId: string, known: KnownCall, enabled = true) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<CallProgress | null>(null);
  const [lost, setLost] = useState(false);
  const [run, setRun] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let previous: CallProgress | null = null;
    setLost(false);
    const subscription = client.calls.progress.subscribe(
      { id: callId },
      {
        onData: (next) => {
          setProgress(next);
          setLost(false);
          const before = previous;
          previous = next;
          // The first answer is compared with what is on screen: the call may have moved on since it was fetched.
          const statusBefore = before ? before.status : known.status;
          const settledBefore = before ? settled(before.stages) : known.stages ? settled(known.stages) : null;
          const finished = next.status !== 'processing' && statusBefore !== next.status;
          const stageSettled = settledBefore !== null && settled(next.stages) !== settledBefore;
          if (finished || stageSettled) void queryClient.invalidateQueries({ queryKey: callsKeys.detail(callId) });
          if (finished) {
            void queryClient.invalidateQueries({ queryKey: callsKeys.lists });
            void queryClient.invalidateQueries({ queryKey: callsKeys.dashboards });
          }
        },
        onError: () => setLost(true),
      },
    );
    return () => subscription.unsubscribe();
    // `known` is read once per subscription on purpose: the detail refetch it triggers must not resubscribe.
  }, [client, callId, enabled, run, queryClient]);

  return { progress, lost, restart: () => setRun((n) => n + 1) };
}
