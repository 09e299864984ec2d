import { HostPatternSchema, SiteRuleSchema, type SiteRule } from '../../lib/messages';

/** One rule as typed in the options page: a hostname pattern and selectors one per line. */
export interface SiteRuleDraft {
  host: string;
  selectors: string;
}

export type SiteRuleProblem =
  | { field: 'host'; code: 'host-invalid' }
  | { field: 'selectors'; code: 'selectors-empty' }
  | { field: 'selectors'; code: 'selector-invalid'; selector: string };

/** Whether this browser can parse a CSS selector: `querySelector` throws a SyntaxError when it cannot. */
export function isValidSelector(doc: Pick<Document, 'querySelector'>, selector: string): boolean {
  try {
    doc.querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

export const selectorLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The rule, or what is wrong with it (the host first, then the first bad selector). */
export function validateSiteRule(
  doc: Pick<Document, 'querySelector'>,
  draft: SiteRuleDraft,
): { ok: true; rule: SiteRule } | { ok: false; problems: SiteRuleProblem[] } {
  const problems: SiteRuleProblem[] = [];
  const host = HostPatternSchema.safeParse(draft.host);
  if (!host.success) problems.push({ field: 'host', code: 'host-invalid' });
  const selectors = selectorLines(draft.selectors);
  const invalid = selectors.find((selector) => !isValidSelector(doc, selector));
  if (selectors.length === 0 || selectors.length > 20) problems.push({ field: 'selectors', code: 'selectors-empty' });
  else if (invalid !== undefined) problems.push({ field: 'selectors', code: 'selector-invalid', selector: invalid });
  if (problems.length > 0 || !host.success) return { ok: false, problems };
  const rule = SiteRuleSchema.safeParse({ hostPattern: host.data, selectors });
  return rule.success ? { ok: true, rule: rule.data } : { ok: false, problems: [{ field: 'selectors', code: 'selectors-empty' }] };
}

/** A row left completely blank is not a rule, just an unused line. */
export const isBlankDraft = (draft: SiteRuleDraft) => !draft.host.trim() && !draft.selectors.trim();
