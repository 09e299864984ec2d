import { describe, expect, test } from 'vitest';
import { hostMatches, originsForHostPattern } from './host-pattern';

describe('hostMatches', () => {
  test.each([
    ['crm.example.com', 'crm.example.com', true],
    ['crm.example.com', 'CRM.Example.com', true],
    ['crm.example.com', 'eu.crm.example.com', false],
    ['crm.example.com', 'example.com', false],
    ['*.pipedrive.com', 'pipedrive.com', true],
    ['*.pipedrive.com', 'acme.pipedrive.com', true],
    ['*.pipedrive.com', 'a.b.pipedrive.com', true],
    ['*.pipedrive.com', 'evilpipedrive.com', false],
    ['*.pipedrive.com', 'pipedrive.com.evil.net', false],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });

  test('origins for a permission request cover both schemes, any port', () => {
    expect(originsForHostPattern('*.pipedrive.com')).toEqual(['https://*.pipedrive.com/*', 'http://*.pipedrive.com/*']);
  });
});
