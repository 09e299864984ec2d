import { describe, expect, test } from 'vitest';
import type { Entity } from '../schemas/analysis';
import { mergeKeyFacts } from './merge-key-facts';

const e = (kind: Entity['kind'], value: string): Entity => ({ kind, value, evidence: value });

describe('mergeKeyFacts', () => {
  test.each([
    ['adds a first fact', {}, [e('budget', '250 000 zł')], { budget: '250 000 zł' }],
    ['a newer budget replaces the old one', { budget: '200 000 zł' }, [e('budget', '250 000 zł')], { budget: '250 000 zł' }],
    ['competitors collect', { competitor: 'BMW i4' }, [e('competitor', 'Hyundai Ioniq 5')], { competitor: 'BMW i4; Hyundai Ioniq 5' }],
    ['a competitor named again is not repeated', { competitor: 'BMW i4' }, [e('competitor', 'bmw i4')], { competitor: 'BMW i4' }],
    ['facts typed by hand are kept', { notatka: 'woli kontakt SMS' }, [e('family', 'dwoje dzieci')], { notatka: 'woli kontakt SMS', family: 'dwoje dzieci' }],
    ['nothing new changes nothing', { budget: '1' }, [], { budget: '1' }],
  ])('%s', (_name, facts, entities, expected) => {
    expect(mergeKeyFacts(facts, entities)).toEqual(expected);
  });

  test('values stay within the key-fact limit', () => {
    const many = Array.from({ length: 80 }, (_, i) => e('competitor', `Marka ${i} model długi`));
    expect(mergeKeyFacts({}, many).competitor!.length).toBeLessThanOrEqual(500);
  });
});
