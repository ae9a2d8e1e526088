/**
 * The OpenAPI documents as their authors wrote them, for download at stable URLs: `/openapi/<api>.yaml` and
 * `/openapi/<api>.json`, each in the format it was written in and converted for the other. A document is served byte
 * for byte, unless it references another file (openapi/shared/components.yaml): then with those parts bundled in, so
 * that every download is one self-contained document. The list comes from `npm run generate`
 * (mocks/generated/sources.json), so documents added with `OPENAPI_EXTRA` are published like those in openapi/.
 * Neither is the 3.1-upgraded copy the sandbox loads.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { readSpecSource } from '../../../mocks/load-spec.ts';

export interface OpenapiSource {
  api: string;
  /** The document as written, with what it references in other files bundled in. */
  text: string;
  format: 'yaml' | 'json';
}

/** Read on every call: the dev server then serves a spec as it is now, not as it was at start-up. */
export function openapiSources(): OpenapiSource[] {
  return (JSON.parse(readFileSync('mocks/generated/sources.json', 'utf8')) as { api: string; file: string }[])
    .map(({ api, file }) => ({ api, ...readSpecSource(file) }))
    .sort((a, b) => a.api.localeCompare(b.api));
}

/** The document in the format asked for: as written when it was written so, converted otherwise. */
export function sourceAs(source: OpenapiSource, format: 'yaml' | 'json'): string {
  if (source.format === format) return source.text;
  return format === 'json' ? `${JSON.stringify(parse(source.text), null, 2)}\n` : stringify(JSON.parse(source.text));
}
