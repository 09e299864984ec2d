import { describe, expect, test } from 'vitest';
import { isEcho, type EchoOptions, type TimedText } from './echo-suppression';

const at = (startMs: number, endMs: number, text: string): TimedText => ({ startMs, endMs, text });

describe('isEcho', () => {
  test.each<[string, TimedText, TimedText[], EchoOptions, boolean]>([
    [
      'the same words at the same time',
      at(1000, 3000, 'Jaki jest zasięg zimą?'),
      [at(1000, 3000, 'Jaki jest zasięg zimą?')],
      {},
      true,
    ],
    [
      'a quieter copy with small transcription differences (inflection, a lost word, no diacritics)',
      at(5200, 8100, 'ile kosztuje ten samochod w leasingu na trzy lata'),
      [at(5000, 8000, 'Ile kosztuje ten samochód w leasingu na trzy lata?')],
      {},
      true,
    ],
    [
      'inflected forms match on the stem',
      at(1000, 3000, 'A zasięgu zimowego nie podają w katalogach'),
      [at(1100, 3100, 'A zasięg zimowy nie podają w katalogu?')],
      {},
      true,
    ],
    [
      'a late echo within the lag',
      at(4200, 6000, 'Chciałbym umówić jazdę próbną na sobotę'),
      [at(1000, 3000, 'Chciałbym umówić jazdę próbną na sobotę')],
      {},
      true,
    ],
    [
      'an echo that straddles two client utterances',
      at(1000, 5000, 'rozumiem ale kombi jest dla mnie za duże na parking'),
      [at(900, 2500, 'Rozumiem, ale kombi'), at(2600, 5100, 'jest dla mnie za duże na parking.')],
      {},
      true,
    ],
    [
      'a real reply that takes up the client’s words is not an echo',
      at(3200, 6000, 'Tak, zasięg zimą to około 350 km'),
      [at(1000, 3000, 'Jaki jest zasięg zimą?')],
      {},
      false,
    ],
    [
      'the same words far apart in time are not an echo',
      at(10_000, 12_000, 'Chciałbym umówić jazdę próbną na sobotę'),
      [at(1000, 3000, 'Chciałbym umówić jazdę próbną na sobotę')],
      {},
      false,
    ],
    ['just past the lag', at(4600, 6000, 'Chciałbym umówić jazdę próbną'), [at(1000, 3000, 'Chciałbym umówić jazdę próbną')], { maxLagMs: 1500 }, false],
    ['just within a wider lag', at(4600, 6000, 'Chciałbym umówić jazdę próbną'), [at(1000, 3000, 'Chciałbym umówić jazdę próbną')], { maxLagMs: 1700 }, true],
    ['a short reply said by both sides is kept', at(1000, 1600, 'Dzień dobry'), [at(900, 1500, 'Dzień dobry!')], {}, false],
    ['…unless minWords allows it', at(1000, 1600, 'Dzień dobry'), [at(900, 1500, 'Dzień dobry!')], { minWords: 1 }, true],
    ['no client speech', at(1000, 3000, 'Jaki jest zasięg zimą?'), [], {}, false],
    ['an empty consultant text', at(1000, 3000, '...'), [at(1000, 3000, 'Jaki jest zasięg zimą?')], { minWords: 0 }, false],
    [
      'two of five words: below the default similarity',
      at(1000, 3000, 'jaki jest zasięg tego auta'),
      [at(1000, 3000, 'Jaki jest koszt?')],
      {},
      false,
    ],
    ['half the words pass a minimum of 0.5', at(1000, 3000, 'jaki jest zasięg tego'), [at(1000, 3000, 'Jaki jest koszt?')], { minSimilarity: 0.5 }, true],
  ])('%s', (_name, consultant, client, options, expected) => {
    expect(isEcho(consultant, client, options)).toBe(expected);
  });
});
