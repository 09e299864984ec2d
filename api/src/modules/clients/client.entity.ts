import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { UserEntity } from '../users/user.entity';

export const ClientEntity = defineEntity({
  name: 'Client',
  tableName: 'client',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(200),
    email: p.string().length(254).nullable(),
    phone: p.string().length(40).nullable(),
    company: p.string().length(200).nullable(),
    /** Name and contact folded for search (lower case, no diacritics): see `foldForSearch`. */
    searchText: p.text().hidden(),
    owner: () => p.manyToOne(UserEntity).index(),
    archived: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type ClientRow = InferEntity<typeof ClientEntity>;
