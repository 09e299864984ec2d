import type { Emotion } from '../../schemas/call';
import type { Words } from '../match-terms';
import { breaksBefore } from '../negation';
import { isQuestion, type Sentence } from './split-sentences';

/** The emotions a phrase can point to; "neutral" and "satisfied" come from the score alone. */
export type CueEmotion = Extract<Emotion, 'angry' | 'frustrated' | 'hesitant' | 'interested'>;

/** Whether a match of a cue at words `start`…`end` (exclusive) of a sentence really is the cue. */
type Guard = (words: Words, start: number, end: number, sentence: Sentence) => boolean;

/**
 * A phrase of a CLIENT line that points to an emotion (knowledge-pack term syntax: folded, `*` = any
 * ending). `guard` rejects a match that only looks like the cue.
 */
export type EmotionCue = { term: string; emotion: CueEmotion; guard?: Guard };

/** "ile można!" is exasperation, "ile można zaoszczędzić" a question: only at the end of a clause. */
const endsClause: Guard = (words, _start, end) => end >= words.words.length || breaksBefore(words, end);

/** Words before "może" that make it "can" ("czy może pan", "nie może"), not "maybe". */
const MOZE_AS_CAN = new Set('czy nie pan pani on ona ono kto ktos co nikt kazdy kazda samochod auto to'.split(' '));
/**
 * "Może później", "no może", "może, zobaczymy" hesitate; "może pan powtórzyć", "może być" (= fine)
 * and "czy może…" do not.
 */
const mozeHesitates: Guard = (words, start, end) => {
  const before = start > 0 && !breaksBefore(words, start) ? words.words[start - 1]! : '';
  const after = end < words.words.length && !breaksBefore(words, end) ? words.words[end]! : '';
  return !MOZE_AS_CAN.has(before) && !['byc', 'pan', 'pani', 'panstwo', 'mi', 'sie'].includes(after);
};

/** "Jaki zasięg?" asks about the offer; "jazda próbna w sobotę mi pasuje" agrees, it does not ask. */
const inQuestion: Guard = (words, _start, _end, sentence) => isQuestion(sentence, words);

const cues = (emotion: CueEmotion, terms: string, guard?: Guard): EmotionCue[] =>
  terms.split(',').map((term) => ({ term: term.trim(), emotion, ...(guard && { guard }) }));

/** Cue phrases per emotion, Polish and English, most specific first within a list. */
export const EMOTION_CUES: readonly EmotionCue[] = [
  ...cues(
    'angry',
    'skandal*, oszust*, oszuk*, złodziej*, kpin*, kpicie, kpi sobie, wkurw*, wściek*, idioci, idiot*, debil*, kretyn*, ' +
      'banda, chamsk*, bezczeln*, żenad*, żenuj*, niedopuszczaln*, nie do przyjęcia, zgłoszę to, rzecznik*, prawnik*, ' +
      'do sądu, pozwę, scandal*, scam*, fraud*, outrageous, disgrace*, unacceptable, furious, lawyer*, rip off',
  ),
  ...cues(
    'frustrated',
    'znowu, znów, ile można czekać, ile razy, po raz kolejny, kolejny raz, mam dość, mam tego dość, denerw*, zdenerw*, ' +
      'irytu*, wkurz*, nikt nie oddzwonił, nikt się nie odezwał, czekam od, ciągle to samo, still waiting, fed up, ' +
      'how many times, every time, annoy*, frustrat*, sick of, tired of',
  ),
  { term: 'ile można', emotion: 'frustrated', guard: endsClause },
  ...cues(
    'hesitant',
    'nie wiem, zastanow*, zastanawia*, przemyśl*, nie jestem pewn*, nie jestem przekonan*, muszę pomyśleć, pomyślę, ' +
      'pomyślimy, dam znać, odezwę się, porozmawia* z*, skonsult*, nie teraz, rozglądam się, zobaczymy, ' +
      'trudno powiedzieć, nie wiem czy, not sure, don t know, dont know, think about it, think it over, ' +
      'get back to you, maybe, perhaps, let me think',
  ),
  { term: 'może', emotion: 'hesitant', guard: mozeHesitates },
  ...cues('interested', 'interesuj*, zainteresow*, chętnie zobacz*, interested in, would like to see'),
  ...cues(
    'interested',
    'ile kosztuj*, ile to kosztuj*, jaka jest cena, jaka cena, jaki zasięg, jaki jest zasięg, jaki ma zasięg, ile wynosi, ' +
      'jak szybko, jak długo, kiedy mógłbym, kiedy mogłabym, kiedy mogę, kiedy będzie, kiedy odbiór, czas dostawy, ' +
      'jazd* próbn*, dostępn*, rat*, leasing*, how much, what s the range, what is the range, when can, when will, ' +
      'how long, how fast, test drive, available, monthly, lease',
    inQuestion,
  ),
];

/** Opening words of a CLIENT question that asks about the offer ("Ile…?", "Kiedy…?", "Czy…?", "How…?"). */
export const PRODUCT_QUESTION_OPENERS: ReadonlySet<string> = new Set(
  'ile kiedy jaki jaka jakie jakiego jakim jak czy gdzie ktory ktora ktore what how when which where is are does do can could'.split(' '),
);

/** A question about the line itself ("Czy pan mnie słyszy?"), not the offer. */
export const NOT_PRODUCT_QUESTION = /slysz|slychac|\bhear\b|\bmowi\b|powtorzyc|repeat/;
