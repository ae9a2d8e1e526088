/**
 * The OpenAPI documents as their authors wrote them, for download at stable URLs. Each is served byte for byte in
 * the format it was written in, and converted for the other: `/openapi/<api>.yaml` and `/openapi/<api>.json`. The
 * list comes from `npm run generate` (mocks/generated/sources.json), so documents added with `OPENAPI_EXTRA` are
 * published like those in openapi/. Neither is the 3.1-upgraded copy the sandbox loads.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

export interface OpenapiSource {
  api: string;
  /** The document as written. */
  text: string;
  format: 'yaml' | 'json';
}

/** Read on every call: the dev server then serves a spec as it is now, not as it was at start-up. */
export function openapiSources(): OpenapiSource[] {
  return (JSON.parse(readFileSync('mocks/generated/sources.json', 'utf8')) as { api: string; file: string }[])
    .map(({ api, file }) => ({
      api,
      text: readFileSync(file, 'utf8'),
      format: /\.json$/i.test(file) ? ('json' as const) : ('yaml' as const),
    }))
    .sort((a, b) => a.api.localeCompare(b.api));
}

/** The document in the format asked for: as written when it was written so, converted otherwise. */
export function sourceAs(source: OpenapiSource, format: 'yaml' | 'json'): string {
  if (source.format === format) return source.text;
  return format === 'json' ? `${JSON.stringify(parse(source.text), null, 2)}\n` : stringify(JSON.parse(source.text));
}
