import { describe, expect, test } from 'vitest';
import { concatenated, llmsTxt } from '../llms-txt';
import { absoluteUrl, twinPathOf, withoutBase } from '../twin-paths';

describe('twin paths', () => {
  test.each([
    ['/guides/webhooks/', '/guides/webhooks.md'],
    ['/reference/payments/', '/reference/payments.md'],
    ['/reference/payments/create-refund', '/reference/payments/create-refund.md'],
  ])('%s → %s', (page, twin) => {
    expect(twinPathOf(page)).toBe(twin);
  });

  test.each([
    ['/guides/x.md', 'https://a.test', '/', 'https://a.test/guides/x.md'],
    ['/guides/x.md', 'https://a.test', '/docs', 'https://a.test/docs/guides/x.md'],
    ['/rss.xml', new URL('https://a.test/'), '/docs/', 'https://a.test/docs/rss.xml'],
  ])('%s on %s under %s', (path, site, base, expected) => {
    expect(absoluteUrl(path, site, base)).toBe(expected);
  });

  test.each([
    ['/docs/guides/x/', '/docs', '/guides/x/'],
    ['/docs/guides/x/', '/docs/', '/guides/x/'],
    ['/guides/x/', '/', '/guides/x/'],
    ['/docs', '/docs', '/'],
  ])('%s without %s is %s', (pathname, base, expected) => {
    expect(withoutBase(pathname, base)).toBe(expected);
  });
});

describe('llmsTxt', () => {
  const text = llmsTxt({
    name: 'Site',
    summary: 'What it is,\n  in one line.',
    details: 'More words.',
    sections: [
      { heading: 'Guides', links: [{ title: 'A [draft]', url: 'https://a.test/a.md', description: 'About a.' }] },
      { heading: 'Empty', links: [] },
      { heading: 'Optional', links: [{ title: 'All', url: 'https://a.test/all.txt' }] },
    ],
  });

  test('follows the llmstxt.org layout: name, quoted summary, details, sections of links', () => {
    expect(text).toBe(
      [
        '# Site',
        '',
        '> What it is, in one line.',
        '',
        'More words.',
        '',
        '## Guides',
        '',
        '- [A draft](https://a.test/a.md): About a.',
        '',
        '## Optional',
        '',
        '- [All](https://a.test/all.txt)',
        '',
      ].join('\n'),
    );
  });

  test('concatenated documents stay whole, set apart by rules', () => {
    expect(concatenated(['# A\n\nx\n', '# B\n'])).toBe('# A\n\nx\n\n---\n\n# B\n');
  });
});
