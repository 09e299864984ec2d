// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { MAX_OBSERVATION_TEXT, PageTextSchema, type SiteRule } from '../../lib/messages';
import { DEFAULT_SITE_RULES } from './default-site-rules';
import { readPageText } from './read-page-text';

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  (document.activeElement as HTMLElement | null)?.blur?.();
  document.body.innerHTML = '';
});

function selectContents(selector: string) {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector(selector)!);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

const focus = (selector: string) => (document.querySelector(selector) as HTMLElement).focus();

const own: SiteRule[] = [{ hostPattern: 'crm.example.com', selectors: ['.client-notes', '.history .entry'] }];

type Case = {
  name: string;
  html: string;
  setup?: () => void;
  want?: 'selection' | 'notes';
  hostname?: string;
  rules?: readonly SiteRule[];
  expected: { source: string; text: string; matched?: number };
};

const cases: Case[] = [
  {
    name: 'the selection wins over everything else',
    html: '<p id="a">Klient pyta o leasing.</p><textarea id="t">notatka</textarea><div class="client-notes">x</div>',
    setup: () => selectContents('#a'),
    expected: { source: 'selection', text: 'Klient pyta o leasing.' },
  },
  {
    name: 'text selected inside a textarea',
    html: '<textarea id="t">Ma dwoje dzieci i psa</textarea>',
    setup: () => {
      focus('#t');
      (document.querySelector('#t') as HTMLTextAreaElement).setSelectionRange(3, 15);
    },
    expected: { source: 'selection', text: 'dwoje dzieci' },
  },
  {
    name: 'the focused textarea without a selection',
    html: '<textarea id="t">  Budżet 150 tys.  \n\n\n\nDecyzja w maju  </textarea><div class="client-notes">x</div>',
    setup: () => focus('#t'),
    expected: { source: 'editor', text: 'Budżet 150 tys.\n\nDecyzja w maju' },
  },
  {
    name: 'a focused element inside a contenteditable editor',
    html: '<div contenteditable="true" id="e"><p id="p" tabindex="-1">Wants a hybrid</p></div>',
    setup: () => focus('#e'),
    expected: { source: 'editor', text: 'Wants a hybrid' },
  },
  {
    name: 'a focused password field is not an editor',
    html: '<input type="password" id="pw" value="secret"><div class="client-notes">Note</div>',
    setup: () => focus('#pw'),
    expected: { source: 'selectors', text: 'Note', matched: 1 },
  },
  {
    name: 'the rep’s selectors, in document order, nested matches once',
    html: '<ul class="history"><li class="entry">Second visit</li></ul><div class="client-notes"><p class="entry">First</p></div>',
    expected: { source: 'selectors', text: 'Second visit\n\nFirst', matched: 2 },
  },
  {
    name: 'a rule for another host does not apply',
    html: '<div class="client-notes">Note</div>',
    hostname: 'other.example.com',
    expected: { source: 'none', text: '' },
  },
  {
    name: 'an unparsable selector is skipped, the next one still reads',
    html: '<div class="n">Kept</div>',
    rules: [{ hostPattern: 'crm.example.com', selectors: ['div[', '.n'] }],
    expected: { source: 'selectors', text: 'Kept', matched: 1 },
  },
  {
    name: 'the first matching rule that finds text wins',
    html: '<div class="b">From B</div>',
    rules: [
      { hostPattern: '*.example.com', selectors: ['.a'] },
      { hostPattern: 'crm.example.com', selectors: ['.b'] },
    ],
    expected: { source: 'selectors', text: 'From B', matched: 1 },
  },
  {
    name: 'selection only: no selection reads nothing, even with an editor focused',
    html: '<textarea id="t">notatka</textarea>',
    setup: () => focus('#t'),
    want: 'selection',
    expected: { source: 'none', text: '' },
  },
  {
    name: 'whitespace only is nothing',
    html: '<div class="client-notes">   \n  </div>',
    expected: { source: 'none', text: '' },
  },
  {
    name: 'Salesforce Lightning default: a rich-text description',
    html: '<records-record-layout-item field-label="Description"><lightning-formatted-text>Fleet of 12 vans</lightning-formatted-text></records-record-layout-item>',
    hostname: 'acme.lightning.force.com',
    rules: DEFAULT_SITE_RULES,
    expected: { source: 'selectors', text: 'Fleet of 12 vans', matched: 1 },
  },
  {
    name: 'HubSpot default: a note card on the timeline',
    html: '<div data-test-id="timeline-card-note"><div data-test-id="timeline-card-body">Called back, wants a quote</div></div>',
    hostname: 'app.hubspot.com',
    rules: DEFAULT_SITE_RULES,
    expected: { source: 'selectors', text: 'Called back, wants a quote', matched: 1 },
  },
  {
    name: 'Pipedrive default: notes in the history feed',
    html: '<div data-testid="flow-item-note"><div data-testid="note-content">Test drive on Friday</div></div>',
    hostname: 'sales-team.pipedrive.com',
    rules: DEFAULT_SITE_RULES,
    expected: { source: 'selectors', text: 'Test drive on Friday', matched: 1 },
  },
  {
    name: 'Zoho CRM default: the Notes related list',
    html: '<div data-zcqa="notesContent">Prefers e-mail</div><div data-zcqa="notesContent">Has a trade-in</div>',
    hostname: 'crm.zoho.eu',
    rules: DEFAULT_SITE_RULES,
    expected: { source: 'selectors', text: 'Prefers e-mail\n\nHas a trade-in', matched: 2 },
  },
];

describe('readPageText', () => {
  test.each(cases)('$name', ({ html, setup, want = 'notes', hostname = 'crm.example.com', rules = own, expected }) => {
    document.body.innerHTML = html;
    setup?.();
    const read = readPageText(document, { want, rules, hostname });
    expect(PageTextSchema.parse(read)).toEqual(read);
    expect({ source: read.source, text: read.text, matched: read.matched }).toEqual({ matched: 0, ...expected });
  });

  test('cuts text longer than one observation may carry and says so', () => {
    document.body.innerHTML = `<div class="client-notes">${'a'.repeat(MAX_OBSERVATION_TEXT + 10)}</div>`;
    const read = readPageText(document, { want: 'notes', rules: own, hostname: 'crm.example.com' });
    expect(read.text).toHaveLength(MAX_OBSERVATION_TEXT);
    expect(read.truncated).toBe(true);
  });
});
