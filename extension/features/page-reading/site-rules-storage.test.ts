import { describe, expect, test } from 'vitest';
import { fakeStorageArea } from './fake-page-reading-browser';
import { SITE_RULES_KEY, loadSiteRules, parseSiteRules, saveSiteRules } from './site-rules-storage';

const rule = { hostPattern: 'crm.example.com', selectors: ['.client-notes'] };

describe('site rules in storage', () => {
  test.each([
    ['nothing stored', undefined, []],
    ['not a list', { hostPattern: 'crm.example.com' }, []],
    ['a broken entry among good ones', [rule, { hostPattern: 'https://x', selectors: ['.a'] }, 'junk'], [rule]],
    ['entries normalised as the schema does', [{ hostPattern: ' *.Pipedrive.COM ', selectors: [' .note '] }], [{ hostPattern: '*.pipedrive.com', selectors: ['.note'] }]],
  ] as const)('%s', (_name, raw, expected) => {
    expect(parseSiteRules(raw)).toEqual(expected);
  });

  test('saved rules load back; an invalid rule is refused before anything is written', async () => {
    const area = fakeStorageArea();
    expect(await saveSiteRules(area, [rule])).toEqual([rule]);
    expect(await loadSiteRules(area)).toEqual([rule]);
    await expect(saveSiteRules(area, [rule, { hostPattern: 'crm.*.com', selectors: ['.a'] }])).rejects.toThrow();
    expect(area.data[SITE_RULES_KEY]).toEqual([rule]);
  });
});
