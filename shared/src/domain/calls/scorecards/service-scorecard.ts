import type { ScorecardInput } from '../../../schemas/call';
import { CLOSING, DATE_AND_TIME, GREETING } from './common-phrases';
import { defineCriterion } from './define-criterion';

/** A call to the service department: a fault reported, a visit booked, the cost said up front. */
export const SERVICE_SCORECARD: ScorecardInput = {
  key: 'SERVICE',
  name: 'Serwis — zgłoszenie i wizyta',
  description:
    'Rozmowa z działem serwisu: weryfikacja klienta i pojazdu, diagnoza zgłoszonego problemu, termin wizyty i informacja o koszcie.',
  criteria: [
    defineCriterion({
      id: 'greeting',
      label: 'Powitanie z nazwą serwisu i imieniem',
      description: 'Doradca serwisowy wita klienta, podaje nazwę serwisu lub firmy i przedstawia się.',
      weight: 10,
      needed: 2,
      evidence: [...GREETING, 'z serwisu'],
    }),
    defineCriterion({
      id: 'customer-vehicle-verification',
      label: 'Weryfikacja klienta i pojazdu',
      description: 'Doradca ustala, kto dzwoni i o które auto chodzi: numer rejestracyjny lub VIN, model, rocznik, przebieg.',
      weight: 15,
      needed: 2,
      evidence: [
        'numer rejestracyjny', 'VIN', 'numer nadwozia', 'imię i nazwisko', 'na kogo', 'jaki model', 'który model',
        'rocznik', 'przebieg', 'data zakupu', 'registration number',
      ],
    }),
    defineCriterion({
      id: 'problem-diagnosis',
      label: 'Diagnoza problemu',
      description:
        'Doradca dopytuje o objawy: co się dzieje, od kiedy, w jakich warunkach, jaki komunikat lub kontrolka; proponuje zdalną diagnostykę, gdy to możliwe.',
      weight: 20,
      needed: 2,
      evidence: [
        'co się dzieje', 'od kiedy', 'jaki komunikat', 'kontrolka', 'błąd', 'czy problem występuje',
        'w jakich sytuacjach', 'opisać problem', 'objawy', 'diagnostyka', 'aktualizacja oprogramowania',
        'what happens', 'warning light',
      ],
    }),
    defineCriterion({
      id: 'appointment',
      label: 'Ustalenie terminu wizyty',
      description: 'Doradca proponuje i uzgadnia konkretny termin wizyty w serwisie (dzień i godzinę).',
      weight: 15,
      needed: 2,
      evidence: [
        'wolny termin', 'mamy termin', 'termin wizyty', 'umówić wizytę', 'zapraszam do serwisu', 'przyjmiemy samochód',
        'zostawić samochód', ...DATE_AND_TIME,
      ],
    }),
    defineCriterion({
      id: 'cost-information',
      label: 'Informacja o koszcie',
      description: 'Doradca mówi, ile naprawa lub przegląd będzie kosztować albo że mieści się w gwarancji, zanim klient przyjedzie.',
      weight: 15,
      evidence: [
        'koszt', 'cena naprawy', 'wycena', 'gwarancj*', 'bezpłatnie', 'bez opłat', 'złotych', 'zł', 'netto', 'brutto',
        'cost', 'free of charge',
      ],
    }),
    defineCriterion({
      id: 'mobility',
      label: 'Samochód zastępczy lub odbiór auta',
      description: 'Doradca proponuje samochód zastępczy, odbiór auta od klienta albo inne rozwiązanie na czas naprawy.',
      weight: 10,
      evidence: ['samochód zastępczy', 'auto zastępcze', 'odbiór z domu', 'odbierzemy samochód', 'dowieziemy', 'replacement car'],
    }),
    defineCriterion({
      id: 'confirmation',
      label: 'Potwierdzenie ustaleń',
      description: 'Doradca powtarza ustalenia (termin, zakres, koszt) i mówi, jak klient dostanie potwierdzenie.',
      weight: 10,
      evidence: ['potwierdzam', 'podsumowując', 'potwierdzenie', 'SMS', 'przypomnienie', 'mailem', 'confirmation'],
    }),
    defineCriterion({
      id: 'polite-closing',
      label: 'Uprzejme zakończenie',
      description: 'Doradca dziękuje za zgłoszenie i żegna się.',
      weight: 5,
      evidence: CLOSING,
    }),
  ],
};
