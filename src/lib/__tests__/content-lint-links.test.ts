/** Links: what the site and its specs offer to link to (site.ts), and each link checked against it (links.ts). */
import { describe, expect, test } from 'vitest';
import { checkLinkTarget, indexSpec } from '../content-lint/index.ts';
import { page, site, spec } from './content-lint-fixtures.ts';

describe('indexSpec', () => {
  test('lists operations, their JSON request examples and their reference slugs', () => {
    const index = indexSpec('openapi/payments.yaml', spec);
    expect(Object.fromEntries(index.operations)).toEqual({
      createPaymentIntent: ['automatic', 'manual'],
      listPaymentIntents: [],
    });
    expect(index.slugs.get('createPaymentIntent')).toBe('create-payment-intent');
  });
});

describe('checkLinkTarget', () => {
  const here = page('## Local heading', 'guides/here.mdx');
  test.each([
    ['/', undefined],
    ['/guides/payments/', undefined],
    ['/guides/payments', undefined],
    ['/guides/payments/#card-payments', undefined],
    ['/guides/payments/#fees', undefined],
    ['/guides/payments/#_top', undefined],
    ['#local-heading', undefined],
    ['/favicon.svg', undefined],
    ['/reference/', undefined],
    ['/reference/payments/', undefined],
    ['/reference/payments/create-payment-intent/', undefined],
    ['/reference/payments/explorer/', undefined],
    ['/playground/#event-inbox', undefined],
    ['/playground/#operation=payments/createPaymentIntent', undefined],
    [
      '/playground/#operation=payments/chargeCard',
      'broken link to /playground/#operation=payments/chargeCard: openapi/payments.yaml has no operationId "chargeCard"',
    ],
    [
      '/playground/#operation=weather/getForecast',
      'broken link to /playground/#operation=weather/getForecast: there is no API "weather" (no openapi/weather.yaml)',
    ],
    [
      '/reference/weather/explorer/',
      'broken link to /reference/weather/explorer/: there is no API "weather" (no openapi/weather.yaml)',
    ],
    [
      '/guides/nope/',
      'broken link to /guides/nope/: there is no page /guides/nope/ (no src/content/docs/guides/nope.md or .mdx)',
    ],
    [
      '/guides/payments/#nope',
      'broken link to /guides/payments/#nope: guides/payments.mdx has no heading or id "nope"',
    ],
    ['#nope', 'link to #nope: this page has no heading or id "nope"'],
    ['/reference/weather/', 'broken link to /reference/weather/: there is no API "weather" (no openapi/weather.yaml)'],
    [
      '/reference/payments/refund/',
      'broken link to /reference/payments/refund/: openapi/payments.yaml has no operation whose reference slug is "refund"',
    ],
    [
      '/reference/payments/createPaymentIntent/',
      'broken link to /reference/payments/createPaymentIntent/: the reference page for createPaymentIntent is /reference/payments/create-payment-intent/ (its slug, not its operationId)',
    ],
    ['https://www.rfc-editor.org/rfc/rfc9110#name-if-match', undefined],
    ['http://stripe.com/docs', 'insecure link to http://stripe.com/docs; link to the https:// address'],
    ['//cdn.example.com/x.js', 'protocol-relative link to //cdn.example.com/x.js; write the full https:// address'],
    [
      'mailto:a@b.c',
      'link to mailto:a@b.c; links out go to web pages, with https:// addresses, not to mailto: addresses',
    ],
    ['payments/', 'relative link to payments/; write links to site pages from the root, such as /guides/<slug>/'],
  ])('%s', (url, expected) => {
    expect(checkLinkTarget(url, here, site)).toBe(expected);
  });
});
