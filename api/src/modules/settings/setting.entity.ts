import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Settings an admin changes at run time (not deployment configuration, which is env.ts): one JSON value per
 * key, with a version that grows with every save and who saved it.
 */
export const SettingEntity = defineEntity({
  name: 'Setting',
  tableName: 'app_setting',
  properties: {
    key: p.string().length(80).primary(),
    value: p.json<unknown>(),
    version: p.integer().default(1),
    updatedById: p.uuid().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type SettingRow = InferEntity<typeof SettingEntity>;
