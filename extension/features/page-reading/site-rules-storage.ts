import { SiteRuleSchema, type SiteRule } from '../../lib/messages';
import type { StorageAreaLike } from './page-reading-browser';

/** The rep's own per-site selectors, in `storage.local` under this key. */
export const SITE_RULES_KEY = 'siteRules';

/** Rule by rule: one broken entry (edited by hand, or from an older version) does not lose the others. */
export function parseSiteRules(raw: unknown): SiteRule[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = SiteRuleSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function loadSiteRules(area: StorageAreaLike): Promise<SiteRule[]> {
  return parseSiteRules((await area.get(SITE_RULES_KEY))[SITE_RULES_KEY]);
}

/** Validates before writing, so storage only ever holds rules the reader accepts. */
export async function saveSiteRules(area: StorageAreaLike, rules: SiteRule[]): Promise<SiteRule[]> {
  const parsed = rules.map((rule) => SiteRuleSchema.parse(rule));
  await area.set({ [SITE_RULES_KEY]: parsed });
  return parsed;
}
