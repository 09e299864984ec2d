import type {
  CallDetail,
  CallListInput,
  CallProgress,
  CallStageName,
  CallSummary,
  ClientListInput,
  ConsultantChannel,
  Dashboard,
  DashboardInput,
  MergeSegmentsInput,
  OverrideCriterionInput,
  Scorecard,
  ScorecardSaveInput,
  SplitSegmentInput,
  UpdateSegmentInput,
  User,
} from '@sufler/shared';

/** A running subscription's handlers, as the tRPC client takes them. */
export interface SubscriptionHandlers<T> {
  onData: (value: T) => void;
  onError?: (error: unknown) => void;
  onComplete?: () => void;
}

/**
 * The part of the tRPC client the call screens use. The real client (lib/api-client) fits it; tests pass a
 * hand-written fake (`fakeCallsClient`). The call schemas carry ISO strings already, so no `Wire` mapping.
 */
export interface CallsClient {
  calls: {
    list: { query(input: Partial<CallListInput>): Promise<{ items: CallSummary[]; total: number }> };
    get: { query(input: { id: string }): Promise<CallDetail> };
    progress: {
      subscribe(input: { id: string }, handlers: SubscriptionHandlers<CallProgress>): { unsubscribe(): void };
    };
    rerun: { mutate(input: { id: string; stage: CallStageName }): Promise<CallProgress> };
    updateSegment: { mutate(input: UpdateSegmentInput): Promise<CallDetail> };
    mergeSegments: { mutate(input: MergeSegmentsInput): Promise<CallDetail> };
    splitSegment: { mutate(input: SplitSegmentInput): Promise<CallDetail> };
    recompute: { mutate(input: { id: string }): Promise<CallProgress> };
    overrideCriterion: { mutate(input: OverrideCriterionInput): Promise<CallDetail> };
    setScorecard: { mutate(input: { id: string; scorecardKey: string }): Promise<CallProgress> };
    setConsultantChannel: { mutate(input: { id: string; consultantChannel: ConsultantChannel }): Promise<CallProgress> };
    delete: { mutate(input: { id: string }): Promise<{ id: string }> };
    dashboard: { query(input: Partial<DashboardInput>): Promise<Dashboard> };
  };
  scorecards: {
    /** The newest version of each template (everyone signed in). */
    list: { query(): Promise<Scorecard[]> };
    get: { query(input: { key: string }): Promise<Scorecard> };
    /** Admins only: the next version of `key`, or version 1 of a new key; scored calls keep theirs. */
    save: { mutate(input: ScorecardSaveInput): Promise<Scorecard> };
  };
  /** Managers and admins only: the active users a call can be filed under (and filtered by). */
  users: { list: { query(): Promise<User[]> } };
  /** For linking an upload to a client; only the fields the picker shows. */
  clients: { list: { query(input: Partial<ClientListInput>): Promise<{ items: ClientOption[]; total: number }> } };
}

export interface ClientOption {
  id: string;
  name: string;
}

/** The tRPC error code of a failed call (CONFLICT, NOT_FOUND…), or null for anything else (network, bug). */
export function trpcErrorCode(error: unknown): string | null {
  const data = (error as { data?: { code?: unknown } } | null)?.data;
  return typeof data?.code === 'string' ? data.code : null;
}
