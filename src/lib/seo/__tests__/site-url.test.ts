import { describe, expect, test } from 'vitest';
import { absoluteUrl, homeUrl } from '../site-url';

describe('absoluteUrl', () => {
  test.each([
    ['https://x.dev', '/', '/og/index.png', 'https://x.dev/og/index.png'],
    ['https://x.dev', '/docs', '/og/index.png', 'https://x.dev/docs/og/index.png'],
    ['https://x.dev', '/docs/', 'og/index.png', 'https://x.dev/docs/og/index.png'],
    ['https://x.dev', '/docs', '/docs/og/index.png', 'https://x.dev/docs/og/index.png'],
    [new URL('http://localhost:4321'), '/', '/reference/', 'http://localhost:4321/reference/'],
  ])('%s + %s + %s = %s', (site, base, path, expected) => {
    expect(absoluteUrl(site, base, path)).toBe(expected);
  });
});

describe('homeUrl', () => {
  test.each([
    ['https://x.dev', '/', 'https://x.dev/'],
    ['https://x.dev', '/docs', 'https://x.dev/docs/'],
    ['https://x.dev', '/docs/', 'https://x.dev/docs/'],
  ])('%s + %s = %s', (site, base, expected) => {
    expect(homeUrl(site, base)).toBe(expected);
  });
});
