import { expect, test } from 'vitest';
import { extractFamily } from './extract-family';

test.each<[string, string[]]>([
  ['Klient ma dwoje dzieci, jeździ Audi', ['children:2']],
  ['trójka dzieci i pies', ['children:3']],
  ['Ma żonę i dwójkę dzieci', ['spouse', 'children:2']],
  ['jedno dziecko w drodze do szkoły', ['children:1']],
  ['córka 5 lat, syn 8', ['child_age:5']],
  ['dzieci w wieku 5 i 7 lat', ['child_age:5', 'child_age:7']],
  ['5-letni syn', ['child_age:5']],
  ['córka 8 miesięcy', ['child_age:0']],
  ['rodzina 5-osobowa', ['family_size:5']],
  ['spodziewają się drugiego dziecka', ['baby_on_the_way']],
  ['fotelik dla dziecka', ['children']],
  ['żona decyduje', ['spouse']],
  ['mąż jeździ BMW', ['spouse']],
  ['two kids and a wife', ['children:2', 'spouse']],
  ['two kids aged 3 and 5', ['children:2', 'child_age:3', 'child_age:5']],
  ['family of four', ['family_size:4']],
  ['Nie mają dzieci', ['no_children']],
  ['no kids, just the two of them', ['no_children']],
  ['cieszył się jak dziecko', []],
  ['charging zone at work', []],
  ['partner biznesowy ze spółki', []],
])('%s → %j', (text, values) => {
  expect(extractFamily(text).map((e) => e.value)).toEqual(values);
});
