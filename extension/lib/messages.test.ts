import { describe, expect, test } from 'vitest';
import {
  MAX_OBSERVATION_TEXT,
  PageTextSchema,
  PendingSelectionSchema,
  ReadPageRequestSchema,
  SelectionPendingMessageSchema,
  SiteRuleSchema,
  parseMessage,
} from './messages';

const selection = { id: 'a1', text: 'Klient pyta o leasing', origin: 'context-menu', at: 1_767_000_000_000 };

describe('message schemas', () => {
  test.each([
    ['a read request', ReadPageRequestSchema, { type: 'sufler/read-page', want: 'notes', rules: [] }, true],
    ['a read request for an unknown part', ReadPageRequestSchema, { type: 'sufler/read-page', want: 'all', rules: [] }, false],
    ['another message type', ReadPageRequestSchema, { type: 'sufler/page-text', want: 'notes', rules: [] }, false],
    ['page text', PageTextSchema, { type: 'sufler/page-text', source: 'editor', text: 'x', matched: 0, hostname: 'a.b', truncated: false }, true],
    ['page text longer than an observation', PageTextSchema, { type: 'sufler/page-text', source: 'editor', text: 'x'.repeat(MAX_OBSERVATION_TEXT + 1), matched: 0, hostname: 'a.b', truncated: false }, false],
    ['page text from an unknown source', PageTextSchema, { type: 'sufler/page-text', source: 'clipboard', text: 'x', matched: 0, hostname: 'a.b', truncated: false }, false],
    ['a pending selection', PendingSelectionSchema, selection, true],
    ['a blank pending selection', PendingSelectionSchema, { ...selection, text: '   ' }, false],
    ['a pending selection from elsewhere', PendingSelectionSchema, { ...selection, origin: 'popup' }, false],
    ['the pending message', SelectionPendingMessageSchema, { type: 'sufler/selection-pending', selection }, true],
    ['the pending message without its selection', SelectionPendingMessageSchema, { type: 'sufler/selection-pending' }, false],
    ['a site rule', SiteRuleSchema, { hostPattern: '*.Pipedrive.com ', selectors: ['.note'] }, true],
    ['a site rule with a URL for a host', SiteRuleSchema, { hostPattern: 'https://crm.example.com', selectors: ['.note'] }, false],
    ['a site rule with a wildcard in the middle', SiteRuleSchema, { hostPattern: 'crm.*.com', selectors: ['.note'] }, false],
    ['a site rule without selectors', SiteRuleSchema, { hostPattern: 'crm.example.com', selectors: [] }, false],
  ] as const)('%s', (_name, schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });

  test('a host pattern is trimmed and lower-cased', () => {
    expect(SiteRuleSchema.parse({ hostPattern: ' *.Pipedrive.COM ', selectors: [' .note '] })).toEqual({
      hostPattern: '*.pipedrive.com',
      selectors: ['.note'],
    });
  });

  test('parseMessage gives null for what is not the expected message', () => {
    expect(parseMessage(SelectionPendingMessageSchema, { type: 'sufler/selection-pending', selection })).toEqual({
      type: 'sufler/selection-pending',
      selection,
    });
    expect(parseMessage(SelectionPendingMessageSchema, 'sufler/selection-pending')).toBeNull();
    expect(parseMessage(SelectionPendingMessageSchema, undefined)).toBeNull();
  });
});
