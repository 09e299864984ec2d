import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { TEAM_ROLES, type LiveNotice, type LiveSegment, type LiveSession, type LiveStartInput, type LiveStartResult } from '@sufler/shared';
import { DomainError, notFound } from '../../errors';
import type { Logger } from '../../logger';
import type { Actor } from '../actor';
import type { AnalysisService } from '../analysis/analysis.service';
import { audit } from '../audit/audit';
import type { CallsService } from '../calls/calls-service';
import type { AudioCodec, BlobStore, SpeechClassifierFactory } from '../calls/ports';
import { findVisibleSession } from '../sessions/session.service';
import { UserEntity } from '../users/user.entity';
import { finishLiveSession } from './finish-live-session';
import { followLiveSession } from './follow-live-session';
import { toLiveSession, toSegment } from './live-views';
import { liveBlobs } from './live-blobs';
import type { LiveEvents } from './live-events';
import { loadNotice, saveNotice } from './live-notice';
import { createLiveRecorder, type LiveRecorder } from './live-recorder';
import { LiveSegmentEntity } from './live-segment.entity';
import { LiveSessionEntity, type LiveSessionRow } from './live-session.entity';
import type { LiveTranscriber } from './ports';

export type LiveServiceDeps = {
  orm: MikroORM;
  blobs: BlobStore;
  speech: SpeechClassifierFactory;
  transcriber: LiveTranscriber | null;
  analysis: AnalysisService;
  calls: CallsService;
  events: LiveEvents;
  audio: AudioCodec;
  logger: Logger;
  settings: { language: string; endSilenceMs: number; resumeWindowMs: number; maxPerUser: number; maxDurationMs: number };
};

/**
 * Live meetings: consent and start, the recorders of captures connected to this process, Stop (the
 * recording becomes a call), following a session from the panel, and the sweep that makes a call of a
 * session whose capture went away and never came back.
 */
export function createLiveService(deps: LiveServiceDeps) {
  const recorders = new Map<string, { recorder: LiveRecorder; owner: symbol }>();
  const finishing = new Map<string, Promise<LiveSession>>();
  const detachTimers = new Map<string, NodeJS.Timeout>();

  async function visible(em: EntityManager, actor: Actor, id: string): Promise<LiveSessionRow> {
    const row = await em.findOne(LiveSessionEntity, { id });
    if (!row || (row.user.id !== actor.id && !TEAM_ROLES.includes(actor.role))) throw notFound('Live session');
    return row;
  }

  async function start(em: EntityManager, actor: Actor, input: LiveStartInput): Promise<LiveStartResult> {
    const session = await findVisibleSession(em, actor, input.sessionId);
    if (session.endedAt) throw new DomainError('CONFLICT', 'This session has ended; start a new one to continue');
    if (await em.count(LiveSessionEntity, { session: session.id, status: { $in: ['recording', 'stopping'] } })) {
      throw new DomainError('CONFLICT', 'This session is already being recorded: stop that recording first');
    }
    const mine = await em.count(LiveSessionEntity, { user: actor.id, status: 'recording' });
    if (mine >= deps.settings.maxPerUser) throw new DomainError('CONFLICT', `At most ${deps.settings.maxPerUser} live recordings at once: stop one first`);
    const notice = await loadNotice(em);
    if (input.noticeVersion !== notice.version) throw new DomainError('CONFLICT', 'The recording notice has changed: read the new one and confirm again');

    const row = em.create(LiveSessionEntity, {
      session: session.id,
      client: session.client.id,
      user: actor.id,
      mode: input.mode,
      transcription: deps.transcriber ? 'live' : 'off',
      consentAt: new Date(),
      noticeVersion: notice.version,
      origin: input.origin ?? 'chrome-extension',
    });
    // The consent itself is the audited fact: who confirmed, when (the row's time), which notice.
    audit(em, { actor, action: 'create', entity: 'live_session', entityId: row.id, detail: { sessionId: session.id, consent: true, noticeVersion: notice.version, mode: input.mode, origin: row.origin } });
    await em.flush();
    return { live: toLiveSession(row), socketPath: '/live' };
  }

  /** The capture's socket says hello: the recorder for that session, made from the row if this process has none. */
  async function attach(actor: Actor, id: string): Promise<{ recorder: LiveRecorder; owner: symbol; row: LiveSessionRow }> {
    const em = deps.orm.em.fork();
    const row = await em.findOne(LiveSessionEntity, { id });
    if (!row) throw notFound('Live session');
    // Only the rep who started it streams into it; a manager may watch (follow), not speak for them.
    if (row.user.id !== actor.id) throw new DomainError('FORBIDDEN', 'This live session belongs to another user');
    if (row.status !== 'recording') throw new DomainError('CONFLICT', `This live session is ${row.status}`);
    clearTimeout(detachTimers.get(id));
    detachTimers.delete(id);
    const owner = Symbol(id);
    const held = recorders.get(id);
    if (held) {
      held.owner = owner;
      return { recorder: held.recorder, owner, row };
    }
    const recorder = await createLiveRecorder(row, actor, {
      orm: deps.orm,
      blobs: deps.blobs,
      speech: deps.speech,
      transcriber: deps.transcriber,
      analysis: deps.analysis,
      events: deps.events,
      logger: deps.logger,
      language: deps.settings.language,
      endSilenceMs: deps.settings.endSilenceMs,
      maxDurationMs: deps.settings.maxDurationMs,
    });
    recorders.set(id, { recorder, owner });
    return { recorder, owner, row };
  }

  /** The socket closed without `end`: keep the recorder for a reconnect; past the window, the recording becomes a call. */
  async function detach(id: string, owner: symbol): Promise<void> {
    const held = recorders.get(id);
    if (!held || held.owner !== owner) return;
    await held.recorder.detach();
    clearTimeout(detachTimers.get(id));
    detachTimers.set(
      id,
      setTimeout(() => {
        detachTimers.delete(id);
        if (recorders.get(id)?.owner !== owner) return;
        // The capture may have come back to another replica, which then keeps the row fresh: only a stale one is ended.
        void finishIfStale(id).catch((error: unknown) => deps.logger.error({ err: error, liveSessionId: id }, 'could not finish an abandoned live session'));
      }, deps.settings.resumeWindowMs + 5000).unref(),
    );
  }

  async function finishIfStale(id: string): Promise<void> {
    const row = await deps.orm.em.fork().findOne(LiveSessionEntity, { id });
    if (!row || row.status !== 'recording') return;
    if (row.updatedAt.getTime() > Date.now() - deps.settings.resumeWindowMs) {
      // Written to meanwhile by a recorder elsewhere: this process lets its copy go.
      recorders.get(id)?.recorder.close();
      recorders.delete(id);
      return;
    }
    await finish(id);
  }

  /** Stop: the tail is stored and transcribed, the recording becomes a call. Safe to call twice (the second waits for the first). */
  function finish(id: string): Promise<LiveSession> {
    const running = finishing.get(id);
    if (running) return running;
    const work = finishNow(id).finally(() => finishing.delete(id));
    finishing.set(id, work);
    return work;
  }

  async function finishNow(id: string): Promise<LiveSession> {
    clearTimeout(detachTimers.get(id));
    detachTimers.delete(id);
    const em = deps.orm.em.fork();
    // One replica wins the row; another one's Stop sees `stopping` and waits for the outcome.
    const won = await em.nativeUpdate(LiveSessionEntity, { id, status: { $in: ['recording', 'failed'] } }, { status: 'stopping' });
    const held = recorders.get(id);
    recorders.delete(id);
    if (!won) {
      held?.recorder.close();
      return waitStopped(id);
    }
    let recorderError: unknown = null;
    if (held) await held.recorder.end().catch((error: unknown) => (recorderError = error));
    const row = await em.findOneOrFail(LiveSessionEntity, { id }, { refresh: true });
    emitState(row);
    const user = await em.findOneOrFail(UserEntity, { id: row.user.id });
    try {
      if (recorderError) throw recorderError;
      const callId = await finishLiveSession(em, row, { id: user.id, role: user.role }, deps);
      row.callId = callId;
      row.status = 'stopped';
      row.error = callId ? null : 'No audio was recorded';
      row.endedAt = new Date();
      await em.flush();
      if (callId) await deps.blobs.deletePrefix(liveBlobs.prefix(id));
    } catch (error) {
      // The chunks stay: Stop again retries, nothing recorded is lost.
      deps.logger.error({ err: error, liveSessionId: id }, 'a live recording could not become a call');
      row.status = 'failed';
      row.error = error instanceof Error ? error.message.slice(0, 500) : 'The recording could not be saved as a call';
      row.endedAt = new Date();
      await em.flush();
    }
    emitState(row);
    return toLiveSession(row);
  }

  async function waitStopped(id: string): Promise<LiveSession> {
    for (let i = 0; i < 600; i++) {
      const row = await deps.orm.em.fork().findOneOrFail(LiveSessionEntity, { id });
      if (row.status === 'stopped' || row.status === 'failed') return toLiveSession(row);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new DomainError('CONFLICT', 'The live session is still being saved; look again in a moment');
  }

  function emitState(row: LiveSessionRow) {
    deps.events.emit(row.id, { type: 'state', live: toLiveSession(row) });
  }

  async function stop(em: EntityManager, actor: Actor, id: string): Promise<LiveSession> {
    const row = await visible(em, actor, id);
    if (row.user.id !== actor.id && actor.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only the rep who records may stop the recording');
    if (row.status === 'stopped') return toLiveSession(row);
    audit(em, { actor, action: 'update', entity: 'live_session', entityId: id, detail: { stop: true } });
    await em.flush();
    return finish(id);
  }

  async function get(em: EntityManager, actor: Actor, id: string): Promise<LiveSession & { segments: LiveSegment[] }> {
    const row = await visible(em, actor, id);
    const segments = await em.find(LiveSegmentEntity, { liveSession: id }, { orderBy: { index: 'asc' } });
    audit(em, { actor, action: 'read', entity: 'live_session', entityId: id });
    await em.flush();
    return { ...toLiveSession(row), segments: segments.map(toSegment) };
  }

  /** The recording live session of a co-pilot session, if any (the panel reopened mid-meeting). */
  async function active(em: EntityManager, actor: Actor, sessionId: string): Promise<LiveSession | null> {
    await findVisibleSession(em, actor, sessionId);
    const row = await em.findOne(LiveSessionEntity, { session: sessionId, status: { $in: ['recording', 'stopping'] } });
    return row ? toLiveSession(row) : null;
  }

  /** Live sessions left recording by a process that died, and not resumed within the window: make them calls. */
  async function sweep(): Promise<number> {
    const before = new Date(Date.now() - deps.settings.resumeWindowMs);
    const stale = await deps.orm.em.fork().find(LiveSessionEntity, { status: 'recording', updatedAt: { $lt: before } });
    let count = 0;
    for (const row of stale) {
      if (recorders.has(row.id)) continue;
      await finish(row.id).catch((error: unknown) => deps.logger.error({ err: error, liveSessionId: row.id }, 'could not finish a stale live session'));
      count++;
    }
    return count;
  }

  return {
    events: deps.events,
    start,
    attach,
    detach,
    finish,
    stop,
    get,
    active,
    follow: (em: EntityManager, actor: Actor, id: string, signal?: AbortSignal) => followLiveSession(em, actor, id, { orm: deps.orm, events: deps.events, visible }, signal),
    sweep,
    /** Whether `owner` still holds the recorder (a newer socket for the same session takes it over). */
    holds: (id: string, owner: symbol) => recorders.get(id)?.owner === owner,
    notice: (em: EntityManager): Promise<LiveNotice> => loadNotice(em),
    saveNotice: (em: EntityManager, actor: Actor, text: string): Promise<LiveNotice> => saveNotice(em, actor, text),
    /** Closing the API: recorders dropped (their stored chunks stay; captures resume on the next start). */
    async close(): Promise<void> {
      for (const timer of detachTimers.values()) clearTimeout(timer);
      detachTimers.clear();
      await Promise.allSettled([...finishing.values()]);
      for (const { recorder } of recorders.values()) await recorder.detach().catch(() => undefined);
      for (const { recorder } of recorders.values()) recorder.close();
      recorders.clear();
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
