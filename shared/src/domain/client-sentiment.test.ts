import { expect, test } from 'vitest';
import type { Sentiment } from '../schemas/analysis';
import { SentimentSchema } from '../schemas/analysis';
import type { Language } from '../schemas/vocabulary';
import { analyzeSentiment } from './client-sentiment';

test.each<[string, Language, Sentiment['label'], string[]]>([
  ['Klient bardzo zadowolony z jazdy', 'pl', 'positive', ['bardzo zadowolony']],
  ['Zadowolona, wszystko super', 'pl', 'positive', ['super', 'Zadowolona']],
  ['Zadowoleni z oferty', 'pl', 'positive', ['Zadowoleni']],
  ['Klient niezadowolony z ceny', 'pl', 'negative', ['niezadowolony']],
  ['Niewygodne tylne siedzenia', 'pl', 'negative', ['Niewygodne']],
  ['Nie jest źle', 'pl', 'positive', ['Nie jest źle']],
  ['Nie podoba mu się wnętrze', 'pl', 'negative', ['Nie podoba']],
  ['nie bardzo mu się podoba', 'pl', 'negative', ['nie bardzo mu się podoba']],
  ['Nigdy nie był zadowolony z serwisu', 'pl', 'negative', ['Nigdy nie był zadowolony']],
  ['Podoba mu się, ale za drogo', 'pl', 'negative', ['za drogo']],
  ['Za drogo, czuje się oszukany', 'pl', 'negative', ['oszukany', 'Za drogo']],
  ['Nie ufam salonom', 'pl', 'negative', ['Nie ufam']],
  ['Mega się cieszy, świetnie', 'pl', 'positive', ['Mega się cieszy', 'świetnie']],
  ['Fatalnie, rozczarowany serwisem', 'pl', 'negative', ['Fatalnie', 'rozczarowany']],
  ['Niezły samochód, niezawodny', 'pl', 'positive', ['Niezły', 'niezawodny']],
  ['No dobra, super', 'pl', 'positive', ['super', 'dobra']],
  ['Bez problemu naładuje w domu', 'pl', 'positive', ['Bez problemu']],
  ['Klient pytał o zasięg i ładowanie', 'pl', 'neutral', []],
  ['Niedziela, Niemcy, niebieski kolor', 'pl', 'neutral', []],
  ["They think it's too expensive", 'en', 'negative', ['too expensive']],
  ['Not happy with the offer', 'en', 'negative', ['Not happy']],
  ["He doesn't trust dealers", 'en', 'negative', ["doesn't trust"]],
  ['Really impressed by the acceleration', 'en', 'positive', ['Really impressed']],
  ['No problem with charging', 'en', 'positive', ['No problem']],
  ['not bad at all', 'en', 'positive', ['not bad']],
  ['Loved the car but the price is a rip-off', 'en', 'negative', ['rip-off']],
  ['', 'pl', 'neutral', []],
])('%s → %s', (text, language, label, evidence) => {
  const reading = analyzeSentiment(text, language);
  expect(reading.label).toBe(label);
  expect(reading.evidence).toEqual(evidence);
  expect(SentimentSchema.parse(reading)).toEqual({ score: reading.score, label });
});

test.each<[string, string, Language]>([
  ['bardzo zadowolony', 'zadowolony', 'pl'],
  ['zadowolony', 'trochę zadowolony', 'pl'],
  ['zadowolony', 'nie jest źle', 'pl'],
  ['really happy', 'happy', 'en'],
])('"%s" reads warmer than "%s"', (warmer, cooler, language) => {
  expect(analyzeSentiment(warmer, language).score).toBeGreaterThan(analyzeSentiment(cooler, language).score);
});

test('a long transcript stays within −1…1', () => {
  const text = 'Świetnie, super, rewelacja, genialne, zachwycony! '.repeat(40);
  const { score } = analyzeSentiment(text, 'pl');
  expect(score).toBeGreaterThan(0.99);
  expect(score).toBeLessThanOrEqual(1);
});

test('English "no" negates, Polish "no" ("well") does not', () => {
  expect(analyzeSentiment('no good', 'en').label).toBe('negative');
  expect(analyzeSentiment('no dobrze', 'pl').label).toBe('positive');
});
