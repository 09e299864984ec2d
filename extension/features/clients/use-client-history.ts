import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client, CockpitClient } from '../cockpit/cockpit-client';
import { cockpitKeys } from '../cockpit/use-cockpit-data';
import { clientHistoryOf } from './client-history-view';

/** A client's file (`clients.history`), shaped for the history screen. */
export function useClientHistory(client: CockpitClient, clientId: string) {
  return useQuery({
    queryKey: cockpitKeys.clientHistory(clientId),
    queryFn: () => client.clients.history.query({ id: clientId }),
    select: clientHistoryOf,
  });
}

/**
 * Archive or restore a client. Either way everything under "clients" is refreshed: the searches (the client
 * moves between the "active" and "archived" filters) and the client's file.
 */
export function useSetArchived(client: CockpitClient) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, archived }: { target: Client; archived: boolean }) =>
      (archived ? client.clients.archive : client.clients.unarchive).mutate({ id: target.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cockpitKeys.clients }),
  });
}
