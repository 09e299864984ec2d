import { expect, test } from 'vitest';
import { inferSpeakerRoles, ROLE_CONFIDENCE_THRESHOLD, type SpeakerTrack } from './infer-speaker-roles';
import { DIALOGUE_PL } from './scorecards/dialogue-pl.fixture';

/** Turns written as "A: …" / "B: …" (the diarizer's clusters), 5 s apart in the order given. */
const tracks = (...turns: string[]): SpeakerTrack[] => {
  const byTrack = new Map<string, SpeakerTrack>();
  turns.forEach((turn, i) => {
    const [track, text] = [turn.slice(0, turn.indexOf(':')), turn.slice(turn.indexOf(':') + 2)];
    const entry = byTrack.get(track) ?? { track, segments: [] };
    byTrack.set(track, { track, segments: [...entry.segments, { startMs: i * 5000, text }] });
  });
  return [...byTrack.values()];
};

test('the synthetic Polish dialogue, split by its reference turns', () => {
  const diarized = ['CONSULTANT', 'CLIENT'].map((speaker) => ({
    track: speaker === 'CONSULTANT' ? 'speaker_1' : 'speaker_0',
    segments: DIALOGUE_PL.filter((s) => s.speaker === speaker),
  }));
  const roles = inferSpeakerRoles(diarized.reverse(), { companyNames: ['Tesla'] });
  expect(roles.consultant).toBe('speaker_1');
  expect(roles.confidence).toBeGreaterThan(0.8);
  expect(roles.reasons).toEqual([
    'speaker_1: wymienia nazwę firmy na powitanie („Tesla”)',
    'speaker_1: przedstawia się w imieniu firmy („z salonu”)',
    'speaker_1: zadaje pytania kwalifikujące („Co jest dla pani najważniejsze”)',
    'speaker_1: proponuje jazdę próbną lub spotkanie („przesłać ofertę”, „Zapraszam”)',
    'speaker_1: upewnia się, z kim rozmawia („Czy rozmawiam z”)',
    'speaker_1: mówi pierwszy',
    'speaker_0: mówi jak klient („Dzwonię w sprawie”, „porozmawiać z mężem”)',
  ]);
});

test.each<[string, SpeakerTrack[], string[] | undefined, string | null]>([
  [
    'the consultant answers an inbound call',
    tracks('B: Salon Volt, dzień dobry, w czym mogę pomóc?', 'A: Dzień dobry, interesuje mnie Ioniq 5.', 'B: Jaki budżet pan zakłada?'),
    undefined,
    'B',
  ],
  [
    'the client speaks first, the consultant introduces himself',
    tracks('A: Halo?', 'B: Dzień dobry, nazywam się Piotr Nowak, z salonu Volt.', 'A: Tak, słucham.', 'B: Kiedy planuje pani zakup?'),
    undefined,
    'B',
  ],
  [
    'a company name in the greeting is enough',
    tracks('A: Elektro Auto, dzień dobry.', 'B: Dzień dobry.', 'A: Słucham?', 'B: Mam pytanie.'),
    ['Elektro Auto'],
    'A',
  ],
  [
    'a company name later in the call is not a greeting',
    tracks('A: Dzień dobry.', 'B: Dzień dobry.', 'A: Tak?', 'B: Słucham.', 'A: W Elektro Auto było taniej.'),
    ['Elektro Auto'],
    null,
  ],
  ['an English call', tracks('A: Hi, I am interested in the EV6.', 'B: My name is Tom, calling from Volt. What matters most to you?'), undefined, 'B'],
  ['no cue at all', tracks('A: Dzień dobry.', 'B: Dzień dobry.', 'A: No tak.', 'B: Dobrze.'), undefined, null],
  ['speaking first alone is not enough', tracks('A: Halo.', 'B: Tak?'), undefined, null],
  [
    'both sides sound like consultants: a tie',
    tracks('A: Nazywam się Anna, z firmy Flota24.', 'B: Nazywam się Piotr, z salonu Volt.'),
    undefined,
    null,
  ],
  ['a negated cue does not count', tracks('A: Nie mogę zaproponować rabatu.', 'B: Rozumiem.'), undefined, null],
  ['one track only', tracks('A: Dzień dobry, tu Marek z salonu Tesla. Czym mogę służyć?'), undefined, null],
  ['no tracks', [], undefined, null],
])('%s', (_name, given, companyNames, consultant) => {
  const roles = inferSpeakerRoles(given, companyNames ? { companyNames } : undefined);
  expect(roles.consultant).toBe(consultant);
  expect(roles.confidence).toBeGreaterThanOrEqual(0);
  expect(roles.confidence).toBeLessThanOrEqual(1);
  if (consultant) expect(roles.confidence).toBeGreaterThanOrEqual(ROLE_CONFIDENCE_THRESHOLD);
  else expect(roles.confidence).toBeLessThan(ROLE_CONFIDENCE_THRESHOLD);
  expect(roles.reasons.length).toBeGreaterThan(0);
});

test('a tie says so; a lone track says why', () => {
  expect(inferSpeakerRoles(tracks('A: Nazywam się Anna, z firmy Flota24.', 'B: Nazywam się Piotr, z salonu Volt.')).reasons[0]).toBe(
    'remis: wskazówki nie rozstrzygają, kto jest konsultantem',
  );
  expect(inferSpeakerRoles(tracks('A: Dzień dobry.')).reasons).toEqual(['jedna ścieżka: obie strony trzeba rozdzielić ręcznie']);
});

test('three diarized speakers: the consultant still stands out', () => {
  const roles = inferSpeakerRoles(
    tracks('A: Dzień dobry, z tej strony Ola z salonu Volt.', 'B: Dzień dobry, dzwonię w sprawie oferty.', 'C: Ja też słucham.', 'A: Co jest dla państwa najważniejsze?'),
  );
  expect(roles.consultant).toBe('A');
});
