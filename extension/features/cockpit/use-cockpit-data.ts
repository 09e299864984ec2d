import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ClientListInput } from '@sufler/shared';
import type { Client, CockpitClient, Session } from './cockpit-client';

/** Server data of the cockpit, through react-query; the keys live here so invalidation stays consistent. */
export const cockpitKeys = {
  clients: ['clients'] as const,
  clientSearch: (term: string, archived: ClientListInput['archived'] = 'exclude') => ['clients', 'list', term, archived] as const,
  clientHistory: (clientId: string) => ['clients', 'history', clientId] as const,
  session: (id: string) => ['sessions', 'get', id] as const,
  resume: ['resume'] as const,
  strategy: (sessionId: string) => ['analysis', 'strategy', sessionId] as const,
};

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Search as you type: asks once the typing pauses, and keeps the last results on screen meanwhile. */
export function useClientSearch(
  client: CockpitClient,
  search: string,
  debounceMs: number,
  archived: ClientListInput['archived'] = 'exclude',
) {
  const term = useDebouncedValue(search.trim(), debounceMs);
  const query = useQuery({
    queryKey: cockpitKeys.clientSearch(term, archived),
    queryFn: () =>
      client.clients.list.query({ search: term || undefined, limit: 20, ...(archived !== 'exclude' && { archived }) }),
    placeholderData: keepPreviousData,
  });
  return { ...query, term, settling: term !== search.trim() };
}

export function useCreateClient(client: CockpitClient) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client.clients.create.mutate({ name: name.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cockpitKeys.clients }),
  });
}

/** The latest open session of a client (the list comes newest first), or a new one. */
export async function openSession(client: CockpitClient, clientId: string): Promise<Session> {
  const sessions = await client.sessions.list.query({ clientId });
  return sessions.find((session) => session.endedAt === null) ?? (await client.sessions.start.mutate({ clientId }));
}

export function useOpenSession(client: CockpitClient) {
  return useMutation({ mutationFn: (picked: Client) => openSession(client, picked.id) });
}

export function useSessionDetail(client: CockpitClient, sessionId: string) {
  return useQuery({
    queryKey: cockpitKeys.session(sessionId),
    queryFn: () => client.sessions.get.query({ id: sessionId }),
    // The conversation store owns the live state; a refetch on focus would only race a running stream.
    refetchOnWindowFocus: false,
  });
}
