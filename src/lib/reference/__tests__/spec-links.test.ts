import { describe, expect, test } from 'vitest';
import type { OpenApiDocument } from '../../../../mocks/core/openapi.ts';
import { absoluteLinksIn, linkBaseOf, withAbsoluteLinks } from '../spec-links';

const BASE = 'https://platform.example.com/docs/';

describe('links in a vendor’s descriptions', () => {
  test.each<[string, string, string | undefined, string]>([
    [
      'a root-relative link points to the vendor’s site',
      'See [File](/docs/files).',
      BASE,
      'See [File](https://platform.example.com/docs/files).',
    ],
    [
      'a path-relative link too',
      'See [runs](runs#cancel).',
      BASE,
      'See [runs](https://platform.example.com/docs/runs#cancel).',
    ],
    ['a link title is kept', '[A](/a "The A")', BASE, '[A](https://platform.example.com/a "The A")'],
    ['without a base, a link becomes its words', 'See [File](/docs/files).', undefined, 'See File.'],
    ['without a base, a fragment link too', 'Read [below](#errors).', undefined, 'Read below.'],
    ['without a base, a relative image is dropped', 'Logo ![logo](/logo.png) here', undefined, 'Logo  here'],
    [
      'absolute links stay',
      'See [RFC](https://www.rfc-editor.org/rfc/rfc9110).',
      undefined,
      'See [RFC](https://www.rfc-editor.org/rfc/rfc9110).',
    ],
    [
      'mailto links stay',
      'Write to [us](mailto:api@example.com).',
      undefined,
      'Write to [us](mailto:api@example.com).',
    ],
    [
      'an HTML href is resolved',
      '<a href="/docs/x">x</a>',
      BASE,
      '<a href="https://platform.example.com/docs/x">x</a>',
    ],
    ['an HTML href without a base loses its target', '<a href="/docs/x">x</a>', undefined, '<a>x</a>'],
    ['text without links is returned as it is', 'Plain `code` text.', BASE, 'Plain `code` text.'],
  ])('%s', (_case, markdown, base, expected) => {
    expect(withAbsoluteLinks(markdown, base)).toBe(expected);
  });
});

test('the base is externalDocs, then the contact URL, then the terms of service; never a relative one', () => {
  const document = (extra: object) =>
    ({ openapi: '3.1.0', info: { title: 't', version: '1' }, ...extra }) as OpenApiDocument;
  expect(linkBaseOf(document({ externalDocs: { url: 'https://a.example/docs' } }))).toBe('https://a.example/docs');
  expect(linkBaseOf(document({ info: { title: 't', version: '1', contact: { url: 'https://b.example' } } }))).toBe(
    'https://b.example',
  );
  expect(linkBaseOf(document({ externalDocs: { url: '/docs' } }))).toBeUndefined();
});

test('every description and lead of a model is rewritten, shared objects once', () => {
  const shared = { description: '[x](/x)' };
  const model = { a: shared, b: [shared, { lead: '[y](y)', title: '[z](/z)' }] };
  absoluteLinksIn(model, 'https://v.example/');
  expect(model).toEqual({
    a: { description: '[x](https://v.example/x)' },
    b: [{ description: '[x](https://v.example/x)' }, { lead: '[y](https://v.example/y)', title: '[z](/z)' }],
  });
});
