import { expect, test } from 'vitest';
import { extractCars, isTradeInCar } from './extract-cars';

test.each<[string, [kind: string, value: string, evidence: string][]]>([
  [
    'Jeździ Audi A4 z 2015, chce oddać w rozliczeniu. Pytał o BMW i4.',
    [['current_car', 'Audi A4 (2015, trade-in)', 'Jeździ Audi A4 z 2015, chce oddać w rozliczeniu'], ['competitor', 'BMW i4', 'Pytał o BMW i4']],
  ],
  ['Porównuje z BMW i4, obecnie jeździ Passatem', [['competitor', 'BMW i4', 'Porównuje z BMW i4'], ['current_car', 'Volkswagen Passat', 'jeździ Passatem']]],
  ['ma Passata', [['current_car', 'Volkswagen Passat', 'ma Passata']]],
  ['obecnie Toyota Corolla', [['current_car', 'Toyota Corolla', 'obecnie Toyota Corolla']]],
  ['my current car is a 2016 Golf', [['current_car', 'Volkswagen Golf (2016)', 'current car is a 2016 Golf']]],
  ['Ma Skodę Octavię z 2018, chce ją oddać w rozliczeniu', [['current_car', 'Skoda Octavia (2018, trade-in)', 'Ma Skodę Octavię z 2018, chce ją oddać w rozliczeniu']]],
  ['chce zamienić Audi na Teslę', [['current_car', 'Audi (trade-in)', 'zamienić Audi']]],
  ['przesiada się z Audi na BMW', [['current_car', 'Audi', 'przesiada się z Audi'], ['competitor', 'BMW', 'na BMW']]],
  ['Porównuje z BMW, którym jeździ od lat', [['current_car', 'BMW', 'Porównuje z BMW, którym jeździ']]],
  ['Jeździ BMW X5 i Audi Q7', [['current_car', 'BMW X5', 'Jeździ BMW X5'], ['current_car', 'Audi Q7', 'i Audi Q7']]],
  ['nie chce oddawać Audi w rozliczeniu', [['current_car', 'Audi', 'chce oddawać Audi w rozliczeniu']]],
  ['Pytał o BMW, potem o BMW i4', [['competitor', 'BMW i4', 'BMW i4']]],
  ['Jeździ BMW X5, Audi Q7 i Skodą Superb', [['current_car', 'BMW X5', 'Jeździ BMW X5'], ['current_car', 'Audi Q7', 'Audi Q7'], ['current_car', 'Skoda Superb', 'i Skodą Superb']]],
  ['Obecnie: Toyota Corolla', [['current_car', 'Toyota Corolla', 'Obecnie: Toyota Corolla']]],
  ['Ma ofertę na Ioniq 5 i EV6', [['competitor', 'Hyundai Ioniq 5', 'na Ioniq 5'], ['competitor', 'Kia EV6', 'i EV6']]],
  ['compares with Polestar 2 and VW ID.4', [['competitor', 'Polestar 2', 'compares with Polestar 2'], ['competitor', 'Volkswagen ID.4', 'and VW ID.4']]],
  ['Audi Q4 e-tron albo Mercedes EQE 350', [['competitor', 'Audi Q4 e-tron', 'Audi Q4 e-tron'], ['competitor', 'Mercedes EQE', 'albo Mercedes EQE 350']]],
  ['MG4 jest tańszy, Cupra Born też', [['competitor', 'MG MG4', 'MG4'], ['competitor', 'Cupra Born', 'Cupra Born']]],
  ['Jeździ Teslą Model 3 od 2019', [['current_car', 'Tesla Model 3 (2019)', 'Jeździ Teslą Model 3 od 2019']]],
  ['Chce Model Y', []],
  // Someone else's car, or one the client only test-rode, is no current car.
  ['Mąż jeździ Teslą kolegi i mówi, że BYD jest tańszy', [['competitor', 'BYD', 'BYD']]],
  ['maz jezdzi Tesla kolegi', []],
  ['Jeździ Skodą szwagra, obecnie Toyota Corolla', [['current_car', 'Toyota Corolla', 'obecnie Toyota Corolla']]],
  ['jezdzi Audi A4 znajomego', []],
  ['Jeździ BMW brata', []],
  ['Jeździ służbowym Audi', []],
  ['jezdzi sluzbowym Audi', []],
  ['Jeździł BMW i4 na jeździe próbnej', [['competitor', 'BMW i4', 'Jeździł BMW i4']]],
  ['jezdzil probnie BMW i4', [['competitor', 'BMW i4', 'jezdzil probnie BMW i4']]],
  ["He drives his friend's Tesla", []],
  ['drives a company Audi', []],
  ['he drives the Audi of a colleague', []],
  ['test-drove a BMW i4 last week', [['competitor', 'BMW i4', 'test-drove a BMW i4']]],
  ['drove a Polestar 2 on a test drive', [['competitor', 'Polestar 2', 'drove a Polestar 2']]],
  ['child seats in the back, 5 mg of something, golf on Sundays', []],
  ['Klient ma dwoje dzieci', []],
])('%s', (text, expected) => {
  expect(extractCars(text).map((e) => [e.kind, e.value, e.evidence])).toEqual(expected);
});

test.each<[string, boolean]>([
  ['Audi A4 (2015, trade-in)', true],
  ['Audi A4 (2015)', false],
  ['Audi (trade-in)', true],
])('isTradeInCar(%s) = %s', (value, expected) => {
  expect(isTradeInCar({ kind: 'current_car', value, evidence: '' })).toBe(expected);
  expect(isTradeInCar({ kind: 'competitor', value, evidence: '' })).toBe(false);
});
