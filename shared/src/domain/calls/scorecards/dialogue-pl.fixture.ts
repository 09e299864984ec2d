import type { Speaker } from '../../../schemas/call';

/**
 * The project's synthetic Polish two-speaker call, copied from ../shared/data/synthetic-pl-dialogue/
 * (dialogue_pl.tsv for speaker and text, dialogue_pl.rttm for each turn's start): tests must not read ../shared.
 */
export const DIALOGUE_PL: readonly { id: string; speaker: Speaker; startMs: number; text: string }[] = [
  { id: '00000000-0000-4000-8000-000000000001', speaker: 'CONSULTANT', startMs: 0, text: 'Dzień dobry, tu Marek z salonu Tesla w Warszawie. Czy rozmawiam z panią Anną Kowalską?' },
  { id: '00000000-0000-4000-8000-000000000002', speaker: 'CLIENT', startMs: 7002, text: 'Tak, dzień dobry. Dzwonię w sprawie Modelu Y, który oglądałam w sobotę.' },
  { id: '00000000-0000-4000-8000-000000000003', speaker: 'CONSULTANT', startMs: 13367, text: 'Świetnie. Co jest dla pani najważniejsze przy wyborze samochodu?' },
  { id: '00000000-0000-4000-8000-000000000004', speaker: 'CLIENT', startMs: 18790, text: 'Przede wszystkim zasięg zimą i koszt ładowania. Jeżdżę codziennie sześćdziesiąt kilometrów do pracy.' },
  { id: '00000000-0000-4000-8000-000000000005', speaker: 'CONSULTANT', startMs: 26561, text: 'Rozumiem. Model Y Long Range ma ponad pięćset kilometrów zasięgu, a ładowanie w domu kosztuje około piętnastu złotych na sto kilometrów.' },
  { id: '00000000-0000-4000-8000-000000000006', speaker: 'CLIENT', startMs: 37192, text: 'Brzmi dobrze, ale cena jest dla mnie za wysoka. Konkurencja oferuje rabat dziesięć procent.' },
  { id: '00000000-0000-4000-8000-000000000007', speaker: 'CONSULTANT', startMs: 44592, text: 'Możemy przygotować leasing z niską ratą i dopłatą z programu Mój Elektryk. Czy mogę przesłać ofertę mailem?' },
  { id: '00000000-0000-4000-8000-000000000008', speaker: 'CLIENT', startMs: 53065, text: 'Tak, proszę. Muszę jeszcze porozmawiać z mężem, zdecydujemy do piątku.' },
  { id: '00000000-0000-4000-8000-000000000009', speaker: 'CONSULTANT', startMs: 59175, text: 'Oczywiście. Zapraszam też na jazdę próbną w czwartek o siedemnastej.' },
  { id: '00000000-0000-4000-8000-000000000010', speaker: 'CLIENT', startMs: 64939, text: 'Dobrze, pasuje mi. Dziękuję, do widzenia.' },
];
