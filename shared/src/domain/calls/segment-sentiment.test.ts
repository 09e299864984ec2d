import { expect, test } from 'vitest';
import { EmotionSchema, type Emotion } from '../../schemas/call';
import type { Language } from '../../schemas/vocabulary';
import { TermSchema } from '../../schemas/knowledge-pack';
import { analyzeSentiment } from '../client-sentiment';
import { EMOTION_CUES } from './emotion-cues';
import { segmentSentiment } from './segment-sentiment';

/** Where the score must fall: clearly positive, clearly negative, or within ±0.15 of zero. */
type Sign = '+' | '-' | '0';
const within = (score: number, sign: Sign) => (sign === '+' ? score >= 0.15 : sign === '-' ? score <= -0.15 : Math.abs(score) < 0.15);

// Client lines as a transcriber writes them on a dealership's phone line.
test.each<[string, Language, Emotion, Sign, string]>([
  ['Super, to brzmi świetnie!', 'pl', 'satisfied', '+', 'świetnie'],
  ['Dziękuję, jestem bardzo zadowolony z obsługi.', 'pl', 'satisfied', '+', 'bardzo zadowolony'],
  ['Świetnie, biorę go!', 'pl', 'satisfied', '+', 'biorę'],
  ['Nie jestem zadowolony z tej oferty.', 'pl', 'frustrated', '-', 'Nie jestem zadowolony'],
  ['Nie jest źle, szczerze mówiąc.', 'pl', 'neutral', '+', 'Nie jest źle'],
  ['To jest za drogo jak na mnie.', 'pl', 'frustrated', '-', 'za drogo'],
  ['Zdecydowanie za drogo.', 'pl', 'frustrated', '-', 'Zdecydowanie za drogo'],
  ['Brzmi dobrze, ale cena jest dla mnie za wysoka.', 'pl', 'neutral', '-', 'za wysoka'],
  ['The price is too high for us.', 'en', 'neutral', '-', 'too high'],
  ['Dlaczego to jest takie drogie?!', 'pl', 'frustrated', '-', 'drogie'],
  ['To jest skandal, trzecią fakturę dostaję błędną!', 'pl', 'angry', '-', 'skandal'],
  ['Czy wy mnie próbujecie oszukać? To oszustwo!', 'pl', 'angry', '-', 'oszustwo'],
  ['Fatalna obsługa, absolutnie beznadziejna, okropne!', 'pl', 'angry', '-', 'absolutnie beznadziejna'],
  ['Znowu to samo, ile można?', 'pl', 'frustrated', '0', 'Znowu'],
  ['Ile można czekać na oddzwonienie?', 'pl', 'frustrated', '0', 'Ile można czekać'],
  ['Denerwuje mnie to, że nikt nie oddzwonił.', 'pl', 'frustrated', '-', 'Denerwuje'],
  ['Jestem rozczarowany, obiecywali mi coś innego.', 'pl', 'frustrated', '-', 'rozczarowany'],
  ['Nie polecam waszego serwisu.', 'pl', 'frustrated', '-', 'Nie polecam'],
  ['Nie wiem, muszę się zastanowić.', 'pl', 'hesitant', '0', 'Nie wiem'],
  ['Zastanowię się i dam znać.', 'pl', 'hesitant', '0', 'Zastanowię'],
  ['Hmm, no nie wiem.', 'pl', 'hesitant', '0', 'nie wiem'],
  ['Może, zobaczymy.', 'pl', 'hesitant', '0', 'Może'],
  ['Podoba mi się, ale muszę porozmawiać z żoną.', 'pl', 'hesitant', '0', 'porozmawiać z'],
  ['Super, ale nie wiem, czy mnie stać.', 'pl', 'hesitant', '0', 'nie wiem'],
  ['Ile kosztuje wersja z większą baterią?', 'pl', 'interested', '0', 'Ile kosztuje'],
  ['A jaki zasięg ma ten model zimą?', 'pl', 'interested', '0', 'jaki zasięg'],
  ['Kiedy mógłbym odebrać samochód?', 'pl', 'interested', '0', 'Kiedy mógłbym'],
  ['Jaka byłaby rata przy wpłacie 20 procent', 'pl', 'interested', '0', 'rata'],
  ['Ile można zaoszczędzić na paliwie?', 'pl', 'interested', '0', 'Ile można zaoszczędzić na paliwie?'],
  ['Interesuje mnie leasing na firmę.', 'pl', 'interested', '+', 'Interesuje'],
  ['Dzień dobry, dzwonię w sprawie oferty.', 'pl', 'neutral', '0', ''],
  ['Tak, tak, rozumiem.', 'pl', 'neutral', '0', ''],
  ['Może pan powtórzyć?', 'pl', 'neutral', '0', ''],
  ['Czy pan mnie słyszy?', 'pl', 'neutral', '0', ''],
  ['To nie jest oszustwo, prawda?', 'pl', 'neutral', '+', 'nie jest oszustwo'],
  ['This is great, I love it.', 'en', 'satisfied', '+', 'love'],
  ["I'm not happy with the offer.", 'en', 'frustrated', '-', 'not happy'],
  ["It's not bad at all.", 'en', 'neutral', '+', 'not bad'],
  ['This is outrageous, you people are scammers!', 'en', 'angry', '-', 'outrageous'],
  ['Again the same problem, I am fed up.', 'en', 'frustrated', '-', 'fed up'],
  ["I don't know, I need to think about it.", 'en', 'hesitant', '0', "don't know"],
  ['Maybe next month.', 'en', 'hesitant', '0', 'Maybe'],
  ['How much does the long range version cost?', 'en', 'interested', '0', 'How much'],
  ['Okay.', 'en', 'neutral', '0', ''],
])('"%s" (%s) → %s', (text, language, emotion, sign, evidence) => {
  const reading = segmentSentiment(text, language);
  expect(reading.emotion).toBe(emotion);
  expect(within(reading.score, sign), `score ${reading.score}`).toBe(true);
  if (evidence) expect(reading.evidence).toContain(evidence);
  else expect(reading.evidence).toEqual([]);
  expect(reading.evidence.length).toBeLessThanOrEqual(3);
  expect(EmotionSchema.parse(reading.emotion)).toBe(emotion);
});

test('a statement without a question reads exactly as the offline analyser', () => {
  for (const text of ['Podoba mi się, ale za drogo.', 'Nie ufam salonom.', 'Mega się cieszy, świetnie']) {
    expect(segmentSentiment(text, 'pl').score).toBe(analyzeSentiment(text, 'pl').score);
  }
});

test.each([
  ['Czy jest jakiś problem z ładowaniem?', 'Jest problem z ładowaniem.'],
  ['Czy to naprawdę takie świetne?', 'To naprawdę świetne.'],
])('the question "%s" carries less mood than "%s"', (question, statement) => {
  expect(Math.abs(segmentSentiment(question, 'pl').score)).toBeLessThan(Math.abs(segmentSentiment(statement, 'pl').score));
  expect(Math.sign(segmentSentiment(question, 'pl').score)).toBe(Math.sign(segmentSentiment(statement, 'pl').score));
});

test('hesitation halves the praise of the same line', () => {
  const praise = segmentSentiment('Świetnie, naprawdę super.', 'pl').score;
  const hesitant = segmentSentiment('Świetnie, naprawdę super. Zastanowię się.', 'pl');
  expect(hesitant.emotion).toBe('hesitant');
  expect(hesitant.score).toBeCloseTo(praise / 2, 2);
});

test('"może" hesitates, "może być" and "czy może pan" do not', () => {
  expect(segmentSentiment('No może później.', 'pl').emotion).toBe('hesitant');
  expect(segmentSentiment('Może być.', 'pl').emotion).toBe('neutral');
  expect(segmentSentiment('Czy może pan przesłać ofertę mailem', 'pl').emotion).not.toBe('hesitant');
});

test('greetings are not praise: "dzień dobry" is no satisfied client', () => {
  const greeting = segmentSentiment('Dzień dobry.', 'pl');
  expect(greeting).toEqual({ score: greeting.score, emotion: 'neutral', evidence: [] });
  expect(Math.abs(greeting.score)).toBeLessThan(0.15);
  expect(segmentSentiment('To dobry samochód.', 'pl').emotion).toBe('satisfied');
});

test('the language defaults to the detected one', () => {
  const text = "I'm not happy, it's too expensive for us.";
  expect(segmentSentiment(text)).toEqual(segmentSentiment(text, 'en'));
  expect(segmentSentiment('Jestem zadowolony')).toEqual(segmentSentiment('Jestem zadowolony', 'pl'));
});

test('empty and punctuation-only text is neutral', () => {
  expect(segmentSentiment('', 'pl')).toEqual({ score: 0, emotion: 'neutral', evidence: [] });
  expect(segmentSentiment(' ... ?! ', 'pl')).toEqual({ score: 0, emotion: 'neutral', evidence: [] });
});

test('a long, many-sentence segment stays within −1…1', () => {
  const text = 'Świetnie! Czy to super? '.repeat(200);
  const { score } = segmentSentiment(text, 'pl');
  expect(score).toBeGreaterThan(0.99);
  expect(score).toBeLessThanOrEqual(1);
});

test('every emotion cue is a valid pack term, listed once', () => {
  for (const { term } of EMOTION_CUES) expect(TermSchema.safeParse(term).success, term).toBe(true);
  const keys = EMOTION_CUES.map((c) => `${c.emotion} ${c.term}`);
  expect(new Set(keys).size).toBe(keys.length);
});
