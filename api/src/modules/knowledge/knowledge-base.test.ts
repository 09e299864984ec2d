import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { KnowledgePack } from '@sufler/shared';
import { createOfflineEmbedder } from '../../adapters/embedders/offline-embedder';
import { createMemoryIndex } from '../../adapters/vector/memory-index';
import { createPgvectorIndex } from '../../adapters/vector/pgvector-index';
import { openDatabase } from '../../db/orm';
import { createKnowledgeBase } from './knowledge-base';
import { DEFAULT_PACK_DIR, loadKnowledgePack } from './load-pack';
import type { Embedder } from './ports';

/** Another embedder (another id and size): the index must notice and re-index. */
const tinyEmbedder: Embedder = {
  id: 'test-tiny@1',
  dimensions: 8,
  embed: async (texts) => texts.map((t) => Float32Array.from({ length: 8 }, (_, i) => ((t.length + i) % 5) + 1)),
};

describe('knowledge base', () => {
  let pack: KnowledgePack;
  beforeAll(async () => {
    pack = await loadKnowledgePack(DEFAULT_PACK_DIR);
  });

  test('indexes on first use, not again while embedder and pack are the same, again when either changes', async () => {
    const index = createMemoryIndex();
    const first = createKnowledgeBase({ pack, embedder: createOfflineEmbedder(), index });
    expect(await first.ensureIndexed()).toMatchObject({ reindexed: true, entries: first.entries.size });
    expect(await first.ensureIndexed()).toMatchObject({ reindexed: false });
    expect(await index.count()).toBe(first.entries.size);

    const otherEmbedder = createKnowledgeBase({ pack, embedder: tinyEmbedder, index });
    expect(await otherEmbedder.ensureIndexed()).toMatchObject({ reindexed: true });
    expect(await index.embedderId()).toBe(otherEmbedder.signature);

    const edited: KnowledgePack = { ...pack, version: `${pack.version}-edited` };
    const afterEdit = createKnowledgeBase({ pack: { ...edited, modules: edited.modules.map((m, i) => (i ? m : { ...m, strategies: m.strategies.slice(1) })) }, embedder: tinyEmbedder, index });
    expect(afterEdit.signature).not.toBe(otherEmbedder.signature);
    expect(await afterEdit.ensureIndexed()).toMatchObject({ reindexed: true });
    expect(await afterEdit.ensureIndexed({ force: true })).toMatchObject({ reindexed: true });
  });

  test('the embedded database keeps the index across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sufler-kb-'));
    for (const expected of [true, false]) {
      const db = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const knowledge = createKnowledgeBase({ pack, embedder: createOfflineEmbedder(), index: (await createPgvectorIndex(db.orm))! });
        expect((await knowledge.ensureIndexed()).reindexed).toBe(expected);
      } finally {
        await db.close();
      }
    }
  });

  test.each([
    ['leasing na firmę i odliczenie VAT', ['company_fleet', 'financing']],
    ['zasięg zimą w trasie', ['range_winter']],
    ['foteliki dla dzieci i bezpieczeństwo', ['family']],
    ['ladowanie w domu z fotowoltaiki', ['home_energy']],
  ])('retrieval for "%s" ranks passages of the modules it names first, within budget, without templates', async (text, modules) => {
    const knowledge = createKnowledgeBase({ pack, embedder: createOfflineEmbedder(), index: createMemoryIndex() });
    await knowledge.ensureIndexed();
    const passages = await knowledge.search(text, 6);
    expect(passages.length).toBeGreaterThan(0);
    expect(modules).toContain(passages[0]!.module);
    expect(passages.every((p) => !p.text.includes('{{'))).toBe(true);
    const budgeted = await knowledge.retrieve({ text, keywordModules: [], leadingArchetypes: [], budgetChars: 400, limit: 10 });
    expect(budgeted.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(400);
  });
});
