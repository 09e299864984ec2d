import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { KeyFacts } from '@sufler/shared';
import { EncryptedJson, EncryptedText } from '../../db/encrypted-type';
import { ClientEntity } from '../clients/client.entity';
import { UserEntity } from '../users/user.entity';

/** One conversation with a client (a showroom visit, a call, a meeting). */
export const SessionEntity = defineEntity({
  name: 'Session',
  tableName: 'client_session',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    client: () => p.manyToOne(ClientEntity).deleteRule('cascade').index(),
    user: () => p.manyToOne(UserEntity),
    startedAt: p.datetime().onCreate(() => new Date()),
    endedAt: p.datetime().nullable(),
    /** What the client said, condensed: encrypted at rest (the default `{}` is stored as it is). */
    summary: p.text().type(EncryptedText).nullable(),
    keyFacts: p.json<KeyFacts>().type(EncryptedJson).default('{}'),
    /** How many of the session's observations the summary already covers. */
    summarizedCount: p.integer().default(0),
    /** Ids of every next move shown in this session: "regenerate" never offers them again. */
    shownSuggestions: p.json<string[]>().default('[]'),
    /** The last full strategy and the session state it was made for (see analysis `strategy`); it quotes the notes. */
    strategyCache: p.json<{ key: string; value: unknown }>().type(EncryptedJson).nullable(),
    /**
     * What the analysis keeps of the observations so far (analysis-state.ts), so an observation need
     * not re-read the session (issue 11). It quotes the client: encrypted. Lazy: only the analysis reads it.
     */
    analysisState: p.json<Record<string, unknown>>().type(EncryptedJson).nullable().lazy(),
  },
});
export type SessionRow = InferEntity<typeof SessionEntity>;
