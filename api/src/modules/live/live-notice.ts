import type { EntityManager } from '@mikro-orm/postgresql';
import type { LiveNotice } from '@sufler/shared';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { SettingEntity } from '../settings/setting.entity';

const KEY = 'live.consentNotice';

/** Shown before capture until an admin writes the dealership's own (version 0 = this default). */
export const DEFAULT_NOTICE =
  'Przed włączeniem nasłuchu poinformuj klienta, że rozmowa jest nagrywana i transkrybowana w celu obsługi i oceny jakości, ' +
  'kto jest administratorem danych i jak może sprzeciwić się nagrywaniu. Nagrywaj tylko za zgodą lub na innej podstawie prawnej.';

/** The consent notice the rep confirms before live capture starts. */
export async function loadNotice(em: EntityManager): Promise<LiveNotice> {
  const row = await em.findOne(SettingEntity, { key: KEY });
  const text = row && typeof row.value === 'string' ? row.value : null;
  return text ? { text, version: row!.version } : { text: DEFAULT_NOTICE, version: 0 };
}

/** An admin's new notice text; every save is a new version (the audit of each consent names the version seen). */
export async function saveNotice(em: EntityManager, actor: Actor, text: string): Promise<LiveNotice> {
  const row = await em.findOne(SettingEntity, { key: KEY });
  if (row) {
    row.value = text;
    row.version += 1;
    row.updatedById = actor.id;
  } else em.create(SettingEntity, { key: KEY, value: text, version: 1, updatedById: actor.id });
  audit(em, { actor, action: 'update', entity: 'setting', entityId: KEY, detail: { version: row ? row.version : 1 } });
  await em.flush();
  return loadNotice(em);
}
