import type { EntityManager } from '@mikro-orm/postgresql';
import { TEAM_ROLES, type CallFilters, type CallSummary, type Dashboard, type DashboardInput } from '@sufler/shared';
import type { Actor } from '../actor';
import { queryTerms, type SearchTermHasher } from './call-search';
import { toCallSummary } from './call-views';
import { CallEntity } from './call.entity';
import { listScorecards } from './scorecards.service';

type Where = { sql: string; params: unknown[] };

/**
 * The filters of the list, the dashboard and the XLSX export as one SQL condition on `call c`, with the
 * role rule built in: a consultant's query only ever reaches their own calls.
 */
export function whereOf(actor: Actor, filters: CallFilters, hash: SearchTermHasher): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (!TEAM_ROLES.includes(actor.role)) add('c.consultant_id = ?', actor.id);
  if (filters.consultantId) add('c.consultant_id = ?', filters.consultantId);
  if (filters.clientId) add('c.client_id = ?', filters.clientId);
  if (filters.scorecardKey) add('c.scorecard_key = ?', filters.scorecardKey);
  if (filters.status) add('c.status = ?', filters.status);
  if (filters.from) add('c.recorded_at >= ?', filters.from);
  if (filters.to) add('c.recorded_at < ?', filters.to);
  if (filters.minScore !== undefined) add('c.score >= ?', filters.minScore);
  if (filters.maxScore !== undefined) add('c.score <= ?', filters.maxScore);
  if (filters.q) {
    const terms = queryTerms(filters.q, hash);
    // A query of stop words only matches nothing rather than everything.
    if (!terms.length) parts.push('false');
    else add(`c.search_terms @> array[${terms.map(() => '?').join(', ')}]::text[]`, ...terms);
  }
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

/** Calls matching the filters, newest recording first. */
export async function listCalls(
  em: EntityManager,
  where: Where,
  page: { limit: number; offset: number },
): Promise<{ items: CallSummary[]; total: number }> {
  const conn = em.getConnection();
  const [count] = await conn.execute<{ n: string | number }[]>(`select count(*) as n from "call" c where ${where.sql}`, where.params);
  const ids = await conn.execute<{ id: string }[]>(
    `select c.id from "call" c where ${where.sql} order by c.recorded_at desc, c.id limit ? offset ?`,
    [...where.params, page.limit, page.offset],
  );
  const rows = await em.find(CallEntity, { id: { $in: ids.map((r) => r.id) } }, { populate: ['consultant', 'client'] });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.flatMap((r) => (byId.has(r.id) ? [toCallSummary(byId.get(r.id)!)] : [])), total: Number(count?.n ?? 0) };
}

const int = (v: unknown): number => Number(v ?? 0);
const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (sum: number, count: number): number | null => (count ? round2(sum / count) : null);

type Sums = { calls: number; scored: number; scoreSum: number; felt: number; sentimentSum: number };
const emptySums = (): Sums => ({ calls: 0, scored: 0, scoreSum: 0, felt: 0, sentimentSum: 0 });
const addSums = (into: Sums, r: Record<string, unknown>) => {
  into.calls += int(r.calls);
  into.scored += int(r.scored);
  into.scoreSum += Number(r.score_sum ?? 0);
  into.felt += int(r.felt);
  into.sentimentSum += Number(r.sentiment_sum ?? 0);
};
/** Counts and sums, so totals and coarser groups can be added up here instead of asked for again. */
const SUMS = 'count(*) as calls, count(c.score) as scored, sum(c.score) as score_sum, count(c.sentiment) as felt, sum(c.sentiment) as sentiment_sum';

/**
 * Aggregates for the dashboard over the filtered calls, in three queries (PGlite answers one at a time):
 * per consultant, per period and scorecard, and criterion results; totals and the sentiment trend are
 * added up from the first two. Measured in `npm run bench` over 10,000 calls.
 */
export async function dashboardOf(em: EntityManager, where: Where, input: DashboardInput): Promise<Dashboard> {
  const conn = em.getConnection();
  const period = input.period === 'month' ? 'month' : 'week';
  // Without filters the criterion results need no join with the calls at all.
  const criteriaSql =
    where.sql === 'true'
      ? 'select k.scorecard_key, k.criterion_id, k.result, count(*) as n from "call_criterion" k group by 1, 2, 3'
      : `select k.scorecard_key, k.criterion_id, k.result, count(*) as n from "call" c join "call_criterion" k on k.call_id = c.id where ${where.sql} group by 1, 2, 3`;
  const perConsultant = await conn.execute<Record<string, unknown>[]>(
    `select c.consultant_id, u.email, ${SUMS} from "call" c join "app_user" u on u.id = c.consultant_id where ${where.sql} group by 1, 2`,
    where.params,
  );
  const trend = await conn.execute<Record<string, unknown>[]>(
    `select date_trunc('${period}', c.recorded_at at time zone 'UTC')::date::text as period, c.scorecard_key, ${SUMS} from "call" c where ${where.sql} group by 1, 2`,
    where.params,
  );
  const criteria = await conn.execute<Record<string, unknown>[]>(criteriaSql, where.sql === 'true' ? [] : where.params);
  const cards = await listScorecards(em);

  const totals = emptySums();
  for (const r of perConsultant) addSums(totals, r);
  const periodOf = (v: unknown) => String(v);
  const byPeriod = new Map<string, Sums>();
  for (const r of trend) {
    const key = periodOf(r.period);
    addSums(byPeriod.get(key) ?? byPeriod.set(key, emptySums()).get(key)!, r);
  }
  const labels = new Map<string, string>(cards.flatMap((card) => card.criteria.map((c) => [`${card.key}/${c.id}`, c.label] as const)));
  const byCriterion = new Map<string, { scorecardKey: string; criterionId: string; met: number; partly: number; calls: number }>();
  for (const r of criteria) {
    const key = `${String(r.scorecard_key)}/${String(r.criterion_id)}`;
    const entry = byCriterion.get(key) ?? { scorecardKey: String(r.scorecard_key), criterionId: String(r.criterion_id), met: 0, partly: 0, calls: 0 };
    const n = int(r.n);
    entry.calls += n;
    if (r.result === 'met') entry.met += n;
    if (r.result === 'partly') entry.partly += n;
    byCriterion.set(key, entry);
  }
  return {
    totals: { calls: totals.calls, scored: totals.scored, avgScore: mean(totals.scoreSum, totals.scored), avgSentiment: mean(totals.sentimentSum, totals.felt) },
    perConsultant: perConsultant
      .map((r) => ({ consultantId: String(r.consultant_id), email: String(r.email), calls: int(r.calls), avgScore: mean(Number(r.score_sum ?? 0), int(r.scored)) }))
      .sort((a, b) => b.calls - a.calls || a.email.localeCompare(b.email)),
    scoreTrend: trend
      .map((r) => ({ period: periodOf(r.period), scorecardKey: String(r.scorecard_key), calls: int(r.calls), avgScore: mean(Number(r.score_sum ?? 0), int(r.scored)) }))
      .sort((a, b) => a.period.localeCompare(b.period) || a.scorecardKey.localeCompare(b.scorecardKey)),
    criteria: [...byCriterion.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, e]) => ({
        scorecardKey: e.scorecardKey,
        criterionId: e.criterionId,
        label: labels.get(key) ?? e.criterionId,
        calls: e.calls,
        metShare: round2(e.met / e.calls),
        avg: round2((e.met + e.partly / 2) / e.calls),
      })),
    sentimentTrend: [...byPeriod.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, sums]) => ({ period, calls: sums.calls, avgSentiment: mean(sums.sentimentSum, sums.felt) })),
  };
}
