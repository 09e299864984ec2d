/** Letters Unicode does not decompose into a base letter and a mark (NFD leaves "ł" whole). */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe' };

/** The schema's bound (`ScorecardCriterionSchema.id`): a letter, then 1–59 of a-z, 0-9 and -. */
const MAX_LENGTH = 60;

/**
 * A criterion id from its label: lower-case ASCII words joined by hyphens ("Analiza potrzeb" →
 * "analiza-potrzeb"); a label starting with a digit gets "c-" in front, since an id starts with a letter.
 * Empty when the label has no letters or digits.
 */
export function slugCriterionId(label: string): string {
  const ascii = label
    .replace(/[łŁđĐøØßæÆœŒ]/g, (letter) => UNDECOMPOSED[letter]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const lettered = /^[0-9]/.test(slug) ? `c-${slug}` : slug;
  return trimTo(lettered, MAX_LENGTH);
}

/**
 * The id a new criterion gets from its label, unique among `taken` (the template's other criteria):
 * "-2", "-3"… when the plain one is used. Overrides and trends are keyed by it, so it is fixed once saved.
 */
export function deriveCriterionId(label: string, taken: ReadonlySet<string>): string {
  const base = slugCriterionId(label);
  if (base === '' || !taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${trimTo(base, MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const trimTo = (slug: string, max: number) => slug.slice(0, max).replace(/-+$/, '');
