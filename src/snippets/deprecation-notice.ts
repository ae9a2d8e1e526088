/**
 * deprecationNotice: read the headers an API sends when the endpoint you called is going away, so your logs
 * say so months before it stops working.
 *
 * - `Deprecation` (RFC 9745): when the resource was or will be deprecated, as `@` and Unix seconds
 *   (`Deprecation: @1767225600`). Some APIs still send the forms of earlier drafts, `true` or an HTTP date.
 * - `Sunset` (RFC 8594): the HTTP date after which it may stop answering (`Sunset: Wed, 30 Jun 2027 23:59:59 GMT`).
 * - `Link` with `rel="deprecation"` or `rel="sunset"`: where the provider explains the change.
 */
export interface DeprecationNotice {
  /** When it was, or will be, deprecated; undefined when the API only says that it is (`Deprecation: true`). */
  deprecatedAt: Date | undefined;
  /** When it may stop working. */
  sunsetAt: Date | undefined;
  /** Pages about the change, from the Link header. */
  links: string[];
}

/** The notice in a response's headers, or undefined when the response carries none. */
export function deprecationNotice(headers: Headers): DeprecationNotice | undefined {
  const deprecation = headers.get('Deprecation')?.trim();
  const sunset = headers.get('Sunset')?.trim();
  const links = linksWithRel(headers.get('Link') ?? '', ['deprecation', 'sunset']);
  if (!deprecation && !sunset && links.length === 0) return undefined;
  return {
    deprecatedAt: deprecation ? parseDeprecation(deprecation) : undefined,
    sunsetAt: sunset ? validDate(Date.parse(sunset)) : undefined,
    links,
  };
}

function parseDeprecation(value: string): Date | undefined {
  const seconds = /^@(-?\d+)$/.exec(value); // an RFC 8941 Date: @ and Unix seconds
  if (seconds) return new Date(Number(seconds[1]) * 1000);
  if (value === 'true') return undefined; // an earlier draft's form: deprecated, date unknown
  return validDate(Date.parse(value)); // another earlier form: an HTTP date
}

const validDate = (ms: number): Date | undefined => (Number.isNaN(ms) ? undefined : new Date(ms));

/** The targets of Link header entries (RFC 8288) whose rel includes one of `rels`. */
function linksWithRel(header: string, rels: string[]): string[] {
  const targets: string[] = [];
  for (const [, target, params = ''] of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const values = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (target && values.some((value) => rels.includes(value))) targets.push(target);
  }
  return targets;
}
