/**
 * A stand-in for `tldts` in the browser build (aliased in astro.config.mjs; Node keeps the real one). MSW's cookie
 * jar (tough-cookie) asks tldts for a host's registrable domain, and tldts answers from the whole public suffix list:
 * 47 kB gzip, a third of what the first Send would load. The sandbox answers from request headers and never reads
 * MSW's jar, so the jar only needs a plausible answer: the last two labels of a name, and none for IP addresses and
 * single labels, as tldts gives. Hosts under a multi-label suffix (`co.uk`, `github.io`) get the suffix itself, which
 * at worst lets a mocked response set a cookie MSW's jar should have refused. See docs/decisions/0011.
 */
export function getDomain(host: string): string | null {
  const name = host.replace(/\.$/, '').toLowerCase();
  if (name.includes(':') || /^\d+(\.\d+){3}$/.test(name) || name.startsWith('[')) return null;
  const labels = name.split('.').filter(Boolean);
  return labels.length < 2 ? null : labels.slice(-2).join('.');
}
