import { randomUUID } from 'node:crypto';
import type { EventSubscriber } from '@mikro-orm/core';
import type { AnalysisEvent, ChatEvent } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryUsageStore } from '../src/adapters/ollama/llm-gateway';
import { createBrain } from '../src/brain';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { readAnalysisState } from '../src/modules/analysis/analysis-state';
import { buildAnalysisState, loadInteractions } from '../src/modules/analysis/session-state';
import { InteractionEntity } from '../src/modules/sessions/interaction.entity';
import { SessionEntity } from '../src/modules/sessions/session.entity';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

// Issue 11: observe reads the session's folded analysis state, not every earlier interaction.

const NOTES = [
  'Pan Marek z żoną, dwoje dzieci (3 i 7 lat). Pytali o bezpieczeństwo, isofix i bagażnik na wózek. Budżet do 250 tys. zł.',
  'Obecnie jeździ Skodą Octavią z 2016, chce ją oddać w rozliczeniu. Pyta o ratę leasingu na firmę i odliczenie VAT.',
  'Mówi, że za drogo, w innym salonie dostał większy rabat na BMW i4. Zastanowi się i odezwie.',
  'Interesuje go przyspieszenie 0-100 i moc; chciałby się przejechać w weekend, na razie tylko się rozgląda.',
  'Boi się zasięgu zimą i ładowania w trasie do Zakopanego; ma dom z fotowoltaiką, myśli o wallboxie.',
  'Wife decides; they think it is too expensive, maybe next year. Asked about the warranty on the battery.',
  'Muszę to jeszcze przemyśleć z żoną.',
];

type Done = Extract<AnalysisEvent, { type: 'done' }>;

/** How an observation reads without a model, for the rows whose analysis never finished. */
let traceOf: (text: string) => ReturnType<Awaited<ReturnType<typeof createBrain>>['analyzer']['traceOf']>;
beforeAll(async () => {
  const brain = await createBrain(loadEnv({ SUFLER_LLM: 'off' }), { logger: createLogger({ LOG_LEVEL: 'silent' }), usage: createMemoryUsageStore() });
  traceOf = brain.analyzer.traceOf;
});

describe.each(DATABASES)('the analysis state of a session (%s, rules mode)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { SUFLER_SUMMARY_TOKENS: '200' });
  });
  afterAll(() => t?.close());

  async function newSession() {
    const me = await t.as('consultant');
    const client = await me.caller.clients.create({ name: 'Anna Nowak' });
    const session = await me.caller.sessions.start({ clientId: client.id });
    const observe = async (text: string, requestId?: string) =>
      (await collect((await me.caller.analysis.observe({ sessionId: session.id, text, requestId })) as AsyncIterable<AnalysisEvent>)).at(-1) as Done;
    /** What a stream broken right after `accepted` leaves: the observation stored, its analysis never done. */
    const interrupted = async (text: string, requestId: string) => {
      for await (const event of (await me.caller.analysis.observe({ sessionId: session.id, text, requestId })) as AsyncIterable<AnalysisEvent>) if (event.type === 'accepted') break;
    };
    return { ...me, session, observe, interrupted };
  }

  async function stored(sessionId: string) {
    const em = t.em();
    const session = await em.findOneOrFail(SessionEntity, { id: sessionId }, { populate: ['analysisState'] });
    const state = readAnalysisState(session.analysisState);
    // The summary job moves on in the background: the state forgets the lengths it covered as of the
    // last observation, so the rows are folded as of then.
    if (state) expect(state.lengthsFrom).toBeLessThanOrEqual(session.summarizedCount);
    const asOfLast = { ...session, summarizedCount: state?.lengthsFrom ?? session.summarizedCount };
    return { session, state, rebuilt: buildAnalysisState(await loadInteractions(em, sessionId), asOfLast, traceOf) };
  }

  test.each([1, 6, 25])('after %i observations (with regenerated moves, chat, an interrupted analysis and its resend) the stored state is the one the rows give', async (count) => {
    const { caller, session, observe, interrupted } = await newSession();
    for (let i = 0; i < count; i++) {
      const done = await observe(NOTES[(i * 3) % NOTES.length]!);
      if (i % 5 === 1) await caller.analysis.regenerate({ interactionId: done.interactionId });
      if (i % 7 === 2) await collect((await caller.chat.send({ sessionId: session.id, text: 'Co dalej?' })) as AsyncIterable<ChatEvent>);
      if (i % 8 === 3) {
        const requestId = randomUUID();
        await interrupted(NOTES[i % NOTES.length]!, requestId);
        if (i % 16 === 3) await observe(NOTES[i % NOTES.length]!, requestId);
      }
    }
    const { state, rebuilt } = await stored(session.id);
    expect(state).not.toBeNull();
    expect(state).toEqual(rebuilt);
    expect(state!.count).toBe((await t.em().find(InteractionEntity, { session: session.id, kind: { $ne: 'chat' } })).length);
  });

  test('a session from before the state (or with a state of an older version) is rebuilt on its next observation, and analysed the same', async () => {
    const kept = await newSession();
    const lost = await newSession();
    for (const text of NOTES.slice(0, 5)) {
      await kept.observe(text);
      await lost.observe(text);
    }
    const conn = t.em().getConnection();
    await conn.execute(`update client_session set analysis_state = null where id = ?`, [lost.session.id]);
    expect((await stored(lost.session.id)).state).toBeNull();

    const [withState, rebuiltOnce] = [await kept.observe(NOTES[5]!), await lost.observe(NOTES[5]!)];
    expect(rebuiltOnce.analysis).toEqual(withState.analysis);
    const after = await stored(lost.session.id);
    expect(after.state).toEqual(after.rebuilt);
    expect(after.state!.count).toBe(6);

    // A state this code does not know (another version) is rebuilt too, not trusted.
    const em = t.em();
    const row = await em.findOneOrFail(SessionEntity, { id: lost.session.id }, { populate: ['analysisState'] });
    row.analysisState = { ...row.analysisState, version: 0 };
    await em.flush();
    await lost.observe(NOTES[6]!);
    const again = await stored(lost.session.id);
    expect(again.state).toEqual(again.rebuilt);
    expect(again.state!.count).toBe(7);
  });
});

describe.each(DATABASES)('the cost of an observation (%s)', (database) => {
  let t: TestApp;
  // No summary job meanwhile: it reads rows of its own, which the probe would count.
  beforeAll(async () => {
    t = await createTestApp(database, { SUFLER_SUMMARY_TOKENS: '100000' });
  });
  afterAll(() => t?.close());

  test('an observation loads no earlier interaction: the 50th loads as many rows as the 5th, none', async () => {
    const me = await t.as('consultant');
    const client = await me.caller.clients.create({ name: 'Jan Kowalski' });
    const session = await me.caller.sessions.start({ clientId: client.id });
    const observe = async (text: string) => collect((await me.caller.analysis.observe({ sessionId: session.id, text })) as AsyncIterable<AnalysisEvent>);
    let loaded = 0;
    const probe: EventSubscriber = { getSubscribedEntities: () => [InteractionEntity], onLoad: () => void loaded++ };
    t.app.deps.orm.em.getEventManager().registerSubscriber(probe);
    const loadsOf = async (text: string) => {
      loaded = 0;
      await observe(text);
      return loaded;
    };
    const counts: number[] = [];
    for (let i = 1; i <= 50; i++) {
      const n = await loadsOf(NOTES[i % NOTES.length]!);
      if (i === 5 || i === 50) counts.push(n);
    }
    expect(counts).toEqual([0, 0]);
    // The strategy and a regenerate read the state too: no rows but the regenerated observation.
    const last = (await t.em().find(InteractionEntity, { session: session.id }, { orderBy: { at: 'desc' }, limit: 1 }))[0]!;
    loaded = 0;
    await me.caller.analysis.strategy({ sessionId: session.id });
    await me.caller.analysis.regenerate({ interactionId: last.id });
    expect(loaded).toBe(1);
    // The probe sees rows when they are read: reading the session's rows counts every one of them.
    loaded = 0;
    await loadInteractions(t.em(), session.id);
    expect(loaded).toBe(50);
  });
});
