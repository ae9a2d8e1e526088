import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { upgrade } from '@scalar/openapi-parser';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { fragmentToken, HTTP_METHODS, schemaAt, type OpenApiDocument } from './core/openapi.ts';
import { applyPatches, ExternalRefError, externalRefPatches, type RefPatch } from './external-refs.ts';

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
 * Read an OpenAPI document (YAML or JSON; Swagger 2.0, OpenAPI 3.0 or 3.1), bundle what it references in other files
 * (openapi/shared/components.yaml) into it, and upgrade it to 3.1, the one version the sandbox, the types and the
 * reference pages read. Runs at build time and in Node, never in the browser.
 */
export function loadSpec(file: string): OpenApiDocument {
  return readSpec(file).document;
}

/**
 * Like `loadSpec`, with the defects that real vendor documents carry, each as one warning naming a JSON pointer, and
 * the other files it took parts from (`bundled`, such as openapi/shared/components.yaml), so that the reference can
 * date the document by the files it is made of.
 */
export function readSpec(file: string): { document: OpenApiDocument; warnings: SpecWarning[]; bundled: string[] } {
  const raw = parse(file, readFileSync(file, 'utf8'));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (!('openapi' in raw) && !('swagger' in raw))) {
    throw new SpecError(`${file}: not an OpenAPI document (no "openapi" or "swagger" field at the top).`);
  }
  const bundled: string[] = [];
  applyPatches(raw, bundlePatches(file, raw, bundled));
  let document: OpenApiDocument;
  // The upgrade changes the object it is given, `swagger` key included.
  const swagger2 = 'swagger' in raw;
  try {
    if (swagger2) markTabSeparated(raw);
    document = upgrade(raw).specification as unknown as OpenApiDocument;
  } catch (error) {
    throw new SpecError(`${file}: cannot be upgraded to OpenAPI 3.1 (${firstLine(error)}).`);
  }
  if (swagger2) tabSeparatedFormFields(document);
  if (!document.info?.title) throw new SpecError(`${file}#/info/title: the document has no title (info.title).`);
  const warnings = [...operationIdWarnings(file, document), ...danglingRefWarnings(file, document)];
  return { document, warnings, bundled };
}

/**
 * The document as its author wrote it, for download (`/openapi/<api>.yaml`), made self-contained: byte for byte when
 * it references no other file, and otherwise with the referenced parts put in, in the file's own format. YAML keeps
 * its comments and layout (long folded lines may wrap differently). Not upgraded: a 3.0 document stays 3.0.
 */
export function readSpecSource(file: string): { text: string; format: 'yaml' | 'json' } {
  const text = readFileSync(file, 'utf8');
  if (/\.json$/i.test(file)) {
    const raw = parse(file, text);
    const patches = bundlePatches(file, raw);
    if (patches.length === 0) return { text, format: 'json' };
    applyPatches(raw, patches);
    return { text: `${JSON.stringify(raw, null, 2)}\n`, format: 'json' };
  }
  // Parsed once (YAML parsing is most of the time this takes): read as an object, then patched as written.
  const document = parseYaml(file, text);
  const patches = bundlePatches(file, document.toJS({ maxAliasCount: -1 }));
  if (patches.length === 0) return { text, format: 'yaml' };
  for (const patch of patches) setInYaml(file, document, patch);
  return { text: document.toString({ lineWidth: 120 }), format: 'yaml' };
}

/**
 * What makes the document self-contained (see external-refs.ts), with other files read like the document; `read`
 * collects their paths.
 */
function bundlePatches(file: string, raw: unknown, read: string[] = []): RefPatch[] {
  try {
    return externalRefPatches(file, raw, (other) => {
      const parsed = parse(other, readFileSync(other, 'utf8'));
      read.push(other);
      return parsed;
    });
  } catch (error) {
    if (error instanceof ExternalRefError) throw new SpecError(error.message);
    throw error;
  }
}

/**
 * Swagger 2.0's `collectionFormat` becomes `style` and `explode` in the upgrade (`csv`, its default, is `form` with
 * `explode: false`; `ssv`, `pipes` and `multi` have styles of their own), except `tsv`, which OpenAPI 3 cannot say and
 * the upgrade drops. Such parameters keep it as `x-collectionFormat: tsv`, which the upgrade carries over to the
 * parameter (query, header) or to the schema property a `formData` parameter becomes.
 */
function markTabSeparated(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(markTabSeparated);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.in === 'string' && record.collectionFormat === 'tsv') record['x-collectionFormat'] = 'tsv';
  for (const [key, value] of Object.entries(record))
    if (key !== 'example' && key !== 'x-example') markTabSeparated(value);
}

/** A form field's serialisation belongs in its media type's `encoding`, where the sandbox reads `style` and `explode`. */
function tabSeparatedFormFields(document: OpenApiDocument): void {
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const content = (item?.[method]?.requestBody as { content?: Record<string, FormMedia> } | undefined)?.content;
      for (const [mediaType, media] of Object.entries(content ?? {})) {
        if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)$/.test(mediaType)) continue;
        for (const [name, property] of Object.entries(media.schema?.properties ?? {})) {
          if (property['x-collectionFormat'] !== 'tsv') continue;
          delete property['x-collectionFormat'];
          media.encoding = { ...media.encoding, [name]: { explode: false, 'x-collectionFormat': 'tsv' } };
        }
      }
    }
  }
}

type FormMedia = {
  schema?: { properties?: Record<string, Record<string, unknown>> };
  encoding?: Record<string, Record<string, unknown>>;
};

/** JSON is parsed natively (a 3 MB document in milliseconds); YAML, and JSON that fails, by `yaml` for the line. */
function parse(file: string, text: string): unknown {
  if (/\.json$/i.test(file)) {
    try {
      return JSON.parse(text);
    } catch {
      // Fall through: the YAML parser reads JSON too and says where it breaks.
    }
  }
  return parseYaml(file, text).toJS({ maxAliasCount: -1 });
}

function parseYaml(file: string, text: string): Document {
  const parsed = parseDocument(text, { uniqueKeys: true, merge: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    const line = first.linePos?.[0];
    // yaml repeats the place at the end of its message ("… at line 3, column 10:"); the prefix already says it.
    const message = firstLine(first).replace(/\s*at line \d+, column \d+:?$/, '');
    throw new SpecError(`${file}${line ? `:${line.line}:${line.col}` : ''}: ${message}.`);
  }
  return parsed;
}

/**
 * Put a patch's value into the YAML document, leaving the rest as written. Keys match by their text, since the
 * path comes from the parsed object: `400:` and `'400':` are both the key "400".
 */
function setInYaml(file: string, document: Document, { path, value }: RefPatch) {
  let node: unknown = document.contents;
  for (const [index, key] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document);
    const rest = path.slice(index + 1);
    if (isSeq(node)) {
      if (rest.length === 0) node.items[Number(key)] = document.createNode(value);
      else node = node.items[Number(key)];
      continue;
    }
    if (!isMap(node))
      throw new SpecError(
        `${file}#/${path.map((key) => fragmentToken(String(key))).join('/')}: not in the document it was read from`,
      );
    const pair = node.items.find((item) => String(isScalar(item.key) ? item.key.value : item.key) === key);
    if (pair && rest.length > 0) {
      node = pair.value;
      continue;
    }
    // The value, or the maps that lead to it when they are not there yet (a document without components.headers).
    const created = document.createNode(rest.reduceRight<unknown>((inner, name) => ({ [name]: inner }), value));
    if (pair) pair.value = created;
    else node.add(document.createPair(key, created));
    return;
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** One warning per operationId used more than once, and one for all operations that have none. */
function operationIdWarnings(file: string, document: OpenApiDocument): SpecWarning[] {
  const pointers = new Map<string, string[]>();
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const pointer = `#/paths/${fragmentToken(path)}/${method}`;
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
      } else if (key !== 'example' && key !== 'examples') visit(value, `${pointer}/${fragmentToken(key)}`);
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
export const resolves = (document: unknown, ref: string): boolean => schemaAt(document, ref) !== undefined;

/** The API name used in URLs, from the file name: `openapi/payments.yaml` is served under `/sandbox/payments`. */
export function apiNameOf(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}
