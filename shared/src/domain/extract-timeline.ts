import type { Entity } from '../schemas/analysis';
import { foldInPlace } from './fold-in-place';
import { TIMELINE_RULES as RULES } from './timeline-patterns';

/** A time for the next call or meeting, not for the purchase: "zadzwoni za dwa tygodnie". */
const CONTACT_BEFORE = new RegExp(
  String.raw`(?:zadzwoni\w*|oddzwoni\w*|odezw\w*|kontakt\w*|spotkani\w*|spotkamy|umowi\w*|przypomn\w*` +
    String.raw`|call\w*|ring|get back|follow[- ]?up|meeting|talk again|reach out|contact)[^.!?;,\n]{0,25}$`,
);
const CONTACT = 'contact:';

// All rules in one pattern, one named group per rule: one pass over the text finds them all, the
// earliest first and, where two start together, the rule listed first.
const ALL = new RegExp(
  `(?<![a-z0-9])(?:${RULES.map((rule, i) => `(?<r${i}>${rule.pattern.join('|')})`).join('|')})(?![a-z])`,
  'g',
);

const NEAR = new Set(['asap', 'this_week', 'next_week', 'end_of_month', 'this_month', 'next_month', 'soon', 'lease_ending']);
const FAR = new Set(['next_year', 'no_rush', 'in_6_months']);

/** Whether a timeline value is a near deadline (this month, within weeks, before the season, the lease ends): urgency. */
export function isNearTermTimeline(value: string): boolean {
  if (value.startsWith(CONTACT)) return false;
  if (NEAR.has(value) || value.startsWith('before_')) return true;
  const m = /^in_(\d+|few)_(weeks|months)$/.exec(value);
  return Boolean(m && (m[2] === 'weeks' || (m[1] !== 'few' && Number(m[1]) <= 2)));
}

/** Whether a timeline value puts the decision far off (next year, half a year, "no rush"): a delay. */
export function isDistantTimeline(value: string): boolean {
  const when = value.startsWith(CONTACT) ? value.slice(CONTACT.length) : value;
  if (FAR.has(when)) return true;
  const m = /^in_(\d+|few)_(months|years)$/.exec(when);
  return Boolean(m && (m[2] === 'years' || (m[1] !== 'few' && Number(m[1]) >= 6)));
}

/**
 * Finds when the client means to decide or buy: "do końca miesiąca", "w tym tygodniu", "przed
 * zimą", "za pół roku", "w przyszłym roku", "jak najszybciej", "next month", "by the end of the
 * year", "ASAP", months in any Polish case after a preposition ("w marcu", "do marca") and English
 * months ("in March"). Values are stable codes the UI translates: `asap`, `this_week`,
 * `end_of_month`, `in_3_weeks`, `in_6_months`, `next_year`, `before_winter`, `by_march`,
 * `in_march`, `lease_ending`, `no_rush`… A time for the next call rather than the purchase
 * ("zadzwoni za dwa tygodnie", "kontakt w przyszłym roku") is prefixed `contact:`. Relative only:
 * with no clock here, "w marcu" is not known to be near.
 */
export function extractTimeline(text: string, folded = foldInPlace(text)): Entity[] {
  const hits: { start: number; end: number; value: string; from: number }[] = [];
  for (const m of folded.matchAll(ALL)) {
    const groups = m.groups ?? {};
    const rule = RULES[RULES.findIndex((_, i) => groups[`r${i}`] !== undefined)];
    const value = !rule ? null : typeof rule.value === 'string' ? rule.value : rule.value(groups);
    if (!value) continue;
    const window = Math.max(0, m.index - 40);
    const contact = CONTACT_BEFORE.exec(folded.slice(window, m.index));
    hits.push({
      start: m.index,
      end: m.index + m[0].length,
      value: contact ? `${CONTACT}${value}` : value,
      from: contact ? window + contact.index : m.index,
    });
  }
  const entities: Entity[] = [];
  for (const hit of hits) {
    if (entities.some((e) => e.value === hit.value)) continue;
    entities.push({ kind: 'timeline', value: hit.value, evidence: text.slice(hit.from, hit.end).slice(0, 300) });
  }
  return entities;
}
