import { describe, expect, test } from 'vitest';
import type { Entity, Signal } from '../schemas/analysis';
import { mergeSessionEntities, mergeSessionSignals, SIGNAL_DECAY } from './merge-session-signals';

const s = (id: Signal['id'], strength: number, evidence: string = id): Signal => ({ id, strength, evidence });
const e = (kind: Entity['kind'], value: string, evidence: string = value): Entity => ({ kind, value, evidence });

describe('mergeSessionSignals', () => {
  test.each<[string, Signal[][], Signal[]]>([
    ['no observations', [], []],
    ['observations without signals', [[], []], []],
    ['the latest observation is not faded', [[s('buying_intent', 0.8, 'biorę')]], [s('buying_intent', 0.8, 'biorę')]],
    ['one observation old fades once', [[s('urgency', 1, 'w tym miesiącu')], []], [s('urgency', SIGNAL_DECAY, 'w tym miesiącu')]],
    ['two observations old fades twice', [[s('urgency', 0.8)], [], []], [s('urgency', 0.578)]],
    [
      'an old strong signal beats a new weak one, with its own evidence',
      [[s('price_objection', 0.9, 'za drogo')], [s('price_objection', 0.5, 'trochę drogo')]],
      [s('price_objection', 0.765, 'za drogo')],
    ],
    [
      'a new signal beats a faded old one',
      [[s('price_objection', 0.6, 'za drogo')], [s('price_objection', 0.55, 'trochę drogo')]],
      [s('price_objection', 0.55, 'trochę drogo')],
    ],
    ['on a tie the newer evidence shows', [[s('delay', 1, 'zastanowię się')], [s('delay', 0.85, 'zadzwonię')]], [s('delay', 0.85, 'zadzwonię')]],
    [
      'strongest first across signals',
      [
        [s('family_needs', 0.9), s('test_drive_request', 0.4)],
        [s('price_objection', 0.7), s('family_needs', 0.3)],
      ],
      [s('family_needs', 0.765), s('price_objection', 0.7), s('test_drive_request', 0.34)],
    ],
  ])('%s', (_case, history, expected) => {
    expect(mergeSessionSignals(history)).toEqual(expected);
  });

  test('does not change the history it reads', () => {
    const history = [[s('urgency', 1)], [s('delay', 0.5)]];
    const copy = history.map((signals) => signals.map((signal) => ({ ...signal })));
    mergeSessionSignals(history);
    expect(history).toEqual(copy);
  });
});

describe('mergeSessionEntities', () => {
  test.each<[string, Entity[][], Entity[]]>([
    ['no observations', [], []],
    ['newest observation first', [[e('budget', '200 tys. zł')], [e('competitor', 'Tesla')]], [e('competitor', 'Tesla'), e('budget', '200 tys. zł')]],
    [
      'order within one observation kept',
      [[e('family', 'dwoje dzieci'), e('current_car', 'Skoda Octavia')]],
      [e('family', 'dwoje dzieci'), e('current_car', 'Skoda Octavia')],
    ],
    [
      'the same value in another case once, the newest spelling',
      [[e('competitor', 'Tesla', 'w Tesli')], [e('competitor', 'TESLA', 'TESLA taniej')]],
      [e('competitor', 'TESLA', 'TESLA taniej')],
    ],
    [
      'the same value of another kind kept',
      [[e('current_car', 'Tesla Model 3')], [e('competitor', 'Tesla Model 3')]],
      [e('competitor', 'Tesla Model 3'), e('current_car', 'Tesla Model 3')],
    ],
    [
      'a repeat within one observation once',
      [[e('timeline', 'do końca miesiąca'), e('timeline', 'Do końca miesiąca')]],
      [e('timeline', 'do końca miesiąca')],
    ],
    [
      'a changed value kept beside the old',
      [[e('budget', '150 tys. zł')], [e('budget', '180 tys. zł')], [e('budget', '150 TYS. ZŁ')]],
      [e('budget', '150 TYS. ZŁ'), e('budget', '180 tys. zł')],
    ],
  ])('%s', (_case, history, expected) => {
    expect(mergeSessionEntities(history)).toEqual(expected);
  });
});
