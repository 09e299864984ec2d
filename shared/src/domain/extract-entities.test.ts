import { expect, test } from 'vitest';
import { EntitySchema } from '../schemas/analysis';
import type { EntityKind } from '../schemas/vocabulary';
import { extractEntities } from './extract-entities';
import { toWords } from './match-terms';

/** Every entity of each note, as [kind, value], in the extractor's order: budget, timeline, cars, family, business. */
test.each<[string, [EntityKind, string][]]>([
  [
    'Klient ma dwoje dzieci, jeździ Audi A4 z 2015, chce oddać w rozliczeniu. Budżet do 250 tys. zł, decyzja do końca miesiąca. Pytał o BMW i4.',
    [['budget', '250 000 zł'], ['timeline', 'end_of_month'], ['current_car', 'Audi A4 (2015, trade-in)'], ['competitor', 'BMW i4'], ['family', 'children:2']],
  ],
  ["Wife decides; they think it's too expensive, maybe next year", [['timeline', 'next_year'], ['family', 'spouse']]],
  ['Budżet 200-250k, chce na firmę (JDG), leasing operacyjny.', [['budget', '200 000–250 000 zł'], ['business_use', 'company'], ['business_use', 'sole_trader'], ['business_use', 'operating_lease']]],
  ['ok. 180 000 zł gotówką, reszta kredyt', [['budget', '180 000 zł']]],
  ['Rata max 2 500 zł miesięcznie, wpłata 10%', [['budget', '2 500 zł/mies.']]],
  ['Szuka czegoś za 3k netto miesięcznie na spółkę', [['budget', '3 000 zł/mies. netto'], ['business_use', 'company']]],
  ['Client has a budget of 60,000 euro and two kids', [['budget', '60 000 EUR'], ['family', 'children:2']]],
  ['Around 200k PLN, wants it ASAP', [['budget', '200 000 zł'], ['timeline', 'asap']]],
  ['Looking at $50k max, currently drives a 2016 Golf', [['budget', '50 000 USD'], ['current_car', 'Volkswagen Golf (2016)']]],
  ['Porównuje z Hyundai Ioniq 5 i Kią EV6, ma ofertę na Skodę Enyaq', [['competitor', 'Hyundai Ioniq 5'], ['competitor', 'Kia EV6'], ['competitor', 'Skoda Enyaq']]],
  ['Obecnie Toyota Corolla, rozważa też VW ID.4', [['current_car', 'Toyota Corolla'], ['competitor', 'Volkswagen ID.4']]],
  ['Ma Passata, chce zamienić na elektryka przed zimą', [['timeline', 'before_winter'], ['current_car', 'Volkswagen Passat (trade-in)']]],
  ['Córka 5 lat, syn 8 lat, potrzebują miejsca na foteliki', [['family', 'child_age:5'], ['family', 'child_age:8']]],
  ['Trójka dzieci, rodzina 5-osobowa, decyzja w marcu', [['timeline', 'in_march'], ['family', 'children:3'], ['family', 'family_size:5']]],
  ['Flota 12 samochodów w spółce, VAT do odliczenia', [['business_use', 'fleet'], ['business_use', 'company'], ['business_use', 'vat']]],
  ['Samochód służbowy, decyzja w przyszłym tygodniu', [['timeline', 'next_week'], ['business_use', 'company_car']]],
  ['Company car through his company, by the end of the year', [['timeline', 'end_of_year'], ['business_use', 'company_car'], ['business_use', 'company']]],
  ['Fleet of 5, next month, compares with Polestar 2', [['timeline', 'next_month'], ['competitor', 'Polestar 2'], ['business_use', 'fleet']]],
  // A price difference and a friend's car: neither the budget nor the current car.
  ['Mąż jeździ Teslą kolegi i mówi, że BYD jest tańszy o 20 tys.', [['competitor', 'BYD'], ['family', 'spouse']]],
  ['Leasing kończy mu się w czerwcu, chce auto od lipca', [['timeline', 'lease_ending'], ['timeline', 'in_june'], ['timeline', 'from_july']]],
  ['Interesuje go BMW iX3 albo Mercedes EQA', [['competitor', 'BMW iX3'], ['competitor', 'Mercedes EQA']]],
  ['Kupił fotelik dla dziecka, jeździ Kią Sportage 2019', [['current_car', 'Kia Sportage (2019)'], ['family', 'children']]],
  ['He likes the i4 but the wife prefers the EX30', [['competitor', 'BMW i4'], ['competitor', 'Volvo EX30'], ['family', 'spouse']]],
  ['Klientka w ciąży, mąż decyduje', [['family', 'baby_on_the_way'], ['family', 'spouse']]],
  ['Zadzwoni za dwa tygodnie, teraz nie ma czasu', [['timeline', 'contact:in_2_weeks']]],
  // Tesla is what we sell: a current Tesla is a fact, a Tesla they want is not a competitor.
  ['Jeździ Teslą Model S, chce Model Y dla żony', [['current_car', 'Tesla Model S'], ['family', 'spouse']]],
  // Negatives: numbers that are not money, brands that are not cars, negated facts.
  ['Model 3 z 2015 roku mu się podobał', []],
  ['Pytał o zasięg 500 km zimą i 0-100 w 3,5 s', []],
  ['Przebieg obecnego auta 150 tys. km, 204 KM', []],
  ['Dopłata 18 750 zł z programu NaszEauto go interesuje', []],
  ['Spotkanie o 10:00, tel. 600 100 200', []],
  ['Nie mają dzieci, auto dla siebie', [['family', 'no_children']]],
  ['Prywatnie, nie na firmę. Pracuje w firmie IT.', []],
  ['Needs two child seats in the back', [['family', 'children:2']]],
  ['Cieszył się jak dziecko na jeździe próbnej', []],
  ['Maja dzieci? Nie pytałem. He may call back', [['family', 'children']]],
  ['Zapytał, czy ładowarka 11 kW wystarczy na 75 kWh', []],
  ['', []],
])('%s', (text, expected) => {
  const entities = extractEntities(text);
  expect(entities.map((e) => [e.kind, e.value])).toEqual(expected);
  for (const entity of entities) {
    expect(EntitySchema.parse(entity)).toEqual(entity);
    expect(text.normalize('NFC')).toContain(entity.evidence);
  }
});

test('evidence is the fragment as written', () => {
  const text = 'Klient ma dwoje dzieci, jeździ Audi A4 z 2015, chce oddać w rozliczeniu. Budżet do 250 tys. zł, decyzja do końca miesiąca. Pytał o BMW i4.';
  expect(extractEntities(text).map((e) => e.evidence)).toEqual([
    'Budżet do 250 tys. zł',
    'do końca miesiąca',
    'jeździ Audi A4 z 2015, chce oddać w rozliczeniu',
    'Pytał o BMW i4',
    'dwoje dzieci',
  ]);
});

test('decomposed (NFD) text reads the same, and words split by the caller are reused', () => {
  const text = 'Budżet do 250 tysięcy, decyzja do końca miesiąca, na firmę';
  const nfd = text.normalize('NFD');
  expect(extractEntities(nfd)).toEqual(extractEntities(text));
  expect(extractEntities(text, toWords(text))).toEqual(extractEntities(text));
});
