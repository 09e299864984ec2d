import { ScorecardCriterionSchema } from '@sufler/shared';
import { describe, expect, test } from 'vitest';
import { deriveCriterionId, slugCriterionId } from './scorecard-criterion-id';

const ID = ScorecardCriterionSchema.shape.id;

describe('slugCriterionId', () => {
  test.each([
    ['Analiza potrzeb', 'analiza-potrzeb'],
    ['Powitanie z nazwą firmy i imieniem', 'powitanie-z-nazwa-firmy-i-imieniem'],
    // Every Polish letter folds to ASCII, "ł" too (Unicode does not decompose it).
    ['Żółć, łąka, źdźbło, ćma, śnieg, ńa, ĘĄ', 'zolc-laka-zdzblo-cma-snieg-na-ea'],
    ['  Jazda próbna — umówiona?  ', 'jazda-probna-umowiona'],
    ['Cena/Rata (PLN) 2025', 'cena-rata-pln-2025'],
    // An id starts with a letter.
    ['3 pytania otwarte', 'c-3-pytania-otwarte'],
    ['!!!', ''],
    ['', ''],
  ])('%j → %j', (label, id) => {
    expect(slugCriterionId(label)).toBe(id);
    if (id) expect(ID.safeParse(id).success).toBe(true);
  });

  test('a long label is cut to 60 characters, never ending in a hyphen', () => {
    const id = slugCriterionId('Konsultant podsumowuje ustalenia i umawia konkretny dzień i godzinę jazdy próbnej');
    expect(id.length).toBeLessThanOrEqual(60);
    expect(id).not.toMatch(/-$/);
    expect(ID.safeParse(id).success).toBe(true);
  });
});

describe('deriveCriterionId', () => {
  test.each<[string, string[], string]>([
    ['Analiza potrzeb', [], 'analiza-potrzeb'],
    ['Analiza potrzeb', ['analiza-potrzeb'], 'analiza-potrzeb-2'],
    ['Analiza potrzeb', ['analiza-potrzeb', 'analiza-potrzeb-2'], 'analiza-potrzeb-3'],
    ['', ['analiza-potrzeb'], ''],
  ])('%j among %j → %j', (label, taken, id) => {
    expect(deriveCriterionId(label, new Set(taken))).toBe(id);
  });

  test('the suffix fits within 60 characters', () => {
    const long = 'a'.repeat(70);
    const id = deriveCriterionId(long, new Set(['a'.repeat(60)]));
    expect(id).toBe(`${'a'.repeat(58)}-2`);
    expect(ID.safeParse(id).success).toBe(true);
  });
});
