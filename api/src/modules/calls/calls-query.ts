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

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
const int = (v: unknown): number => Number(v ?? 0);

/** Aggregates for the dashboard, all in SQL over the filtered calls. */
export async function dashboardOf(em: EntityManager, where: Where, input: DashboardInput): Promise<Dashboard> {
  const conn = em.getConnection();
  const period = input.period === 'month' ? 'month' : 'week';
  const bucket = `to_char(date_trunc('${period}', c.recorded_at at time zone 'UTC'), 'YYYY-MM-DD')`;
  const [totals, perConsultant, scoreTrend, criteria, sentimentTrend, cards] = await Promise.all([
    conn.execute<Record<string, unknown>[]>(
      `select count(*) as calls, count(c.score) as scored, avg(c.score) as avg_score, avg(c.sentiment) as avg_sentiment from "call" c where ${where.sql}`,
      where.params,
    ),
    conn.execute<Record<string, unknown>[]>(
      `select c.consultant_id, u.email, count(*) as calls, avg(c.score) as avg_score
         from "call" c join "app_user" u on u.id = c.consultant_id where ${where.sql}
         group by c.consultant_id, u.email order by count(*) desc, u.email`,
      where.params,
    ),
    conn.execute<Record<string, unknown>[]>(
      `select ${bucket} as period, c.scorecard_key, count(*) as calls, avg(c.score) as avg_score
         from "call" c where ${where.sql} group by 1, 2 order by 1, 2`,
      where.params,
    ),
    conn.execute<Record<string, unknown>[]>(
      `select k.scorecard_key, k.criterion_id, count(*) as calls,
              avg(case k.result when 'met' then 1 else 0 end) as met_share,
              avg(case k.result when 'met' then 1 when 'partly' then 0.5 else 0 end) as avg
         from "call" c join "call_criterion" k on k.call_id = c.id where ${where.sql}
         group by 1, 2 order by 1, 2`,
      where.params,
    ),
    conn.execute<Record<string, unknown>[]>(
      `select ${bucket} as period, count(*) as calls, avg(c.sentiment) as avg_sentiment
         from "call" c where ${where.sql} group by 1 order by 1`,
      where.params,
    ),
    listScorecards(em),
  ]);
  const labels = new Map(cards.flatMap((card) => card.criteria.map((c) => [`${card.key}/${c.id}`, c.label] as const)));
  const t = totals[0] ?? {};
  return {
    totals: { calls: int(t.calls), scored: int(t.scored), avgScore: num(t.avg_score), avgSentiment: num(t.avg_sentiment) },
    perConsultant: perConsultant.map((r) => ({ consultantId: String(r.consultant_id), email: String(r.email), calls: int(r.calls), avgScore: num(r.avg_score) })),
    scoreTrend: scoreTrend.map((r) => ({ period: String(r.period), scorecardKey: String(r.scorecard_key), calls: int(r.calls), avgScore: num(r.avg_score) })),
    criteria: criteria.map((r) => ({
      scorecardKey: String(r.scorecard_key),
      criterionId: String(r.criterion_id),
      label: labels.get(`${String(r.scorecard_key)}/${String(r.criterion_id)}`) ?? String(r.criterion_id),
      calls: int(r.calls),
      metShare: num(r.met_share) ?? 0,
      avg: num(r.avg) ?? 0,
    })),
    sentimentTrend: sentimentTrend.map((r) => ({ period: String(r.period), calls: int(r.calls), avgSentiment: num(r.avg_sentiment) })),
  };
}
