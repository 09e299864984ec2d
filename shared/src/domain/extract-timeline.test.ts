import { expect, test } from 'vitest';
import { extractTimeline, isDistantTimeline, isNearTermTimeline } from './extract-timeline';

test.each<[string, string[]]>([
  ['Decyzja do końca miesiąca.', ['end_of_month']],
  ['Chce odebrać w tym tygodniu', ['this_week']],
  ['Chce odebrać do końca tygodnia', ['this_week']],
  ['przed zimą chce mieć auto', ['before_winter']],
  ['Auto na wiosnę', ['before_spring']],
  ['za pół roku', ['in_6_months']],
  ['w przyszłym roku', ['next_year']],
  ['jak najszybciej', ['asap']],
  ['ASAP', ['asap']],
  ['next month', ['next_month']],
  ['by the end of the year', ['end_of_year']],
  ['end of this year', ['end_of_year']],
  ['za 3 tygodnie', ['in_3_weeks']],
  ['in two weeks', ['in_2_weeks']],
  ['za kilka miesięcy', ['in_few_months']],
  ['decyzja w marcu', ['in_march']],
  ['do marca', ['by_march']],
  ['pod koniec maja', ['by_may']],
  ['od lipca', ['from_july']],
  ['in May', ['in_may']],
  ['Leasing kończy mu się w czerwcu', ['lease_ending', 'in_june']],
  ['nie spieszy mu się', ['no_rush']],
  ['Zadzwoni za dwa tygodnie', ['contact:in_2_weeks']],
  ['Prosi o kontakt w przyszłym roku', ['contact:next_year']],
  ['Mają dwoje dzieci', []],
  ['He may buy it', []],
  ['Zima i zasięg go martwią', []],
])('%s → %j', (text, values) => {
  expect(extractTimeline(text).map((e) => e.value)).toEqual(values);
});

test.each<[string, boolean, boolean]>([
  ['asap', true, false],
  ['end_of_month', true, false],
  ['in_3_weeks', true, false],
  ['in_2_months', true, false],
  ['in_few_months', false, false],
  ['before_winter', true, false],
  ['lease_ending', true, false],
  ['in_march', false, false],
  ['in_6_months', false, true],
  ['next_year', false, true],
  ['no_rush', false, true],
  ['in_2_years', false, true],
  ['contact:in_2_weeks', false, false],
  ['contact:next_year', false, true],
])('%s: near %s, distant %s', (value, near, distant) => {
  expect(isNearTermTimeline(value)).toBe(near);
  expect(isDistantTimeline(value)).toBe(distant);
});
