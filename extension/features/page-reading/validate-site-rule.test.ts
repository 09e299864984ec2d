// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { isValidSelector, validateSiteRule } from './validate-site-rule';

describe('validateSiteRule', () => {
  test.each([
    ['a host and selectors', { host: 'CRM.example.com', selectors: '.note\n\n  #history .entry  ' }, { ok: true, rule: { hostPattern: 'crm.example.com', selectors: ['.note', '#history .entry'] } }],
    ['a wildcard host', { host: '*.pipedrive.com', selectors: '[data-testid="note"]' }, { ok: true, rule: { hostPattern: '*.pipedrive.com', selectors: ['[data-testid="note"]'] } }],
    ['a URL instead of a host', { host: 'https://crm.example.com/x', selectors: '.note' }, { ok: false, problems: [{ field: 'host', code: 'host-invalid' }] }],
    ['no selectors', { host: 'crm.example.com', selectors: ' \n ' }, { ok: false, problems: [{ field: 'selectors', code: 'selectors-empty' }] }],
    ['a broken selector', { host: 'crm.example.com', selectors: '.ok\ndiv[' }, { ok: false, problems: [{ field: 'selectors', code: 'selector-invalid', selector: 'div[' }] }],
    ['both wrong', { host: '', selectors: '' }, { ok: false, problems: [{ field: 'host', code: 'host-invalid' }, { field: 'selectors', code: 'selectors-empty' }] }],
  ])('%s', (_name, draft, expected) => {
    expect(validateSiteRule(document, draft)).toEqual(expected);
  });

  test.each([
    ['.note', true],
    ['[data-zcqa="notesContent"]', true],
    ['div >', false],
    ['##x', false],
  ])('isValidSelector(%s) is %s', (selector, ok) => {
    expect(isValidSelector(document, selector)).toBe(ok);
  });
});
