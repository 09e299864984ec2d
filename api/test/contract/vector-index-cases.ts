import { cosineSimilarity, embedHashedNgrams } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOfflineEmbedder } from '../../src/adapters/embedders/offline-embedder';
import type { IndexedVector, VectorHit, VectorIndex } from '../../src/modules/knowledge/ports';

/**
 * The behaviour every VectorIndex adapter shares, as one suite: run by the adapter tests against
 * memory, pgvector and the Qdrant double, and by the contract test against a real Qdrant.
 */
/** The PostgreSQL server of integration tests (CI sets it); code under api/src, tests too, may not read process.env. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL;

export type OpenIndex = () => Promise<{ index: VectorIndex; close: () => Promise<void> }>;

const SUBJECTS_PL = [
  'leasing samochodu elektrycznego',
  'ładowanie w domu',
  'zasięg zimą',
  'koszt serwisu',
  'gwarancja na baterię',
  'rata kredytu',
  'wallbox w garażu',
  'jazda próbna',
  'flota firmowa',
  'przyspieszenie do setki',
];
const SUBJECTS_EN = [
  'monthly lease payment',
  'home charging station',
  'winter range loss',
  'service costs',
  'battery warranty',
  'loan interest rate',
  'fast charging network',
  'test drive booking',
  'company fleet discount',
  'acceleration and power',
];
const TEMPLATES_PL = [
  'Ile kosztuje {s}?',
  'Klient pyta o {s}',
  'Czy {s} jest w cenie?',
  'Proszę wyjaśnić {s}',
  'Obawy dotyczące: {s}',
  'Porównanie z konkurencją: {s}',
  'Najczęstsze pytanie to {s}',
  'Szczegóły oferty: {s}',
  'Co z tematem {s} po roku?',
  'Argument sprzedażowy: {s}',
];
const TEMPLATES_EN = [
  'How much is the {s}?',
  'The client asks about {s}',
  'Is {s} included?',
  'Please explain {s}',
  'Concerns about {s}',
  'Compared with competitors: {s}',
  'The most common question is {s}',
  'Offer details: {s}',
  'What about {s} after a year?',
  'Sales argument: {s}',
];
/** By subject: financing, charging, range, service, none; the same for the n-th Polish and English subject. */
const MODULES = ['financing', 'charging', 'range', 'service', null] as const;

/** 200 Polish and English phrases embedded offline, each with a module. */
export function phraseCorpus(): (IndexedVector & { text: string })[] {
  const corpus: (IndexedVector & { text: string })[] = [];
  for (const [language, subjects, templates] of [
    ['pl', SUBJECTS_PL, TEMPLATES_PL],
    ['en', SUBJECTS_EN, TEMPLATES_EN],
  ] as const) {
    subjects.forEach((subject, s) => {
      templates.forEach((template, t) => {
        const text = template.replace('{s}', subject);
        corpus.push({ id: `${language}-${s}-${t}`, text, vector: embedHashedNgrams(text), module: MODULES[s % MODULES.length]! });
      });
    });
  }
  return corpus;
}

const QUERIES = [
  'leasingu samochodów elektrycznych',
  'charging at home',
  'ile kosztuje gwarancja',
  'range in winter',
  'jazdy probnej',
  'fleet discounts for companies',
  'kredyt i oprocentowanie',
  'przyspieszenie',
  'serwis i koszty',
];

/** Exact answer: every entry scored, best first. */
function bruteForce(corpus: IndexedVector[], query: Float32Array, modules?: string[]): VectorHit[] {
  return corpus
    .filter((e) => !modules || (e.module !== null && modules.includes(e.module)))
    .map((e) => ({ id: e.id, score: cosineSimilarity(e.vector, query) }))
    .sort((a, b) => b.score - a.score);
}

/** Same ranking as brute force, tolerant of ties: score by rank, and each id's own score. */
function expectRanking(hits: VectorHit[], exact: VectorHit[], limit: number) {
  expect(hits).toHaveLength(Math.min(limit, exact.length));
  const exactScore = new Map(exact.map((h) => [h.id, h.score]));
  hits.forEach((hit, rank) => {
    expect(hit.score).toBeCloseTo(exact[rank]!.score, 4);
    expect(exactScore.has(hit.id)).toBe(true);
    expect(hit.score).toBeCloseTo(exactScore.get(hit.id)!, 4);
  });
}

const unit = (dimensions: number, axis: number, length = 1) => {
  const v = new Float32Array(dimensions);
  v[axis] = length;
  return v;
};

export function describeVectorIndexContract(name: string, open: OpenIndex) {
  describe(name, () => {
    let index: VectorIndex;
    let close: (() => Promise<void>) | undefined;
    const corpus = phraseCorpus();
    const offline = createOfflineEmbedder();

    beforeAll(async () => {
      ({ index, close } = await open());
    });
    afterAll(async () => {
      await close?.();
    });

    // Order matters only here: the index must not have been filled yet.
    test('an index never filled has no embedder, no vectors and no hits', async () => {
      expect(await index.embedderId()).toBeNull();
      expect(await index.count()).toBe(0);
      expect(await index.search(embedHashedNgrams('leasing'), 5)).toEqual([]);
    });

    test('replaceAll records the embedder and stores every vector', async () => {
      await index.replaceAll(offline, corpus);
      expect(await index.embedderId()).toBe(offline.id);
      expect(await index.count()).toBe(200);
    });

    test.each(QUERIES)('nearest neighbours of %j match brute force', async (text) => {
      await ensureCorpus();
      const query = embedHashedNgrams(text);
      const exact = bruteForce(corpus, query);
      expect(exact[0]!.score - exact[1]!.score).toBeGreaterThan(1e-6); // a unique best answer
      const hits = await index.search(query, 5);
      expect(hits[0]!.id).toBe(exact[0]!.id);
      expectRanking(hits, exact, 5);
    });

    test('a limit above 40 (pgvector ef_search) still returns that many, best first', async () => {
      await ensureCorpus();
      const query = embedHashedNgrams('zasięg samochodu zimą');
      expectRanking(await index.search(query, 60), bruteForce(corpus, query), 60);
    });

    test('a limit above the count returns everything', async () => {
      await ensureCorpus();
      expect(await index.search(embedHashedNgrams('bateria'), 500)).toHaveLength(200);
    });

    test.each([[['financing']], [['financing', 'service']], [['range']]])('the module filter %j keeps only those modules', async (modules) => {
      await ensureCorpus();
      const query = embedHashedNgrams('ile to kosztuje miesięcznie');
      const exact = bruteForce(corpus, query, modules);
      const hits = await index.search(query, 5, { modules });
      expectRanking(hits, exact, 5);
      const moduleOf = new Map(corpus.map((e) => [e.id, e.module]));
      for (const hit of hits) expect(modules).toContain(moduleOf.get(hit.id));
    });

    test('a filtered search returns every match when the limit allows (no short HNSW answer)', async () => {
      await ensureCorpus();
      const query = embedHashedNgrams('warranty');
      const hits = await index.search(query, 100, { modules: ['charging'] });
      expect(hits).toHaveLength(40);
      expectRanking(hits, bruteForce(corpus, query, ['charging']), 100);
    });

    test('an empty or unknown module list matches nothing; entries without a module never match a filter', async () => {
      await ensureCorpus();
      const query = embedHashedNgrams('jazda próbna');
      expect(await index.search(query, 5, { modules: [] })).toEqual([]);
      expect(await index.search(query, 5, { modules: ['no-such-module'] })).toEqual([]);
    });

    test('a zero query vector or a limit below 1 finds nothing', async () => {
      await ensureCorpus();
      expect(await index.search(new Float32Array(384), 5)).toEqual([]);
      expect(await index.search(embedHashedNgrams('leasing'), 0)).toEqual([]);
    });

    test('replaceAll with another embedder replaces every vector and the embedder id', async () => {
      await ensureCorpus();
      const fresh = ['nowa oferta', 'new offer', 'promocja'].map((text, i) => ({
        id: `fresh-${i}`,
        vector: embedHashedNgrams(text),
        module: null,
      }));
      await index.replaceAll({ id: 'other-embedder@2', dimensions: 384 }, fresh);
      expect(await index.embedderId()).toBe('other-embedder@2');
      expect(await index.count()).toBe(3);
      const hits = await index.search(embedHashedNgrams('leasing samochodu elektrycznego'), 10);
      expect(hits.map((h) => h.id).sort()).toEqual(['fresh-0', 'fresh-1', 'fresh-2']);
    });

    test('the dimensions follow the embedder (8-d), and scores are cosine even for vectors that are not unit length', async () => {
      const entries = Array.from({ length: 8 }, (_, axis) => ({ id: `axis-${axis}`, vector: unit(8, axis, axis + 1), module: null }));
      entries.push({ id: 'diagonal', vector: new Float32Array(8).fill(2), module: null });
      await index.replaceAll({ id: 'tiny@1', dimensions: 8 }, entries);
      expect(await index.embedderId()).toBe('tiny@1');
      expect(await index.count()).toBe(9);

      const hits = await index.search(unit(8, 3, 5), 2);
      expect(hits.map((h) => h.id)).toEqual(['axis-3', 'diagonal']);
      expect(hits[0]!.score).toBeCloseTo(1, 5);
      expect(hits[1]!.score).toBeCloseTo(1 / Math.sqrt(8), 5);

      const between = new Float32Array(8);
      between[0] = 1;
      between[1] = 1;
      expect((await index.search(between, 1))[0]!.score).toBeCloseTo(Math.SQRT1_2, 5);
      await expect(index.search(embedHashedNgrams('leasing'), 3)).rejects.toThrow();
    });

    test('a replaceAll that fails keeps the previous index', async () => {
      const kept = [0, 1, 2].map((axis) => ({ id: `kept-${axis}`, vector: unit(4, axis), module: null }));
      await index.replaceAll({ id: 'kept@1', dimensions: 4 }, kept);
      const duplicates = [0, 1].map((axis) => ({ id: 'same-id', vector: unit(4, axis), module: null }));
      await expect(index.replaceAll({ id: 'broken@1', dimensions: 4 }, duplicates)).rejects.toThrow();
      await expect(index.replaceAll({ id: 'broken@1', dimensions: 4 }, [{ id: 'x', vector: unit(3, 0), module: null }])).rejects.toThrow();
      expect(await index.embedderId()).toBe('kept@1');
      expect(await index.count()).toBe(3);
      expect((await index.search(unit(4, 1), 1))[0]!.id).toBe('kept-1');
    });

    test('replaceAll with no entries records the embedder of an empty index', async () => {
      await index.replaceAll({ id: 'empty@1', dimensions: 384 }, []);
      expect(await index.embedderId()).toBe('empty@1');
      expect(await index.count()).toBe(0);
      expect(await index.search(embedHashedNgrams('leasing'), 5)).toEqual([]);
    });

    /** Lets a single case run on its own (`-t`): fills the index unless the corpus is already in. */
    async function ensureCorpus() {
      if ((await index.embedderId()) !== offline.id || (await index.count()) !== corpus.length) {
        await index.replaceAll(offline, corpus);
      }
    }
  });
}
