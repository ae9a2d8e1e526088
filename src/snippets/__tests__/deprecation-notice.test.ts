import { describe, expect, test } from 'vitest';
import { deprecationNotice } from '../deprecation-notice.ts';

const notice = (headers: Record<string, string>) => deprecationNotice(new Headers(headers));

describe('deprecationNotice', () => {
  test('a response without the headers carries no notice', () => {
    expect(
      notice({ 'Content-Type': 'application/json', Link: '<https://api.example.com/v1/items?page=2>; rel="next"' }),
    ).toBeUndefined();
  });

  test('reads an RFC 9745 Deprecation date, an RFC 8594 Sunset date and their links', () => {
    expect(
      notice({
        Deprecation: '@1767225600',
        Sunset: 'Wed, 30 Jun 2027 23:59:59 GMT',
        Link: '<https://api.example.com/v2/items>; rel="successor-version", <https://developer.example.com/changes/v1>; rel="deprecation"; type="text/html", <https://developer.example.com/sunset>; rel=sunset',
      }),
    ).toEqual({
      deprecatedAt: new Date('2026-01-01T00:00:00Z'),
      sunsetAt: new Date('2027-06-30T23:59:59Z'),
      links: ['https://developer.example.com/changes/v1', 'https://developer.example.com/sunset'],
    });
  });

  test.each([
    ['true', undefined],
    ['Thu, 01 Jan 2026 00:00:00 GMT', new Date('2026-01-01T00:00:00Z')],
    ['someday', undefined],
  ])("accepts the earlier drafts' Deprecation form %s", (value, date) => {
    expect(notice({ Deprecation: value })).toEqual({ deprecatedAt: date, sunsetAt: undefined, links: [] });
  });

  test('a Sunset alone is a notice too', () => {
    expect(notice({ Sunset: 'Wed, 30 Jun 2027 23:59:59 GMT' })?.sunsetAt).toEqual(new Date('2027-06-30T23:59:59Z'));
  });

  test('finds a rel among several values, in any case', () => {
    expect(notice({ Link: '<https://x.example/why>; rel="Deprecation alternate"' })?.links).toEqual([
      'https://x.example/why',
    ]);
  });
});
