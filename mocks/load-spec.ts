import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { upgrade } from '@scalar/openapi-parser';
import { parseDocument } from 'yaml';
import type { OpenApiDocument } from './core/openapi.ts';

/** A spec that cannot be used, with the file and (for syntax errors) the line at fault. */
export class SpecError extends Error {}

/**
 * Read an OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1) and upgrade it to 3.1, the one version the
 * sandbox, the types and the reference pages read. Runs at build time and in Node, never in the browser.
 */
export function loadSpec(file: string): OpenApiDocument {
  const text = readFileSync(file, 'utf8');
  const parsed = parseDocument(text, { uniqueKeys: true, merge: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    const line = first.linePos?.[0];
    throw new SpecError(`${file}${line ? `:${line.line}:${line.col}` : ''}: ${first.message.split('\n')[0]}`);
  }
  const raw = parsed.toJS({ maxAliasCount: -1 }) as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || (!('openapi' in raw) && !('swagger' in raw))) {
    throw new SpecError(`${file}: not an OpenAPI document (no "openapi" or "swagger" field at the top).`);
  }
  const { specification } = upgrade(raw);
  const document = specification as unknown as OpenApiDocument;
  if (!document.info?.title) throw new SpecError(`${file}: info.title is missing.`);
  return document;
}

/** The API name used in URLs, from the file name: `openapi/payments.yaml` is served at `/sandbox/payments/v1`. */
export function apiNameOf(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}
