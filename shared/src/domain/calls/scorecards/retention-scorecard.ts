import type { ScorecardInput } from '../../../schemas/call';
import { CLOSING, GREETING } from './common-phrases';
import { defineCriterion } from './define-criterion';

/** A client wants to cancel (a lease, a service plan, a subscription): learn why, make an offer, keep them. */
export const RETENTION_SCORECARD: ScorecardInput = {
  key: 'RETENTION',
  name: 'Utrzymanie klienta — rezygnacja',
  description:
    'Rozmowa z klientem, który chce zrezygnować z umowy, pakietu serwisowego lub abonamentu: powód rezygnacji, empatia, oferta utrzymaniowa i decyzja klienta.',
  criteria: [
    defineCriterion({
      id: 'greeting',
      label: 'Powitanie z nazwą firmy i imieniem',
      description: 'Konsultant wita klienta, podaje nazwę firmy i przedstawia się.',
      weight: 10,
      needed: 2,
      evidence: GREETING,
    }),
    defineCriterion({
      id: 'cancellation-reason',
      label: 'Ustalenie powodu rezygnacji',
      description: 'Konsultant pyta, dlaczego klient chce zrezygnować, i dopytuje, aż pozna prawdziwy powód (cena, jakość obsługi, konkurencja, zmiana potrzeb).',
      weight: 20,
      evidence: [
        'dlaczego', 'z jakiego powodu', 'co sprawiło', 'powód rezygnacji', 'co było nie tak', 'co możemy poprawić',
        'czego zabrakło', 'co skłoniło', 'why', 'what made you',
      ],
    }),
    defineCriterion({
      id: 'empathy',
      label: 'Zrozumienie i przeprosiny',
      description: 'Konsultant przyjmuje zastrzeżenia bez dyskusji: okazuje zrozumienie, przeprasza za błędy firmy.',
      weight: 10,
      evidence: ['rozumiem', 'przykro mi', 'przepraszam', 'I understand', 'sorry'],
    }),
    defineCriterion({
      id: 'retention-offer',
      label: 'Oferta utrzymaniowa',
      description:
        'Konsultant proponuje konkretną ofertę dopasowaną do powodu rezygnacji: rabat, niższą ratę, przedłużenie gwarancji, pakiet ładowania lub zamianę auta.',
      weight: 25,
      evidence: [
        'rabat', 'zniżk*', 'bezpłatny', 'gratis', 'przedłużenie gwarancji', 'lepsze warunki', 'specjalna oferta',
        'dla stałych klientów', 'obniżyć ratę', 'niższa rata', 'darmowe ładowanie', 'pakiet serwisowy', 'zamiana na',
        'special offer', 'discount',
      ],
    }),
    defineCriterion({
      id: 'benefits-reminder',
      label: 'Przypomnienie korzyści',
      description: 'Konsultant przypomina, co klient traci, rezygnując: usługi w cenie, assistance, gwarancję, aktualizacje.',
      weight: 10,
      evidence: ['w ramach umowy', 'w cenie', 'korzyści', 'assistance', 'ubezpieczenie', 'aktualizacje', 'benefits'],
    }),
    defineCriterion({
      id: 'client-stays',
      label: 'Klient zostaje',
      description: 'Wynik rozmowy: klient sam potwierdza, że zostaje lub przyjmuje ofertę (liczą się słowa klienta, nie konsultanta).',
      weight: 15,
      side: 'CLIENT',
      evidence: ['zostaję', 'zostanę', 'zgadzam się', 'przyjmuję ofertę', 'skorzystam', 'przedłużam', 'I will stay', 'I accept'],
    }),
    defineCriterion({
      id: 'polite-closing',
      label: 'Uprzejme zakończenie',
      description: 'Konsultant dziękuje za rozmowę i żegna się, także gdy klient odchodzi.',
      weight: 10,
      evidence: CLOSING,
    }),
  ],
};
