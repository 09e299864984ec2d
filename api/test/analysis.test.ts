import { setTimeout as sleep } from 'node:timers/promises';
import type { AnalysisEvent, ChatEvent } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

const FAMILY =
  'Pan Marek z żoną, mają dwoje dzieci (3 i 7 lat). Pytali o bezpieczeństwo, mocowania isofix i bagażnik na wózek. ' +
  'Budżet do 250 tys. zł, obecne auto Skoda Octavia z 2016 chcą oddać w rozliczeniu.';
const PERFORMANCE = 'Teraz pyta głównie o przyspieszenie 0-100, moc i wrażenia z jazdy; chciałby przejechać się w weekend na tor.';
const PRICE = 'Mówi, że za drogo, w innym salonie dostał większy rabat na BMW i4. Zastanowi się.';

/** A session seen in the product: a family with a range worry and a spouse to ask, then the spouse's price comparison. */
const FAMILY_OBJECTIONS = [
  'Klientka ma dwoje dzieci i psa, pyta o isofix i bagażnik. Budżet do 230 tys. zł, chce oddać starą Skodę w rozliczeniu. ' +
    'Boi się zasięgu zimą na trasie do Zakopanego. Musi to jeszcze przemyśleć z mężem.',
  'Mąż jeździ Teslą kolegi i mówi, że BYD jest tańszy o 20 tys.',
];

describe.each(DATABASES)('the co-pilot on stored sessions (%s, rules mode)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { SUFLER_SUMMARY_TOKENS: '200' });
  });
  afterAll(() => t?.close());

  async function newSession(role: 'consultant' | 'manager' = 'consultant') {
    const me = await t.as(role);
    const client = await me.caller.clients.create({ name: 'Marek Zieliński' });
    const session = await me.caller.sessions.start({ clientId: client.id });
    return { ...me, client, session };
  }

  const observe = (caller: Awaited<ReturnType<typeof newSession>>['caller'], sessionId: string, text: string) =>
    caller.analysis.observe({ sessionId, text }).then((it) => collect(it as AsyncIterable<AnalysisEvent>));

  test('observe streams the stages in order, stores the observation with its analysis, and learns key facts', async () => {
    const { caller, session } = await newSession();
    const events = await observe(caller, session.id, FAMILY);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'signals', 'archetypes', 'scores', 'suggestion', 'suggestion', 'suggestion', 'suggestion', 'done']);
    const done = events.at(-1) as Extract<AnalysisEvent, { type: 'done' }>;
    expect(done.analysis).toMatchObject({ mode: 'rules', model: null, language: 'pl' });
    expect(done.analysis.archetypes[0]!.id).toBe('family_guardian');
    expect(done.analysis.modules).toContain('family');
    expect(done.analysis.suggestions).toHaveLength(4);

    const stored = await caller.sessions.get({ id: session.id });
    expect(stored.interactions).toHaveLength(1);
    expect(stored.interactions[0]).toMatchObject({ id: done.interactionId, kind: 'note', input: FAMILY });
    expect((stored.interactions[0]!.response as { analysis: unknown }).analysis).toEqual(JSON.parse(JSON.stringify(done.analysis)));
    expect(stored.keyFacts).toMatchObject({ budget: expect.stringContaining('250'), family: expect.any(String) });
  });

  test('the classification accumulates over the session and says when and why the leader changed', async () => {
    const { caller, session } = await newSession();
    await observe(caller, session.id, FAMILY);
    await observe(caller, session.id, PERFORMANCE);
    const third = await observe(caller, session.id, PERFORMANCE.replace('Teraz', 'Znowu'));
    const changes = third.filter((e) => e.type === 'archetypes').map((e) => (e as Extract<AnalysisEvent, { type: 'archetypes' }>).leaderChange);
    const all = [...(await caller.sessions.get({ id: session.id })).interactions.map((i) => (i.response as { analysis: { leaderChange: unknown; archetypes: { id: string }[] } }).analysis)];
    expect(all[0]!.archetypes[0]!.id).toBe('family_guardian');
    expect(all.at(-1)!.archetypes[0]!.id).toBe('performance_enthusiast');
    const change = all.map((a) => a.leaderChange).find(Boolean) ?? changes.find(Boolean);
    expect(change).toMatchObject({ from: 'family_guardian', to: 'performance_enthusiast', because: expect.arrayContaining([expect.stringMatching(/przyspieszenie|0-100|moc/)]) });
  });

  test('regenerate gives 4 new moves, never one shown before in the session', async () => {
    const { caller, session } = await newSession();
    const events = await observe(caller, session.id, PRICE);
    const done = events.at(-1) as Extract<AnalysisEvent, { type: 'done' }>;
    const seen = new Set(done.analysis.suggestions.map((s) => s.id));
    for (let round = 0; round < 5; round++) {
      const { suggestions, producedBy } = await caller.analysis.regenerate({ interactionId: done.interactionId });
      expect(producedBy.mode).toBe('rules');
      expect(suggestions).toHaveLength(4);
      for (const s of suggestions) {
        expect(seen.has(s.id)).toBe(false);
        seen.add(s.id);
      }
    }
    // A later observation in the same session does not bring the shown ones back either.
    const later = (await observe(caller, session.id, PRICE)).at(-1) as Extract<AnalysisEvent, { type: 'done' }>;
    for (const s of later.analysis.suggestions) expect(seen.has(s.id)).toBe(false);
  });

  test.each<[string, number, string, RegExp]>([
    ['note 1: the spouse objection', 1, 'signal:decision_maker_absent', /przemyśleć z mężem/],
    // The older spouse objection was answered by note 1; the newest note's competitor price comes first.
    ['note 2: the competitor’s lower price', 2, 'signal:price_objection', /BYD.*tańszy|tańszy.*BYD/],
  ])('%s is answered first, and every why names only what its move answers', async (_case, notes, answers, quoted) => {
    const { caller, session } = await newSession();
    let done: Extract<AnalysisEvent, { type: 'done' }> | undefined;
    for (const note of FAMILY_OBJECTIONS.slice(0, notes)) {
      done = (await observe(caller, session.id, note)).at(-1) as Extract<AnalysisEvent, { type: 'done' }>;
    }
    const { signals, suggestions } = done!.analysis;
    const [first] = suggestions;
    expect(first!.kind).toBe('objection_handling');
    expect(first!.basedOn).toContain(answers);
    expect(first!.rationale).toMatch(quoted);
    for (const move of suggestions) {
      const named = signals.filter((s) => move.basedOn.includes(`signal:${s.id}`)).map((s) => s.evidence);
      for (const [, quote] of move.rationale.matchAll(/„([^”]+)”/g)) expect(named).toContain(quote);
    }
  });

  test('the full strategy has five sections and is cached until the session changes', async () => {
    const { caller, session } = await newSession();
    await observe(caller, session.id, FAMILY);
    const first = await caller.analysis.strategy({ sessionId: session.id });
    expect(first).toMatchObject({ cached: false, producedBy: { mode: 'rules' } });
    expect(first.strategy.summary.text).toContain('Strażnik Rodziny');
    for (const list of [first.strategy.summary.motivations, first.strategy.phrasesAndStyle.keyPhrases, first.strategy.script.steps, first.strategy.objections, first.strategy.qualifyingQuestions]) {
      expect(list.length).toBeGreaterThan(0);
    }
    expect(await caller.analysis.strategy({ sessionId: session.id })).toMatchObject({ cached: true, strategy: first.strategy });
    expect((await caller.analysis.strategy({ sessionId: session.id, language: 'en' })).cached).toBe(false);
    await observe(caller, session.id, PERFORMANCE);
    expect((await caller.analysis.strategy({ sessionId: session.id })).cached).toBe(false);
  });

  test('chat streams the advisor and stores question and answer', async () => {
    const { caller, session } = await newSession();
    await observe(caller, session.id, FAMILY);
    const events = (await collect((await caller.chat.send({ sessionId: session.id, text: 'Jak podejść do żony klienta?' })) as AsyncIterable<ChatEvent>));
    expect(events.at(-1)).toMatchObject({ type: 'done', producedBy: { mode: 'rules' } });
    const text = events.filter((e) => e.type === 'delta').map((e) => (e as { text: string }).text).join('');
    expect(text).toContain('tryb reguł');
    const stored = await caller.sessions.get({ id: session.id });
    expect(stored.interactions.at(-1)).toMatchObject({ kind: 'chat', input: 'Jak podejść do żony klienta?', response: { answer: text } });
  });

  test('a long session is folded into the running summary by a background job; a new session carries it', async () => {
    const { caller, session, client } = await newSession();
    // SUFLER_SUMMARY_TOKENS=200: past about 800 characters the older observations are summarised.
    for (const text of [FAMILY, PERFORMANCE, PRICE, FAMILY, PERFORMANCE, PRICE, FAMILY]) await observe(caller, session.id, text);
    let summary: string | null = null;
    for (let i = 0; i < 100 && !summary; i++) {
      summary = (await caller.sessions.get({ id: session.id })).summary;
      if (!summary) await sleep(100);
    }
    expect(summary).toContain('dwoje dzieci');
    await caller.sessions.end({ id: session.id });
    const next = await caller.sessions.start({ clientId: client.id });
    expect(next.summary).toBe((await caller.sessions.get({ id: session.id })).summary);
  });

  test('knowledge.search finds passages by inflected keywords, with their sources', async () => {
    const { caller } = await t.as('consultant');
    const hits = await caller.knowledge.search({ query: 'odliczenie VAT w leasingu dla firmy', limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(['company_fleet', 'financing']).toContain(hits[0]!.module);
    expect(hits[0]!.text).toMatch(/VAT/);
    for (const hit of hits) expect(hit.source.length).toBeGreaterThan(0);
    expect(hits.some((h) => /\{\{/.test(h.text))).toBe(false);
  });

  test("bad input and other people's sessions are refused, and nothing is written", async () => {
    const owner = await newSession();
    const stranger = await t.as('consultant');
    const before = await t.counts();
    await expect(observe(stranger.caller, owner.session.id, FAMILY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(observe(owner.caller, owner.session.id, '   ')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(observe(owner.caller, owner.session.id, 'x'.repeat(20_001))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(stranger.caller.analysis.strategy({ sessionId: owner.session.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stranger.caller.analysis.regenerate({ interactionId: owner.session.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Only the audit log grows: the stranger's two attempts on someone else's client, recorded as denied.
    expect(await t.counts()).toEqual({ ...before, audit_log: before.audit_log! + 2 });
    const denied = await t.em().getConnection().execute<{ n: string }[]>(
      "select count(*) as n from audit_log where actor_id = ? and outcome = 'denied'",
      [stranger.user.id],
    );
    expect(Number(denied[0]!.n)).toBe(2);

    await owner.caller.sessions.end({ id: owner.session.id });
    const afterEnd = await t.counts();
    await expect(observe(owner.caller, owner.session.id, FAMILY)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.counts()).toEqual(afterEnd);
  });
});
