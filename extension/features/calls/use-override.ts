import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallDetail, OverrideCriterionInput } from '@sufler/shared';
import type { CallsClient } from './calls-client';
import { callsKeys } from './use-calls-data';

/** Sets or removes (result null) a reviewer's override; the new total shows at once, in the list too. */
export function useOverrideCriterion(client: CallsClient, callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<OverrideCriterionInput, 'callId'>): Promise<CallDetail> =>
      client.calls.overrideCriterion.mutate({ callId, ...input }),
    onSuccess: (detail) => {
      queryClient.setQueryData(callsKeys.detail(callId), detail);
      void queryClient.invalidateQueries({ queryKey: callsKeys.lists });
      void queryClient.invalidateQueries({ queryKey: callsKeys.dashboards });
    },
  });
}
