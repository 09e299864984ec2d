import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { LlmGateway } from '../adapters/ollama/llm-gateway';
import type { DatabaseKind } from '../db/orm';
import type { Logger } from '../logger';
import type { AnalysisService } from '../modules/analysis/analysis.service';
import type { CallsService } from '../modules/calls/calls-service';
import type { LiveService } from '../modules/live/live.service';
import type { AuthService } from '../modules/auth/auth.service';
import type { KnowledgeBase } from '../modules/knowledge/knowledge-base';
import type { AccessTokens } from '../modules/auth/tokens';
import type { Queue } from '../queue/queue';
import { clientAddress } from './client-address';

/** Inner context: what every procedure may use, the same for HTTP, WebSocket and tests. */
export type AppDeps = {
  orm: MikroORM;
  databaseKind: DatabaseKind;
  logger: Logger;
  accessTokens: AccessTokens;
  auth: AuthService;
  queue: Queue;
  /** The co-pilot: analysis on sessions, the knowledge index, and the model chain (null: rules mode only). */
  brain: { analysis: AnalysisService; knowledge: KnowledgeBase; llm: LlmGateway | null };
  /** Call evaluation: recordings, their processing, transcripts, scorecards and the dashboard. */
  calls: CallsService;
  /** Live meetings: consent, capture sessions, the live transcript into the co-pilot, the recording into a call. */
  live: LiveService;
};

/**
 * Outer context: the transport's part, i.e. the bearer token the caller presented, if any, and the address
 * it called from (absent for in-process callers: tests, the CLI's own app).
 */
export type Context = { deps: AppDeps; accessToken: string | null; clientAddress?: string | null };

/** Context after the base middleware: a fresh EntityManager for this one call. */
export type CallContext = Context & { em: EntityManager };

const BEARER = /^Bearer\s+(\S+)$/i;

/** The token of an `Authorization: Bearer …` header, if that is what it holds. */
export const bearerToken = (header: unknown): string | null => (typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null);

/** `trustedProxies`: SUFLER_TRUST_PROXY, how many reverse proxies' X-Forwarded-For to believe (see client-address.ts). */
export function createContextFactory(deps: AppDeps, { trustedProxies = 0 }: { trustedProxies?: number } = {}) {
  return (opts: {
    // Express's request over HTTP, the upgrade request over WebSocket: both are IncomingMessages.
    req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
    info?: { connectionParams?: Record<string, string | undefined> | null };
  }): Context => {
    const header = opts.req.headers.authorization;
    const fromHeader = bearerToken(header);
    // Browsers cannot set headers on a WebSocket: the client sends the token as a connection param.
    const fromParams = opts.info?.connectionParams?.token;
    return {
      deps,
      accessToken: fromHeader ?? (typeof fromParams === 'string' ? fromParams : null),
      clientAddress: clientAddress(opts.req.socket?.remoteAddress, opts.req.headers['x-forwarded-for'], trustedProxies),
    };
  };
}
