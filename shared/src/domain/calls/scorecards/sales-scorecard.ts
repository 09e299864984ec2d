import type { ScorecardInput } from '../../../schemas/call';
import { CLOSING, DATE_AND_TIME, GREETING } from './common-phrases';
import { defineCriterion } from './define-criterion';

/** A sales call at an EV dealership: from the greeting to a booked test drive. */
export const SALES_SCORECARD: ScorecardInput = {
  key: 'SALES',
  name: 'Sprzedaż — rozmowa z klientem salonu',
  description:
    'Rozmowa sprzedażowa w salonie samochodów elektrycznych: powitanie, analiza potrzeb, prezentacja dopasowana do klienta, obsługa obiekcji i umówiony następny krok.',
  criteria: [
    defineCriterion({
      id: 'greeting',
      label: 'Powitanie z nazwą firmy i imieniem',
      description: 'Konsultant wita klienta, podaje nazwę salonu lub firmy i przedstawia się z imienia, zanim przejdzie do sprawy.',
      weight: 10,
      needed: 2,
      evidence: GREETING,
    }),
    defineCriterion({
      id: 'needs-analysis',
      label: 'Analiza potrzeb i pytania kwalifikujące',
      description:
        'Konsultant pyta o to, co dla klienta najważniejsze: sposób używania auta, dzienne trasy, ładowanie w domu, budżet i termin decyzji. Liczą się pytania, nie założenia.',
      weight: 20,
      needed: 2,
      evidence: [
        'najważniejsze', 'co jest dla pani ważne', 'jaki budżet', 'w jakim budżecie',
        'kiedy planuje', 'ile kilometrów', 'jak często', 'czym obecnie jeździ', 'czy ma pani garaż',
        'gdzie będzie ładowany', 'ile osób', 'do czego', 'what matters most', 'your budget',
      ],
    }),
    defineCriterion({
      id: 'tailored-presentation',
      label: 'Prezentacja dopasowana do potrzeb',
      description:
        'Konsultant odnosi cechy auta do potrzeb, które klient podał (zasięg zimą, koszt ładowania, przestrzeń, bezpieczeństwo), zamiast recytować katalog.',
      weight: 15,
      needed: 2,
      evidence: [
        'rozumiem', 'skoro', 'w pani przypadku', 'zasięg', 'ładowanie w domu', 'koszt ładowania',
        'bagażnik', 'bezpieczeństwo', 'dzięki temu', 'sprawdzi się', 'for your needs',
      ],
    }),
    defineCriterion({
      id: 'objection-handling',
      label: 'Obsługa obiekcji',
      description:
        'Na zastrzeżenie klienta (cena, zasięg, oferta konkurencji) konsultant odpowiada konkretem: finansowanie, dopłaty, koszt posiadania, porównanie, zamiast ustępować lub pomijać temat.',
      weight: 15,
      needed: 2,
      evidence: [
        'rozumiem pani obawy', 'możemy przygotować', 'leasing', 'kredyt', 'rata', 'dopłata',
        'Mój Elektryk', 'koszt posiadania', 'oszczędność', 'w porównaniu', 'finansowanie', 'I understand your concern',
        'financing',
      ],
    }),
    defineCriterion({
      id: 'next-step',
      label: 'Propozycja jazdy próbnej lub następnego kroku',
      description: 'Konsultant proponuje konkretny następny krok: jazdę próbną, spotkanie w salonie, przesłanie oferty albo ustalony telefon.',
      weight: 15,
      evidence: [
        'jazda próbna', 'zapraszam na', 'zapraszam do salonu', 'spotkanie', 'umówmy się', 'przesłać ofertę',
        'prześlę ofertę', 'wyślę ofertę', 'oddzwonię', 'test drive', 'send you an offer',
      ],
    }),
    defineCriterion({
      id: 'summary-and-date',
      label: 'Podsumowanie i ustalenie terminu',
      description: 'Konsultant podsumowuje ustalenia i umawia konkretny dzień i godzinę (jazdy, spotkania, kontaktu), a nie „kiedyś”.',
      weight: 15,
      needed: 2,
      evidence: ['podsumowując', 'podsumuję', 'jesteśmy umówieni', 'potwierdzam', ...DATE_AND_TIME],
    }),
    defineCriterion({
      id: 'polite-closing',
      label: 'Uprzejme zakończenie',
      description: 'Konsultant dziękuje za rozmowę i żegna się; rozmowa nie urywa się na ustaleniach.',
      weight: 10,
      evidence: CLOSING,
    }),
  ],
};
