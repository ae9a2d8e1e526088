/**
 * Security headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages, and our own test
 * server). The Content-Security-Policy allows the site itself and nothing else, plus exactly what the site needs:
 * - inline scripts by hash (Starlight's theme script, Astro's small module scripts), never 'unsafe-inline';
 * - WebAssembly for Pagefind's search ('wasm-unsafe-eval', which does not allow `eval`);
 * - inline styles, because Scalar (explorer pages) and Expressive Code set styles at run time;
 * - `worker-src 'self'` for the sandbox's Service Worker, and `blob:` images/downloads Scalar creates.
 */
import { createHash } from 'node:crypto';

/** The text of every inline `<script>` that the browser runs (JSON-LD and other data blocks are not run). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/.test(attributes)) continue;
    const type = /\stype\s*=\s*"?([^"\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    if (match[2]) scripts.push(match[2]);
  }
  return scripts;
}

export const scriptHash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;

export function contentSecurityPolicy(scriptHashes: Iterable<string>): string {
  const hashes = [...new Set(scriptHashes)].sort();
  return [
    "default-src 'self'",
    // Pagefind's search runs as WebAssembly: 'wasm-unsafe-eval' lets a page compile Wasm, never evaluate strings.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every page gets, the policy included. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // No Cross-Origin-Opener-Policy: a reader arriving from a page without it would wait for a new renderer process
    // (decision 0021).
  };
}

/** A `_headers` file: one rule for everything under the base path. */
export function headersFile(base: string, headers: Record<string, string>): string {
  const root = base.replace(/\/?$/, '/');
  return `${root}*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}`)
    .join('\n')}\n`;
}

export type HeaderRules = { pattern: string; headers: [string, string][] }[];

/** Read a `_headers` file (path patterns with `*`, then indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers for one path: every matching rule's, in file order (as static hosts apply them). */
export function headersFor(rules: HeaderRules, pathname: string): [string, string][] {
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(pathname);
  return rules.filter((rule) => matches(rule.pattern)).flatMap((rule) => rule.headers);
}
