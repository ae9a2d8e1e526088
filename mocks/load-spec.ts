import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { upgrade } from '@scalar/openapi-parser';
import { parseDocument } from 'yaml';
import { escapePointer, HTTP_METHODS, resolvePointer, type OpenApiDocument } from './core/openapi.ts';

/** A spec that cannot be used, with the file and (for syntax errors) the line at fault. */
export class SpecError extends Error {}

/** Something wrong in a spec that the site and the sandbox work around: reported once, never fatal. */
export interface SpecWarning {
  file: string;
  /** JSON pointer of the first place at fault (`#/paths/~1pets/get/operationId`). */
  pointer: string;
  message: string;
}

export const formatWarning = (warning: SpecWarning) => `${warning.file}${warning.pointer}: ${warning.message}`;

/**
 * Read an OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1) and upgrade it to 3.1, the one version the
 * sandbox, the types and the reference pages read. Runs at build time and in Node, never in the browser.
 */
export function loadSpec(file: string): OpenApiDocument {
  return readSpec(file).document;
}

/** Like `loadSpec`, with the defects that real vendor documents carry, each as one warning naming a JSON pointer. */
export function readSpec(file: string): { document: OpenApiDocument; warnings: SpecWarning[] } {
  const raw = parse(file, readFileSync(file, 'utf8'));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (!('openapi' in raw) && !('swagger' in raw))) {
    throw new SpecError(`${file}: not an OpenAPI document (no "openapi" or "swagger" field at the top).`);
  }
  let document: OpenApiDocument;
  try {
    document = upgrade(raw).specification as unknown as OpenApiDocument;
  } catch (error) {
    throw new SpecError(`${file}: cannot be upgraded to OpenAPI 3.1 (${firstLine(error)}).`);
  }
  if (!document.info?.title) throw new SpecError(`${file}#/info/title: the document has no title (info.title).`);
  return { document, warnings: [...operationIdWarnings(file, document), ...danglingRefWarnings(file, document)] };
}

/** JSON is parsed natively (a 3 MB document in milliseconds); YAML, and JSON that fails, by `yaml` for the line. */
function parse(file: string, text: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch {
      // Fall through: the YAML parser reads JSON too and says where it breaks.
    }
  }
  const parsed = parseDocument(text, { uniqueKeys: true, merge: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    const line = first.linePos?.[0];
    // yaml repeats the place at the end of its message ("… at line 3, column 10:"); the prefix already says it.
    const message = firstLine(first).replace(/\s*at line \d+, column \d+:?$/, '');
    throw new SpecError(`${file}${line ? `:${line.line}:${line.col}` : ''}: ${message}.`);
  }
  return parsed.toJS({ maxAliasCount: -1 });
}

/** A JSON pointer token as it reads in a URI fragment (RFC 6901 §6): `/engage#import` → `~1engage%23import`. */
const token = (key: string) => escapePointer(key).replace(/[%#?\s"]/g, (character) => encodeURIComponent(character));

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** One warning per operationId used more than once, and one for all operations that have none. */
function operationIdWarnings(file: string, document: OpenApiDocument): SpecWarning[] {
  const pointers = new Map<string, string[]>();
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const pointer = `#/paths/${token(path)}/${method}`;
      if (typeof operation.operationId !== 'string' || operation.operationId === '') missing.push(pointer);
      else pointers.set(operation.operationId, [...(pointers.get(operation.operationId) ?? []), pointer]);
    }
  }
  const warnings: SpecWarning[] = [...pointers]
    .filter(([, at]) => at.length > 1)
    .map(([id, at]) => ({
      file,
      pointer: `${at[1]}/operationId`,
      message: `operationId "${id}" is used by ${at.length} operations (also ${at
        .filter((_, index) => index !== 1)
        .join(', ')}); each later one gets a numbered id and page (${id}-2, …).`,
    }));
  if (missing.length > 0)
    warnings.push({
      file,
      pointer: missing[0]!,
      message: `${missing.length === 1 ? 'this operation has no operationId' : `${missing.length} operations have no operationId (this is the first)`}; their ids and pages are named from method and path.`,
    });
  return warnings;
}

/** Every local `$ref` whose target does not exist, once per target (with how often it is used). */
function danglingRefWarnings(file: string, document: OpenApiDocument): SpecWarning[] {
  const found = new Map<string, { pointer: string; count: number }>();
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, index) => visit(child, `${pointer}/${index}`));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !resolves(document, value)) {
        const entry = found.get(value);
        if (entry) entry.count++;
        else found.set(value, { pointer: `${pointer}/$ref`, count: 1 });
      } else if (key !== 'example' && key !== 'examples') visit(value, `${pointer}/${token(key)}`);
    }
  };
  visit(document, '#');
  return [...found].map(([ref, { pointer, count }]) => ({
    file,
    pointer,
    message: `$ref "${ref}" points to nothing in this document${count > 1 ? ` (used ${count} times)` : ''}; it is shown as a type this document does not define, and the sandbox accepts any value there.`,
  }));
}

/** Whether a `$ref` points to something in the document (only local references can). */
export function resolves(document: unknown, ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  try {
    return resolvePointer(document, ref) !== undefined;
  } catch {
    return false;
  }
}

/** The API name used in URLs, from the file name: `openapi/payments.yaml` is served under `/sandbox/payments`. */
export function apiNameOf(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}
