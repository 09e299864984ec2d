import { describe, expect, test } from 'vitest';
import type { KnowledgeEntry, Passage } from '../schemas/knowledge-pack';
import { ARCHETYPE_BOOST, KEYWORD_BOOST, rankPassages, type RankInput } from './rank-passages';

const entry = (id: string, module: KnowledgeEntry['module'], archetypes: KnowledgeEntry['archetypes'], text: string): KnowledgeEntry => ({
  id,
  module,
  archetypes,
  language: 'pl',
  text,
  source: 'pakiet EV 2025',
});

const ENTRIES = new Map(
  [
    entry('family:ncap', 'family', ['family_guardian'], 'Model X ma pięć gwiazdek Euro NCAP, 92% w ochronie dzieci.'),
    entry('family:ncap-again', 'family', ['family_guardian'], 'Model X ma pięć gwiazdek Euro NCAP i 92% w ochronie dzieci!'),
    entry('family:isofix', 'family', ['family_guardian'], 'Pokaż mocowania ISOFIX na trzech tylnych miejscach.'),
    entry('tco:night', 'tco_costs', ['pragmatic_analyst', 'bargain_hunter'], 'Ładowanie w domu w taryfie nocnej kosztuje około 10 zł za 100 km.'),
    entry('range:winter', 'range_winter', [], 'Zimą zasięg spada o 20–30%, pompa ciepła ogranicza ten spadek.'),
    entry('playbook:family:q1', null, ['family_guardian'], 'Ile lat mają dzieci i jakie foteliki Państwo wożą?'),
    entry(
      'range:long',
      'range_winter',
      [],
      'Na trasie Warszawa–Gdańsk zimą wystarczy jeden postój na szybkiej ładowarce przy autostradzie A1, około 25 minut, jeśli wyjedzie się z baterią naładowaną do 90%.',
    ),
  ].map((e) => [e.id, e]),
);

const BASE: RankInput = {
  vectorHits: [],
  moduleHits: [],
  entries: ENTRIES,
  keywordModules: [],
  leadingArchetypes: [],
  budgetChars: 10_000,
  limit: 8,
};

const rank = (overrides: Partial<RankInput>) => rankPassages({ ...BASE, ...overrides });
const brief = (passages: Passage[]) => passages.map((p) => [p.id, p.score, p.via]);

describe('rankPassages', () => {
  test.each<[string, Partial<RankInput>, [string, number, Passage['via']][]]>([
    ['nothing found', {}, []],
    [
      'vector hits alone, best first',
      { vectorHits: [{ id: 'range:winter', score: 0.61 }, { id: 'tco:night', score: 0.72 }] },
      [
        ['tco:night', 0.72, 'vector'],
        ['range:winter', 0.61, 'vector'],
      ],
    ],
    [
      'a keyword-module hit alone',
      { moduleHits: [{ id: 'tco:night', score: 0.4 }] },
      [['tco:night', 0.4 + KEYWORD_BOOST, 'keyword']],
    ],
    [
      'found both ways: the better similarity, boosted once',
      { vectorHits: [{ id: 'tco:night', score: 0.5 }], moduleHits: [{ id: 'tco:night', score: 0.45 }] },
      [['tco:night', 0.5 + KEYWORD_BOOST, 'both']],
    ],
    [
      'a vector hit in a module the client’s words activated',
      { vectorHits: [{ id: 'range:winter', score: 0.5 }], keywordModules: ['range_winter'] },
      [['range:winter', 0.75, 'both']],
    ],
    [
      'the keyword boost lifts a weaker passage over a stronger one',
      { vectorHits: [{ id: 'range:winter', score: 0.7 }, { id: 'tco:night', score: 0.5 }], keywordModules: ['tco_costs'] },
      [
        ['tco:night', 0.75, 'both'],
        ['range:winter', 0.7, 'vector'],
      ],
    ],
    [
      'the archetype boost',
      { vectorHits: [{ id: 'range:winter', score: 0.65 }, { id: 'tco:night', score: 0.6 }], leadingArchetypes: ['bargain_hunter', 'eco_enthusiast'] },
      [
        ['tco:night', 0.6 + ARCHETYPE_BOOST, 'vector'],
        ['range:winter', 0.65, 'vector'],
      ],
    ],
    [
      'both boosts; a playbook line has no module',
      {
        vectorHits: [{ id: 'playbook:family:q1', score: 0.5 }, { id: 'family:isofix', score: 0.5 }],
        keywordModules: ['family'],
        leadingArchetypes: ['family_guardian'],
      },
      [
        ['family:isofix', 0.85, 'both'],
        ['playbook:family:q1', 0.6, 'vector'],
      ],
    ],
    [
      'unknown ids dropped',
      { vectorHits: [{ id: 'gone:after-reload', score: 0.99 }, { id: 'tco:night', score: 0.3 }], moduleHits: [{ id: 'gone:too', score: 0.9 }] },
      [['tco:night', 0.3, 'vector']],
    ],
    [
      'a near duplicate dropped, the higher kept',
      { vectorHits: [{ id: 'family:ncap', score: 0.6 }, { id: 'family:ncap-again', score: 0.7 }, { id: 'family:isofix', score: 0.5 }] },
      [
        ['family:ncap-again', 0.7, 'vector'],
        ['family:isofix', 0.5, 'vector'],
      ],
    ],
    [
      'ties in id order',
      { vectorHits: [{ id: 'tco:night', score: 0.5 }, { id: 'range:winter', score: 0.5 }, { id: 'family:isofix', score: 0.5 }] },
      [
        ['family:isofix', 0.5, 'vector'],
        ['range:winter', 0.5, 'vector'],
        ['tco:night', 0.5, 'vector'],
      ],
    ],
  ])('%s', (_case, input, expected) => {
    expect(brief(rank(input))).toEqual(expected);
  });

  test('a passage keeps its entry’s fields', () => {
    const [passage] = rank({ vectorHits: [{ id: 'family:isofix', score: 0.5 }] });
    expect(passage).toEqual({ ...ENTRIES.get('family:isofix'), score: 0.5, via: 'vector' });
  });

  test('ties come out in the same order whatever order they came in', () => {
    const hits = [
      { id: 'tco:night', score: 0.5 },
      { id: 'range:winter', score: 0.5 },
      { id: 'family:isofix', score: 0.5 },
    ];
    expect(rank({ vectorHits: hits })).toEqual(rank({ vectorHits: [...hits].reverse() }));
    expect(rank({ moduleHits: hits })).toEqual(rank({ moduleHits: [hits[1]!, hits[2]!, hits[0]!] }));
  });

  const HITS = [
    { id: 'range:long', score: 0.9 },
    { id: 'family:isofix', score: 0.8 },
    { id: 'tco:night', score: 0.7 },
    { id: 'range:winter', score: 0.6 },
  ];
  const length = (id: string) => ENTRIES.get(id)!.text.length;

  test.each<[string, number, number, string[]]>([
    ['everything fits', 10_000, 8, ['range:long', 'family:isofix', 'tco:night', 'range:winter']],
    ['the limit', 10_000, 2, ['range:long', 'family:isofix']],
    ['a limit of one', 10_000, 1, ['range:long']],
    [
      'a long passage skipped, later short ones taken',
      length('family:isofix') + length('tco:night'),
      8,
      ['family:isofix', 'tco:night'],
    ],
    ['the budget exactly spent', length('range:long') + length('family:isofix'), 8, ['range:long', 'family:isofix']],
    ['a budget one short of the second passage', length('range:long') + length('family:isofix') - 1, 8, ['range:long']],
    ['no budget', 0, 8, []],
  ])('%s (budget %d, limit %d)', (_case, budgetChars, limit, ids) => {
    const passages = rank({ vectorHits: HITS, budgetChars, limit });
    expect(passages.map((p) => p.id)).toEqual(ids);
    expect(passages.reduce((sum, p) => sum + p.text.length, 0)).toBeLessThanOrEqual(budgetChars);
  });

  test('a dropped near duplicate spends no budget', () => {
    const hits = [
      { id: 'family:ncap', score: 0.9 },
      { id: 'family:ncap-again', score: 0.8 },
      { id: 'family:isofix', score: 0.7 },
    ];
    const budgetChars = length('family:ncap') + length('family:isofix');
    expect(rank({ vectorHits: hits, budgetChars }).map((p) => p.id)).toEqual(['family:ncap', 'family:isofix']);
  });
});
