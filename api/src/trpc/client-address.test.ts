import { describe, expect, test } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  test.each([
    ['no proxy: the peer, whatever the header says', '198.51.100.7', '203.0.113.1', 0, '198.51.100.7'],
    ['no proxy, no header', '198.51.100.7', undefined, 0, '198.51.100.7'],
    ['an IPv4 peer on a dual-stack socket', '::ffff:198.51.100.7', undefined, 0, '198.51.100.7'],
    ['an IPv6 peer', '2001:db8::1', undefined, 0, '2001:db8::1'],
    ['one proxy: the address it saw', '10.0.0.2', '203.0.113.1', 1, '203.0.113.1'],
    ['one proxy: what the client wrote on the left is ignored', '10.0.0.2', '1.2.3.4, 203.0.113.1', 1, '203.0.113.1'],
    ['two proxies', '10.0.0.2', '1.2.3.4, 203.0.113.1, 10.0.0.9', 2, '203.0.113.1'],
    ['two proxies, headers split over lines', '10.0.0.2', ['203.0.113.1', '10.0.0.9'], 2, '203.0.113.1'],
    ['a proxy that sent no header: the peer', '10.0.0.2', undefined, 1, '10.0.0.2'],
    ['more hops trusted than present: the leftmost', '10.0.0.2', '203.0.113.1', 5, '203.0.113.1'],
    ['no peer at all', undefined, undefined, 0, null],
  ] as const)('%s', (_case, peer, header, hops, expected) => {
    expect(clientAddress(peer, header as string | string[] | undefined, hops)).toBe(expected);
  });
});
