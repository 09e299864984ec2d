/**
 * Evidence phrases several templates share. Words are matched in any inflected form; a trailing `*`
 * accepts any ending where the stemmer misses an alternation ("błęd*": błędu, błędem).
 * Phrases of one criterion must not overlap: one mention would count twice towards `needed`. Forms of
 * address share a stem ("pan", "pana", "pani" → "pan"), so one phrase covers a client of either gender.
 */

/** A greeting and who is calling: two of them make a proper opening. */
export const GREETING = [
  'dzień dobry', 'dobry wieczór', 'witam', 'z salonu', 'z firmy', 'nazywam się', 'mam na imię', 'z tej strony',
  'good morning', 'my name is', 'calling from',
];

/** A polite close by the consultant. */
export const CLOSING = [
  'dziękuję', 'dziękujemy', 'do widzenia', 'do usłyszenia', 'do zobaczenia', 'miłego dnia', 'zapraszam ponownie',
  'thank you', 'goodbye', 'have a nice day',
];

/** A day, as Polish speech names it ("w czwartek", "do piątku"); every case form is found. */
export const DAYS = ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela', 'jutro', 'pojutrze'];

/** A day and an hour ("w czwartek o siedemnastej"). */
export const DATE_AND_TIME = [
  ...DAYS, 'o godzinie', 'o ósmej', 'o dziewiątej', 'o dziesiątej', 'o jedenastej', 'o dwunastej', 'o trzynastej', 'o czternastej',
  'o piętnastej', 'o szesnastej', 'o siedemnastej', 'o osiemnastej', 'o dziewiętnastej',
];
