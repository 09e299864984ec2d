import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallFilters, CallListInput, DashboardInput } from '@sufler/shared';
import { useDebouncedValue } from '../cockpit/use-cockpit-data';
import type { CallsClient } from './calls-client';

/** Server data of the call screens, through react-query; the keys live here so invalidation stays consistent. */
export const callsKeys = {
  all: ['calls'] as const,
  lists: ['calls', 'list'] as const,
  list: (input: Partial<CallListInput>) => ['calls', 'list', input] as const,
  detail: (id: string) => ['calls', 'get', id] as const,
  dashboards: ['calls', 'dashboard'] as const,
  dashboard: (input: Partial<DashboardInput>) => ['calls', 'dashboard', input] as const,
  users: ['users', 'list'] as const,
  clientOptions: (search: string) => ['calls', 'client-options', search] as const,
  scorecards: ['scorecards', 'list'] as const,
};

export const PAGE_SIZE = 25;

export function useCallList(client: CallsClient, filters: CallFilters, offset: number) {
  const input = { ...filters, limit: PAGE_SIZE, offset };
  return useQuery({
    queryKey: callsKeys.list(input),
    queryFn: () => client.calls.list.query(input),
    // The next page or a new filter keeps the current rows on screen until the answer comes.
    placeholderData: keepPreviousData,
  });
}

export function useCallDetail(client: CallsClient, id: string) {
  return useQuery({
    queryKey: callsKeys.detail(id),
    queryFn: () => client.calls.get.query({ id }),
    // A refetch on focus would replace the transcript under a reviewer's open edit; progress triggers refetches.
    refetchOnWindowFocus: false,
  });
}

export function useScorecards(client: CallsClient) {
  return useQuery({
    queryKey: callsKeys.scorecards,
    queryFn: () => client.scorecards.list.query(),
    staleTime: 5 * 60_000,
  });
}

export function useDashboard(client: CallsClient, input: Partial<DashboardInput>) {
  return useQuery({
    queryKey: callsKeys.dashboard(input),
    queryFn: () => client.calls.dashboard.query(input),
    placeholderData: keepPreviousData,
  });
}

/**
 * The active users (`users.list`, managers and admins only): whom an upload can be filed under, and the
 * consultant filter's choices. `enabled` is false for consultants, who see only their own calls.
 */
export function useUsers(client: CallsClient, enabled: boolean) {
  return useQuery({
    queryKey: callsKeys.users,
    queryFn: () => client.users.list.query(),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Clients matching what was typed (name, e-mail, phone, company), once the typing pauses; 20 at most. */
export function useClientOptions(client: CallsClient, search: string, debounceMs = 300) {
  const term = useDebouncedValue(search.trim(), debounceMs);
  return useQuery({
    queryKey: callsKeys.clientOptions(term),
    queryFn: async () => (await client.clients.list.query({ search: term || undefined, limit: 20 })).items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
