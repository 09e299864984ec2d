import type { EntityManager } from '@mikro-orm/postgresql';
import { BUILT_IN_SCORECARDS, type Scorecard, type ScorecardSaveInput } from '@sufler/shared';
import { DomainError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { ScorecardEntity, type ScorecardRow } from './scorecard.entity';

export const toScorecard = (row: ScorecardRow): Scorecard => ({
  key: row.key,
  version: row.version,
  name: row.name,
  description: row.description,
  criteria: row.criteria,
  builtIn: row.builtIn,
  updatedAt: row.createdAt.toISOString(),
});

/** Version 1 of each built-in template, once; an admin's later versions are never overwritten. */
export async function seedBuiltInScorecards(em: EntityManager): Promise<void> {
  const existing = new Set((await em.find(ScorecardEntity, { version: 1 }, { fields: ['key'] })).map((r) => r.key));
  for (const card of BUILT_IN_SCORECARDS) {
    if (existing.has(card.key)) continue;
    em.create(ScorecardEntity, { ...card, criteria: [...card.criteria], version: 1, builtIn: true, createdBy: null });
  }
  await em.flush();
}

/** The newest version of each template. */
export async function listScorecards(em: EntityManager): Promise<Scorecard[]> {
  const rows = await em.find(ScorecardEntity, {}, { orderBy: { key: 'asc', version: 'desc' } });
  const newest = new Map<string, ScorecardRow>();
  for (const row of rows) if (!newest.has(row.key)) newest.set(row.key, row);
  return [...newest.values()].map(toScorecard);
}

/** The newest version of `key`, or exactly `version` (the one a call was scored on). */
export async function getScorecard(em: EntityManager, key: string, version?: number): Promise<Scorecard> {
  const row = await em.findOne(ScorecardEntity, version ? { key, version } : { key }, { orderBy: { version: 'desc' } });
  if (!row) throw notFound(`Scorecard ${key}${version ? ` v${version}` : ''}`);
  return toScorecard(row);
}

/** Saves a new version (or version 1 of a new template); calls already scored keep theirs. */
export async function saveScorecard(em: EntityManager, actor: Actor, { basedOnVersion, ...input }: ScorecardSaveInput): Promise<Scorecard> {
  const latest = await em.findOne(ScorecardEntity, { key: input.key }, { orderBy: { version: 'desc' } });
  if (basedOnVersion !== undefined && (latest?.version ?? 0) !== basedOnVersion) {
    throw new DomainError(
      'CONFLICT',
      latest ? `${input.key} is at version ${latest.version} now (someone saved meanwhile): reload it and edit again` : `${input.key} does not exist yet`,
    );
  }
  // The primary key (key, version) stops two saves of the same version at once: one of them fails.
  const row = em.create(ScorecardEntity, {
    ...input,
    version: (latest?.version ?? 0) + 1,
    builtIn: latest?.builtIn ?? false,
    createdBy: actor.id,
  });
  audit(em, { actor, action: latest ? 'update' : 'create', entity: 'scorecard', entityId: input.key, detail: { key: input.key, version: row.version } });
  await em.flush();
  return toScorecard(row);
}
