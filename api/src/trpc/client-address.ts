/**
 * The address a request came from, the key of the per-address login throttle (issue 12).
 *
 * `trustedProxies` is how many reverse proxies stand in front of Sufler (SUFLER_TRUST_PROXY): with 0 the
 * socket's peer is the client and X-Forwarded-For is ignored (anyone could write it); with n, the n-th
 * address from the right of `X-Forwarded-For, peer` is taken, the one the outermost trusted proxy saw — as
 * Express's numeric `trust proxy` does. Entries further left were written by the client and are never used.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string | null {
  const forwarded = trustedProxies > 0 ? [forwardedFor ?? []].flat().join(',').split(',').map((a) => a.trim()).filter(Boolean) : [];
  const chain = [...forwarded, ...(peer ? [peer] : [])];
  const address = chain[Math.max(0, chain.length - 1 - trustedProxies)];
  return address ? unmapIpv4(address) : null;
}

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) is 192.0.2.1: one client, one key. */
const unmapIpv4 = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
