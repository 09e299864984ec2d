import { describe, expect, test } from 'vitest';
import { hallucinationReason } from './hallucination-filter';

describe('hallucinationReason', () => {
  test.each<[string, number]>([
    ['Dziękuję, to wszystko na dziś.', 2000],
    ['Dziękuję za uwagę.', 1500],
    ['Dziękuję bardzo, do widzenia!', 1800],
    ['Dzięki za spotkanie, odezwę się w piątek.', 2500],
    ['Tak.', 300],
    ['Nie, nie, nie, nie, to nie tak.', 2500],
    ['Dzień dobry, dzwonię w sprawie jazdy próbnej.', 3000],
    ['Jaki jest zasięg zimą?', 1200],
    ['Tak, zasięg zimą to około 350 km, a latem nawet 450.', 4000],
    ['Rata wyniesie 1890 zł miesięcznie przy wpłacie 20%.', 3500],
    ['Mamy też subskrypcję samochodu na 24 miesiące.', 3000],
    ['Thanks, that was very helpful.', 1500],
    ['Możemy umówić się w następnym tygodniu?', 2200],
    ['Proszę, proszę bardzo.', 1200],
    ['Tłumaczenie przygotowane przez tłumacza przysięgłego jest w teczce.', 4000],
    ['To jest dobre pytanie, to jest naprawdę dobre pytanie.', 3500],
  ])('plausible: %s', (text, durationMs) => {
    expect(hallucinationReason(text, { durationMs })).toBeNull();
  });

  test.each<[string, number, RegExp]>([
    ['Napisy stworzone przez społeczność Amara.org', 3000, /Amara/],
    ['napisy stworzone przez spolecznosc amara org', 3000, /Amara/],
    ['Sous-titres réalisés para la communauté d’Amara.org', 3000, /Amara/],
    ['Napisy wykonane przez Jana Kowalskiego', 3000, /credit/],
    ['Tłumaczenie i napisy: Marek Nowak', 3000, /credit/],
    ['Zdjęcia i montaż: Studio X', 3000, /credit/],
    ['Napisy przygotowała Anna Nowak.', 3000, /credit/],
    ['Subtitles by the Amara.org community', 3000, /Amara/],
    ['Transcribed by ESO, translated by —', 3000, /credit/],
    ['Dzięki za obejrzenie!', 2000, /outro/],
    ['DZIĘKUJĘ ZA OBEJRZENIE', 2000, /outro/],
    ['Dziekuje bardzo za ogladanie.', 2000, /outro/],
    ['Subskrybuj!', 1000, /subscribe/],
    ['Zasubskrybujcie kanał i zostawcie łapkę w górę.', 3000, /subscribe/],
    ['Thank you for watching.', 2000, /outro/],
    ['Thanks for watching!', 2000, /outro/],
    ['Please subscribe.', 1000, /subscribe/],
    ['Do zobaczenia w następnym odcinku!', 2000, /outro/],
    ['www.zdrowie.pl', 2000, /web address/],
    ['♪ ♪ ♪', 3000, /music/],
    ['[Muzyka]', 3000, /sound label/],
    ['', 1000, /no words/],
    ['   ', 1000, /no words/],
    ['...', 1000, /no words/],
    ['?!, —', 1000, /no words/],
    ['Dziękuję. Dziękuję. Dziękuję. Dziękuję.', 3000, /"dziekuje" repeated 4/],
    ['Tak, tak, tak, tak, tak, tak, tak.', 3000, /"tak" repeated 7/],
    ['I to jest to. I to jest to. I to jest to. I to jest to.', 6000, /"i to jest to" repeated 4/],
    ['No więc tak, no i jeszcze raz, i jeszcze raz, i jeszcze raz, i jeszcze raz, i jeszcze raz.', 9000, /"i jeszcze raz" repeated 5/],
    ['Jaki jest zasięg tego samochodu w zimie przy niskiej temperaturze?', 1000, /words in 1\.0 s/],
    ['Dzień dobry, w czym mogę pomóc?', 300, /words in 0\.3 s/],
  ])('hallucination: %s', (text, durationMs, reason) => {
    expect(hallucinationReason(text, { durationMs })).toMatch(reason);
  });

  test('the words-per-second limit depends on the audio length', () => {
    const text = 'Jaki jest zasięg tego samochodu w zimie przy niskiej temperaturze?';
    expect(hallucinationReason(text, { durationMs: 1000 })).not.toBeNull();
    expect(hallucinationReason(text, { durationMs: 2000 })).toBeNull();
  });
});
