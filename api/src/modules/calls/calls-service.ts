import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CallDetail,
  CallListInput,
  CallProgress,
  CallStageName,
  CallSummary,
  Dashboard,
  DashboardInput,
  MergeSegmentsInput,
  OverrideCriterionInput,
  Scorecard,
  ScorecardSaveInput,
  SplitSegmentInput,
  TranscriptRevision,
  UpdateSegmentInput,
  ConsultantChannel,
  CallFilters,
  UploadOptions,
  UploadResult,
} from '@sufler/shared';
import type { Actor } from '../actor';
import type { IngestExtras, ReceivedFile } from './ingest-recording';
import type { CallExportRow } from './reports/call-export-row';

/**
 * What the calls router, the HTTP routes and the CLI may ask of call evaluation. Every method takes the
 * actor and applies the role rule itself: consultants see their own calls, managers and admins all.
 */
export type CallsService = {
  list(em: EntityManager, actor: Actor, input: CallListInput): Promise<{ items: CallSummary[]; total: number }>;
  get(em: EntityManager, actor: Actor, id: string): Promise<CallDetail>;
  /** Current progress, then every change until the call is done or failed (or `signal` aborts). */
  progress(em: EntityManager, actor: Actor, id: string, signal?: AbortSignal): AsyncGenerator<CallProgress>;
  rerun(em: EntityManager, actor: Actor, id: string, stage: CallStageName): Promise<CallProgress>;
  updateSegment(em: EntityManager, actor: Actor, input: UpdateSegmentInput): Promise<CallDetail>;
  mergeSegments(em: EntityManager, actor: Actor, input: MergeSegmentsInput): Promise<CallDetail>;
  splitSegment(em: EntityManager, actor: Actor, input: SplitSegmentInput): Promise<CallDetail>;
  revisions(em: EntityManager, actor: Actor, id: string): Promise<TranscriptRevision[]>;
  /** Re-runs the scorecard and sentiment stages on the transcript as it is now. */
  recompute(em: EntityManager, actor: Actor, id: string): Promise<CallProgress>;
  overrideCriterion(em: EntityManager, actor: Actor, input: OverrideCriterionInput): Promise<CallDetail>;
  setScorecard(em: EntityManager, actor: Actor, id: string, scorecardKey: string): Promise<CallProgress>;
  setConsultantChannel(em: EntityManager, actor: Actor, id: string, channel: ConsultantChannel): Promise<CallProgress>;
  remove(em: EntityManager, actor: Actor, id: string): Promise<{ id: string }>;
  dashboard(em: EntityManager, actor: Actor, input: DashboardInput): Promise<Dashboard>;
  /** Validates and stores an uploaded recording and queues its processing (see `ingestRecording`). */
  ingest(em: EntityManager, actor: Actor, file: ReceivedFile, options: UploadOptions, extras?: IngestExtras): Promise<UploadResult>;
  /** The original recording, for playback; audited as a read. */
  audio(em: EntityManager, actor: Actor, id: string): Promise<{ bytes: Buffer; mimeType: string; call: CallSummary }>;
  /** The filtered calls with their criterion results, for the XLSX export (at most EXPORT_LIMIT); audited. */
  exportRows(em: EntityManager, actor: Actor, filters: CallFilters): Promise<CallExportRow[]>;
  /** One call for its PDF report; audited as an export. */
  reportOf(em: EntityManager, actor: Actor, id: string): Promise<CallDetail>;
  /** A client's erasure: deletes their calls in the caller's transaction; `afterCommit` removes the audio. */
  eraseClientCalls(tx: EntityManager, clientId: string): Promise<{ calls: number; afterCommit: () => Promise<void> }>;
  scorecards: {
    list(em: EntityManager): Promise<Scorecard[]>;
    get(em: EntityManager, key: string): Promise<Scorecard>;
    /** Admins only (the router says so): saves a new version; calls keep the version they were scored on. */
    save(em: EntityManager, actor: Actor, input: ScorecardSaveInput): Promise<Scorecard>;
  };
};
