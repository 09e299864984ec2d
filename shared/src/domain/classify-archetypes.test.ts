import { describe, expect, test } from 'vitest';
import type { ArchetypeScore } from '../schemas/analysis';
import type { Archetype } from '../schemas/knowledge-pack';
import { ARCHETYPE_IDS, type ArchetypeId } from '../schemas/vocabulary';
import { classifyArchetypes, detectLeaderChange, hasLeader, scoreArchetypeMoves } from './classify-archetypes';
import { toWords } from './match-terms';

const ARCHETYPES: Pick<Archetype, 'id' | 'signals'>[] = [
  {
    id: 'family_guardian',
    signals: [
      { term: 'dziec*', weight: 2 },
      { term: 'dzieck*', weight: 2 },
      { term: 'fotelik*', weight: 2 },
      { term: 'bezpieczn*', weight: 1.5 },
      { term: 'bezpieczeństw*', weight: 1.5 },
      { term: 'isofix', weight: 2 },
      { term: 'rodzin*', weight: 1 },
    ],
  },
  {
    id: 'bargain_hunter',
    signals: [
      { term: 'rabat*', weight: 2 },
      { term: 'taniej', weight: 2 },
      { term: 'promocj*', weight: 2 },
      { term: 'za drogo', weight: 2.5 },
      { term: 'drogo', weight: 1 },
      { term: 'okazj*', weight: 1.5 },
      { term: 'cen* nie gra* roli', weight: -2 },
    ],
  },
  {
    id: 'performance_enthusiast',
    signals: [
      { term: 'przyspieszeni*', weight: 2 },
      { term: 'osiąg*', weight: 2 },
      { term: '0-100', weight: 2.5 },
      { term: 'moc*', weight: 1 },
      { term: 'tor', weight: 1.5 },
      { term: 'spokojn*', weight: -1 },
    ],
  },
  {
    id: 'pragmatic_analyst',
    signals: [
      { term: 'kosztów*', weight: 1.5 },
      { term: 'koszt*', weight: 1.5 },
      { term: 'tco', weight: 2.5 },
      { term: 'oszczędn*', weight: 1.5 },
      { term: 'eksploatacj*', weight: 1.5 },
      { term: 'utrat* wartości', weight: 2 },
    ],
  },
];

const moves = (note: string) => scoreArchetypeMoves(toWords(note), ARCHETYPES);
const classify = (...notes: string[]) => classifyArchetypes(notes.map(moves));
const probabilityOf = (scores: ArchetypeScore[], id: ArchetypeId) => scores.find((s) => s.id === id)!.probability;

// Comparable evidence: family +5, price +6.5.
const FAMILY = 'Cała rodzina: dzieci, foteliki';
const PRICE = 'Za drogo, dajcie rabat albo taniej';

describe('scoreArchetypeMoves', () => {
  test.each<[string, string, ArchetypeId, number, string[]]>([
    [
      'strongest first, the client’s spelling',
      'Mamy dwoje DZIECI, bezpieczeństwo i Isofix to podstawa',
      'family_guardian',
      5.5,
      ['DZIECI (+2)', 'Isofix (+2)', 'bezpieczeństwo (+1.5)'],
    ],
    ['a repeated word counts once', 'Dzieci, dzieci, wszędzie dzieci', 'family_guardian', 2, ['Dzieci (+2)']],
    ['a word two terms match counts once', 'Jeździmy z dzieckiem', 'family_guardian', 2, ['dzieckiem (+2)']],
    ['overlapping stems count once', 'Ile kosztów wyjdzie?', 'pragmatic_analyst', 1.5, ['kosztów (+1.5)']],
    ['a single word', 'Trochę drogo', 'bargain_hunter', 1, ['drogo (+1)']],
    ['multi-word term over a shorter one', 'Za drogo, w innym salonie dostanę taniej', 'bargain_hunter', 4.5, ['Za drogo (+2.5)', 'taniej (+2)']],
    ['negative weight', 'Cena nie gra roli, chcę najlepsze', 'bargain_hunter', -2, ['Cena nie gra roli (-2)']],
    ['negative beside positive', 'Spokojna jazda, ale 0-100 ważne', 'performance_enthusiast', 1.5, ['0-100 (+2.5)', 'Spokojna (-1)']],
    ['no term at all', 'Dzień dobry, tylko oglądam', 'family_guardian', 0, []],
    ['an archetype not in the pack', 'Mamy dzieci', 'status_seeker', 0, []],
  ])('%s: %j moves %s by %d', (_case, note, id, raw, evidence) => {
    const result = moves(note);
    expect(Object.keys(result).sort()).toEqual([...ARCHETYPE_IDS].sort());
    expect(result[id]).toEqual({ raw, evidence });
  });
});

describe('classifyArchetypes', () => {
  test.each<[string, string[], ArchetypeId]>([
    ['family', ['Mamy trójkę dzieci, najważniejsze bezpieczeństwo i foteliki na isofix'], 'family_guardian'],
    ['bargain', ['Za drogo. W innym salonie dostałem rabat i promocję, u was nie będzie taniej?'], 'bargain_hunter'],
    ['performance', ['Ile ma 0-100? Osiągi i przyspieszenie to dla mnie wszystko'], 'performance_enthusiast'],
    ['analyst', ['Policzyłem TCO: koszty eksploatacji, oszczędność na paliwie, utrata wartości'], 'pragmatic_analyst'],
    ['a session', ['Szukam auta dla rodziny', 'Dwoje dzieci, ważne foteliki', 'A jakie ma przyspieszenie?'], 'family_guardian'],
  ])('%s notes → %s leads', (_case, notes, leader) => {
    const scores = classify(...notes);
    expect(scores[0]!.id).toBe(leader);
    expect(hasLeader(scores)).toBe(true);
    expect(scores.map((s) => s.id).sort()).toEqual([...ARCHETYPE_IDS].sort());
    expect(scores.reduce((sum, s) => sum + s.probability, 0)).toBeCloseTo(1, 3);
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]!.probability).toBeGreaterThanOrEqual(scores[i]!.probability);
  });

  test.each<[string, string[]]>([
    ['no observation', []],
    ['observations without a term', ['Dzień dobry', 'Tylko oglądam, dziękuję']],
  ])('%s → uniform 0.1 in vocabulary order, no leader', (_case, notes) => {
    const scores = classify(...notes);
    expect(scores).toEqual(ARCHETYPE_IDS.map((id) => ({ id, probability: 0.1, evidence: [] })));
    expect(hasLeader(scores)).toBe(false);
  });

  test('a negative weight pushes an archetype below the rest', () => {
    const scores = classify('Cena nie gra roli');
    expect(scores.at(-1)!.id).toBe('bargain_hunter');
    expect(probabilityOf(scores, 'bargain_hunter')).toBeLessThan(0.1);
    expect(scores.at(-1)!.evidence).toEqual(['Cena nie gra roli (-2)']);
  });

  test('evidence is newest first, each item once', () => {
    const scores = classify('Mamy dzieci', 'Foteliki i dzieci', 'ISOFIX?');
    expect(scores[0]).toMatchObject({ id: 'family_guardian', evidence: ['ISOFIX (+2)', 'dzieci (+2)', 'Foteliki (+2)'] });
  });

  test('evidence keeps at most five items', () => {
    const scores = classify('dzieci', 'foteliki', 'isofix', 'bezpieczeństwo', 'rodzina', 'dzieckiem');
    expect(scores[0]!.evidence).toEqual(['dzieckiem (+2)', 'rodzina (+1)', 'bezpieczeństwo (+1.5)', 'isofix (+2)', 'foteliki (+2)']);
  });

  test.each<[string, string[], string[]]>([
    ['family then price', [FAMILY, PRICE], ['bargain_hunter', 'family_guardian']],
    ['price then family', [PRICE, FAMILY], ['family_guardian', 'bargain_hunter']],
    ['two family notes, then price', [FAMILY, FAMILY, PRICE], ['bargain_hunter', 'family_guardian']],
    ['price, then two family notes', [PRICE, FAMILY, FAMILY], ['family_guardian', 'bargain_hunter']],
  ])('recency: %s → %j lead', (_case, notes, leaders) => {
    expect(classify(...notes).slice(0, 2).map((s) => s.id)).toEqual(leaders);
  });

  test('the same price note weighs more when it is the latest', () => {
    const latest = probabilityOf(classify(FAMILY, FAMILY, PRICE), 'bargain_hunter');
    const earliest = probabilityOf(classify(PRICE, FAMILY, FAMILY), 'bargain_hunter');
    expect(latest).toBeGreaterThan(earliest);
  });
});

describe('hasLeader', () => {
  const uniform = classify();
  test.each<[string, ArchetypeScore[], boolean]>([
    ['empty', [], false],
    ['a single score', [{ id: 'family_guardian', probability: 1, evidence: [] }], false],
    ['uniform', uniform, false],
    ['a tie at the top', [{ id: 'family_guardian', probability: 0.4, evidence: [] }, { id: 'bargain_hunter', probability: 0.4, evidence: [] }], false],
    ['a clear leader', classify(FAMILY), true],
  ])('%s → %s', (_case, scores, expected) => {
    expect(hasLeader(scores)).toBe(expected);
  });
});

describe('detectLeaderChange', () => {
  test('the latest observation takes the lead: from, to, and its positive words', () => {
    const latestNote = 'Za drogo, dajcie rabat albo taniej, dla mnie cena nie gra roli tylko jakość';
    const latest = moves(latestNote);
    const change = detectLeaderChange(classify(FAMILY), classify(FAMILY, latestNote), latest);
    expect(change).toEqual({
      from: 'family_guardian',
      to: 'bargain_hunter',
      because: ['Za drogo (+2.5)', 'rabat (+2)', 'taniej (+2)'],
    });
  });

  test.each<[string, string[], string]>([
    ['the leader holds', [FAMILY], 'A foteliki się zmieszczą?'],
    ['no leader before', [], FAMILY],
    ['no leader after', [], 'Dzień dobry'],
    ['a weaker challenger', [FAMILY, FAMILY], 'Jest jakaś promocja?'],
  ])('%s → null', (_case, before, latestNote) => {
    const after = classify(...before, latestNote);
    expect(detectLeaderChange(classify(...before), after, moves(latestNote))).toBeNull();
  });
});
