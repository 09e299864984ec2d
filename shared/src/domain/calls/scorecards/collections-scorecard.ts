import type { ScorecardInput } from '../../../schemas/call';
import { CLOSING, DAYS } from './common-phrases';
import { defineCriterion } from './define-criterion';

/**
 * A reminder about an overdue payment (a lease instalment, a service invoice). Identity must be
 * verified before the debt is named (a third party must not learn of it), and threats are unlawful
 * (Polish Criminal Code art. 190, 191): either one fails the call.
 */
export const COLLECTIONS_SCORECARD: ScorecardInput = {
  key: 'COLLECTIONS',
  name: 'Windykacja — przypomnienie o płatności',
  description:
    'Rozmowa o zaległej płatności: informacja o nagrywaniu i RODO, weryfikacja tożsamości, kwota i termin, plan spłaty, bez gróźb i nacisku.',
  criteria: [
    defineCriterion({
      id: 'recording-gdpr',
      label: 'Informacja o nagrywaniu i RODO',
      description: 'Konsultant mówi, że rozmowa jest nagrywana, i informuje o przetwarzaniu danych osobowych (RODO, administrator danych).',
      weight: 15,
      needed: 2,
      evidence: [
        'nagrywa*', 'nagran*', 'RODO', 'dane osobowe', 'administratorem danych', 'przetwarzanie danych', 'recorded', 'GDPR',
      ],
    }),
    defineCriterion({
      id: 'identity-verification',
      label: 'Weryfikacja tożsamości',
      description: 'Zanim padnie kwota długu, konsultant sprawdza, że rozmawia z dłużnikiem: data urodzenia, część numeru PESEL, numer umowy lub adres.',
      weight: 15,
      autoFail: true,
      evidence: [
        'data urodzenia', 'PESEL', 'potwierdzić tożsamość', 'tożsamoś*', 'zweryfik*', 'weryfika*', 'ostatnie cyfry',
        'adres zamieszkania', 'numer umowy', 'verify your identity', 'date of birth',
      ],
    }),
    defineCriterion({
      id: 'amount-and-due-date',
      label: 'Kwota i termin płatności',
      description: 'Konsultant podaje dokładną kwotę zaległości, czego dotyczy (rata, faktura) i termin, w którym trzeba zapłacić.',
      weight: 20,
      needed: 2,
      evidence: [
        'kwota', 'zaległ*', 'do zapłaty', 'złotych', 'zł', 'termin płatności', 'faktur*', 'odset*', 'amount due',
        'overdue', 'do dnia', ...DAYS,
      ],
    }),
    defineCriterion({
      id: 'repayment-plan',
      label: 'Ustalenie planu spłaty',
      description: 'Konsultant uzgadnia z klientem realny sposób spłaty: datę wpłaty, rozłożenie na raty lub ugodę, i zapisuje deklarację.',
      weight: 20,
      evidence: [
        'plan spłaty', 'rozłożyć na raty', 'rozłożenie na raty', 'harmonogram', 'ugoda', 'porozumienie',
        'kiedy może pan zapłacić', 'deklaracja wpłaty', 'wpłata', 'payment plan', 'installments',
      ],
    }),
    defineCriterion({
      id: 'no-threats',
      label: 'Bez gróźb i zastraszania',
      description:
        'Konsultant nie grozi, nie zastrasza i nie obraża: żadnych zapowiedzi wizyt w domu, powiadamiania pracodawcy, rodziny czy sąsiadów, zabrania auta ani więzienia. Informacja o prawnych skutkach zwłoki jest dozwolona.',
      weight: 15,
      autoFail: true,
      forbidden: true,
      evidence: [
        'pożału*', 'będzie pan żałował', 'przyjedziemy do pana',
        'nachodzić', 'powiemy pracodawcy', 'powiadomimy pracodawcę', 'powiemy sąsiadom', 'dowiedzą się sąsiedzi',
        'powiemy rodzinie', 'zabierzemy samochód', 'zabierzemy auto', 'pójdzie pan siedzieć',
        'więzieni*', 'oszust', 'złodziej', 'you will regret', 'we know where you live', 'tell your employer',
      ],
    }),
    defineCriterion({
      id: 'confirmation',
      label: 'Potwierdzenie ustaleń',
      description: 'Konsultant powtarza ustaloną kwotę i datę wpłaty, podaje numer rachunku i mówi, jak klient dostanie potwierdzenie.',
      weight: 10,
      evidence: ['podsumowując', 'potwierdzam', 'potwierdzenie', 'numer konta', 'numer rachunku', 'tytułem', 'SMS', 'confirmation'],
    }),
    defineCriterion({
      id: 'polite-closing',
      label: 'Uprzejme zakończenie',
      description: 'Konsultant dziękuje za rozmowę i żegna się spokojnie, także po trudnej rozmowie.',
      weight: 5,
      evidence: CLOSING,
    }),
  ],
};
