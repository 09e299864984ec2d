import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DATABASES, type TestApp } from './harness';

/**
 * The dashboard's arithmetic on calls seeded with known values (the pipeline itself is covered in
 * calls.test.ts): averages from sums, periods, criterion shares, and the role rule inside every query.
 */
describe.each(DATABASES)('calls.dashboard on %s', (database) => {
  let t: TestApp;
  let anna: Awaited<ReturnType<TestApp['as']>>;
  let piotr: Awaited<ReturnType<TestApp['as']>>;
  let manager: Awaited<ReturnType<TestApp['as']>>;

  const seed = async (consultantId: string, recordedAt: string, scorecard: string, score: number | null, sentiment: number | null, results: string[]) => {
    const id = randomUUID();
    const conn = t.app.deps.orm.em.getConnection();
    await conn.execute(
      `insert into "call" (id, consultant_id, uploaded_by_id, title, audio_sha256, mime_type, format, size_bytes, duration_ms, channels, sample_rate,
                           scorecard_key, status, score, sentiment, recorded_at, created_at, updated_at)
       values (?, ?, ?, 'Rozmowa', ?, 'audio/wav', 'wav', 1000, 60000, 2, 8000, ?, 'done', ?, ?, ?, now(), now())`,
      [id, consultantId, consultantId, randomUUID().replace(/-/g, '').padEnd(64, '0'), scorecard, score, sentiment, recordedAt],
    );
    for (const [i, result] of results.entries()) {
      await conn.execute(
        `insert into "call_criterion" (id, call_id, scorecard_key, scorecard_version, criterion_id, auto_result, source, evidence, result)
         values (?, ?, ?, 1, ?, ?, 'rules', '{"evidence":null,"rationale":null}', ?)`,
        [randomUUID(), id, scorecard, ['greeting', 'needs-analysis'][i], result, result],
      );
    }
  };

  beforeAll(async () => {
    t = await createTestApp(database);
    anna = await t.as('consultant', 'anna@example.com');
    piotr = await t.as('consultant', 'piotr@example.com');
    manager = await t.as('manager');
    // Two ISO weeks: Monday 2026-11-16 and Monday 2026-11-23.
    await seed(anna.user.id, '2026-11-17T09:00:00Z', 'SALES', 80, 0.5, ['met', 'partly']);
    await seed(anna.user.id, '2026-11-24T09:00:00Z', 'SALES', 60, -0.1, ['met', 'not_met']);
    await seed(piotr.user.id, '2026-11-25T09:00:00Z', 'SALES', 40, null, ['not_met', 'not_met']);
    await seed(piotr.user.id, '2026-11-26T09:00:00Z', 'SERVICE', null, null, []);
  });
  afterAll(() => t?.close());

  test('a manager sees the team: totals, per consultant, per week and scorecard', async () => {
    const d = await manager.caller.calls.dashboard({});
    expect(d.totals).toEqual({ calls: 4, scored: 3, avgScore: 60, avgSentiment: 0.2 });
    expect(d.perConsultant).toEqual([
      { consultantId: anna.user.id, email: 'anna@example.com', calls: 2, avgScore: 70 },
      { consultantId: piotr.user.id, email: 'piotr@example.com', calls: 2, avgScore: 40 },
    ]);
    expect(d.scoreTrend).toEqual([
      { period: '2026-11-16', scorecardKey: 'SALES', calls: 1, avgScore: 80 },
      { period: '2026-11-23', scorecardKey: 'SALES', calls: 2, avgScore: 50 },
      { period: '2026-11-23', scorecardKey: 'SERVICE', calls: 1, avgScore: null },
    ]);
    expect(d.sentimentTrend).toEqual([
      { period: '2026-11-16', calls: 1, avgSentiment: 0.5 },
      { period: '2026-11-23', calls: 3, avgSentiment: -0.1 },
    ]);
    const greeting = d.criteria.find((c) => c.criterionId === 'greeting')!;
    expect(greeting).toMatchObject({ scorecardKey: 'SALES', calls: 3, metShare: 0.67, avg: 0.67 });
    expect(greeting.label).not.toBe('greeting');
    expect(d.criteria.find((c) => c.criterionId === 'needs-analysis')).toMatchObject({ calls: 3, metShare: 0, avg: 0.17 });
  });

  test('filters narrow every aggregate; months group by month', async () => {
    const d = await manager.caller.calls.dashboard({ minScore: 50, period: 'month' });
    expect(d.totals).toMatchObject({ calls: 2, avgScore: 70 });
    expect(d.scoreTrend).toEqual([{ period: '2026-11-01', scorecardKey: 'SALES', calls: 2, avgScore: 70 }]);
    expect(d.criteria.find((c) => c.criterionId === 'greeting')).toMatchObject({ calls: 2, metShare: 1 });
    const week = await manager.caller.calls.dashboard({ from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z' });
    expect(week.totals.calls).toBe(3);
  });

  test('a consultant gets their own calls only, even when naming someone else', async () => {
    expect((await anna.caller.calls.dashboard({})).totals).toMatchObject({ calls: 2, avgScore: 70 });
    expect((await anna.caller.calls.dashboard({ consultantId: piotr.user.id })).totals.calls).toBe(0);
    expect((await anna.caller.calls.list({ consultantId: piotr.user.id })).items).toEqual([]);
  });
});
