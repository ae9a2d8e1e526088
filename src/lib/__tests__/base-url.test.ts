import { describe, expect, test } from 'vitest';
import { prefixBase } from '../base-url';
import { normaliseBase, normaliseSite } from '../site-config';

describe('prefixBase', () => {
  test.each([
    ['/guides/x/', '/docs', '/docs/guides/x/'],
    ['/guides/x/', '/docs/', '/docs/guides/x/'],
    ['/', '/docs', '/docs/'],
    ['/guides/x/', '/', '/guides/x/'],
    ['/docs/guides/x/', '/docs', '/docs/guides/x/'],
    ['/docs', '/docs', '/docs'],
    ['/docs#top', '/docs', '/docs#top'],
    ['/docsearch/', '/docs', '/docs/docsearch/'],
    ['guides/x/', '/docs', 'guides/x/'],
    ['#heading', '/docs', '#heading'],
    ['https://example.com/a', '/docs', 'https://example.com/a'],
    ['//cdn.example.com/a.js', '/docs', '//cdn.example.com/a.js'],
  ])('%s with base %s becomes %s', (url, base, expected) => {
    expect(prefixBase(url, base)).toBe(expected);
  });

  test('applying it twice changes nothing more', () => {
    expect(prefixBase(prefixBase('/a/', '/docs'), '/docs')).toBe('/docs/a/');
  });
});

describe('site configuration from the environment', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['docs', '/docs'],
    ['/docs/', '/docs'],
    ['//engine-room//', '/engine-room'],
    ['/a/b/', '/a/b'],
  ])('BASE_PATH=%s gives base %s', (raw, expected) => {
    expect(normaliseBase(raw)).toBe(expected);
  });

  test.each([
    [undefined, 'http://localhost:4321'],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org/ignored/path', 'https://example.org'],
  ])('SITE_URL=%s gives site %s', (raw, expected) => {
    expect(normaliseSite(raw)).toBe(expected);
  });

  test('a SITE_URL that is not a URL is rejected', () => {
    expect(() => normaliseSite('not a url')).toThrow();
  });
});
