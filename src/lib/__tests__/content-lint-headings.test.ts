/** Heading levels and the anchors that headings and ids give a page (content-lint/headings.ts). */
import { describe, expect, test } from 'vitest';
import { anchorsOf, checkHeadings } from '../content-lint/index.ts';
import { messages, page } from './content-lint-fixtures.ts';

describe('checkHeadings', () => {
  test.each([
    ['h2 then h3 passes', '## A\n\n### B\n\n## C\n\n### D\n\n#### E', []],
    ['going back up any number of levels passes', '## A\n\n### B\n\n#### C\n\n## D', []],
    ['an h1 fails', '# Title', ['5: heading "Title" is an h1; the page title is the only h1, so sections start at ##']],
    [
      'starting at h3 fails',
      '### Deep',
      ['5: heading "Deep" is the first heading but is an h3; the body must start at ## (h2)'],
    ],
    [
      'a skipped level fails',
      '## A\n\n#### B',
      ['7: heading "B" is an h4 right after an h2; levels must not skip (use ###)'],
    ],
    [
      'JSX headings count',
      '## A\n\n<h4 id="x">B</h4>',
      ['7: heading "B" is an h4 right after an h2; levels must not skip (use ###)'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkHeadings(page(body)))).toEqual(expected);
  });
});

describe('anchorsOf', () => {
  test('slugs headings like the site does, and adds explicit ids', () => {
    const anchors = anchorsOf(
      page('## What is an API?\n\n## Send `Idempotency-Key` headers\n\n## What is an API?\n\n<div id="custom" />'),
    );
    expect([...anchors].sort()).toEqual(
      ['_top', 'custom', 'send-idempotency-key-headers', 'what-is-an-api', 'what-is-an-api-1'].sort(),
    );
  });
});
