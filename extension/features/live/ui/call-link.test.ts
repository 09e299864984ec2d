import { expect, test } from 'vitest';
import { callLinkFor } from './call-link';

const id = '0192f1d2-7a3b-7c4d-8e5f-00000000000c';

test.each([
  ['web', 'http://x.test', { href: `#/calls/${id}`, newTab: false }],
  ['extension', 'http://127.0.0.1:8787/', { href: `http://127.0.0.1:8787/#/calls/${id}`, newTab: true }],
] as const)('on the %s platform the call opens at its route', (kind, apiUrl, link) => {
  expect(callLinkFor(kind, apiUrl)(id)).toEqual(link);
});
