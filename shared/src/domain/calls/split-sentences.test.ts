import { expect, test } from 'vitest';
import { isQuestion, splitSentences } from './split-sentences';

test('splits on terminators before a space, keeping "ID.4" and decimals whole', () => {
  expect(splitSentences('Dzień dobry. Czy ID.4 ma 3.5 kW?! Tak… dobrze\nA zasięg?')).toEqual([
    { text: 'Dzień dobry.', question: false, exclaimed: false },
    { text: 'Czy ID.4 ma 3.5 kW?!', question: true, exclaimed: true },
    { text: 'Tak…', question: false, exclaimed: false },
    { text: 'dobrze', question: false, exclaimed: false },
    { text: 'A zasięg?', question: true, exclaimed: false },
  ]);
  expect(splitSentences('Naprawdę?" ... ')).toEqual([{ text: 'Naprawdę?"', question: true, exclaimed: false }]);
  expect(splitSentences(' ... ')).toEqual([]);
});

test.each<[string, boolean]>([
  ['Jaki ma pan budżet?', true],
  ['jaki ma pan budżet', true],
  ['A ile osób zwykle jeździ', true],
  ['No to kiedy mogę zadzwonić', true],
  ['Czy ma pan garaż', true],
  ['Dlaczego akurat elektryk', true],
  ['What range do you need', true],
  ['Does your company lease cars', true],
  ['Prawda?', true],
  ['Co do ceny, mamy promocję.', false],
  ['Jak już mówiłem, to najlepsza wersja.', false],
  ['Jak najbardziej, zapraszam.', false],
  ['Do widzenia.', false],
  ['Have a nice day.', false],
  ['Zapraszam na jazdę próbną.', false],
  ['Okej.', false],
])('%s → question %s', (text, expected) => {
  const [sentence] = splitSentences(text);
  expect(isQuestion(sentence!)).toBe(expected);
});
