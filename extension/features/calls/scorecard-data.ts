import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Scorecard, ScorecardSaveInput } from '@sufler/shared';
import type { CallsClient } from './calls-client';
import { callsKeys } from './use-calls-data';

export const scorecardKeys = {
  /** The same list the call screens' scorecard choices read: a saved template shows there too. */
  list: callsKeys.scorecards,
  one: (key: string) => ['scorecards', 'get', key] as const,
};

/** The newest version of one template; `enabled` is false while a new one is being written. */
export function useScorecard(client: CallsClient, key: string, enabled = true) {
  return useQuery({
    queryKey: scorecardKeys.one(key),
    queryFn: () => client.scorecards.get.query({ key }),
    enabled,
    // The form is filled from the first answer; a refetch on focus would only disagree with it.
    refetchOnWindowFocus: false,
  });
}

/** Saves the next version (admins only); the answer is the new version, which the list then shows. */
export function useSaveScorecard(client: CallsClient) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScorecardSaveInput): Promise<Scorecard> => client.scorecards.save.mutate(input),
    onSuccess: (saved) => {
      queryClient.setQueryData(scorecardKeys.one(saved.key), saved);
      void queryClient.invalidateQueries({ queryKey: scorecardKeys.list });
    },
  });
}
