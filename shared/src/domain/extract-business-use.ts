import type { Entity } from '../schemas/analysis';
import { quoteWords, toWords, type Words } from './match-terms';
import { isNegatedAt } from './negation';
import { createTermIndex } from './term-index';

/** How the car would be bought for business, and the terms that say so (knowledge-pack term syntax). */
const TERMS: Record<string, string[]> = {
  company_car: [
    'auto sluzbow*', 'samochod* sluzbow*', 'sluzbow* auto', 'sluzbow* samochod*', 'auto firmow*', 'samochod* firmow*',
    'company car*', 'company vehicle*',
  ],
  sole_trader: [
    'jdg', 'jednoosobow* dzialalnos*', 'dzialalnos* gospodarcz*', 'wlasn* dzialalnos*', 'prowadzi dzialalnos*', 'samozatrudni*',
    'self-employed', 'sole trader*', 'sole proprietor*', 'own business', 'b2b',
  ],
  fleet: ['flot*', 'fleet*'],
  operating_lease: ['leasing* operacyjn*', 'leasing* finansow*', 'operating lease*', 'business lease*', 'leasing* na firm*'],
  vat: ['vat*', 'odlicz* vat*', 'faktur* vat*'],
  depreciation: [
    'amortyzac*', 'w koszty', 'koszty firm*', 'koszt* uzyskania', 'depreciation', 'write off', 'write-off', 'tax deduct*',
  ],
  company: [
    'na firm*', 'przez firm*', 'dla firm*', 'firmow*', 'spolk*', 'spolce', 'sp z o o', 'na nip', 'ksiegow*', 'prowadzi firm*',
    'wlasn* firm*',
    'for the company', 'for his company', 'for her company', 'for their company', 'for my company', 'for our company',
    'for the business', 'for his business', 'for her business', 'through the company', 'through his company', 'business use',
    'business customer', 'his company', 'her company', 'their company', 'company name', 'corporate',
  ],
};

const INDEX = createTermIndex(
  Object.entries(TERMS).flatMap(([value, terms]) => terms.map((term) => ({ term, payload: value }))),
);

/**
 * Finds that the car would be bought for business: a company ("na firmę", "spółka", "for his
 * company"), a sole trader ("JDG", "jednoosobowa działalność", "self-employed"), a company car, a
 * fleet, an operating lease, VAT or depreciation. Negated mentions ("nie na firmę") are skipped;
 * where phrases overlap ("samochód firmowy") the longer one wins. Values are codes the UI
 * translates: `company`, `sole_trader`, `company_car`, `fleet`, `operating_lease`, `vat`,
 * `depreciation`.
 */
export function extractBusinessUse(text: string, words: Words = toWords(text)): Entity[] {
  const hits = INDEX.find(words)
    .filter((hit) => !isNegatedAt(words, hit.start, 2))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof hits = [];
  for (const hit of hits) if (!kept.some((k) => hit.start < k.end && k.start < hit.end)) kept.push(hit);
  kept.sort((a, b) => a.start - b.start);
  const entities: Entity[] = [];
  for (const hit of kept) {
    if (entities.some((e) => e.value === hit.payload)) continue;
    const evidence = quoteWords(words, hit.start, hit.end).slice(0, 300);
    entities.push({ kind: 'business_use', value: hit.payload, evidence });
  }
  return entities;
}
