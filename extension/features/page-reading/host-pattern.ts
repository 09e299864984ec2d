/**
 * Whether a hostname pattern covers a hostname: `crm.example.com` only itself, `*.example.com` the domain
 * and every subdomain of it. Both are lower-cased by the schemas before they get here.
 */
export function hostMatches(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (!pattern.startsWith('*.')) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

/** The match patterns a host permission request needs for a hostname pattern (both schemes). */
export function originsForHostPattern(pattern: string): string[] {
  return [`https://${pattern}/*`, `http://${pattern}/*`];
}
