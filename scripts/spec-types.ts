/**
 * TypeScript types for one upgraded spec, from openapi-typescript. It refuses documents that real vendors publish
 * (a repeated operationId, a `$ref` to a schema that is not there, a `$ref` with a `%` that starts no escape), so it
 * reads a copy with those defects mended; the loader has already warned about the first two. Any other refusal
 * becomes a reason, never a stack trace.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { canonicalRef, HTTP_METHODS, type OpenApiDocument } from '../mocks/core/openapi.ts';
import { resolves } from '../mocks/load-spec.ts';

export type Types = { ok: true; text: string } | { ok: false; reason: string };

export async function typesFor(document: OpenApiDocument): Promise<Types> {
  try {
    const ast = await openapiTS(mended(document) as never, { alphabetize: false, exportType: false, silent: true });
    return { ok: true, text: astToString(ast) };
  } catch (error) {
    return { ok: false, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]! };
  }
}

function mended(document: OpenApiDocument): unknown {
  const copy = structuredClone(document);
  const used = new Set<string>();
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation?.operationId) continue;
      let id = operation.operationId;
      for (let n = 2; used.has(id); n++) id = `${operation.operationId}-${n}`;
      operation.operationId = id;
      used.add(id);
    }
  }
  const mend = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map(mend);
    const object = node as Record<string, unknown>;
    const ref = object['$ref'];
    if (typeof ref === 'string' && !resolves(copy, ref)) return {};
    // Its resolver decodes a pointer strictly: `#/components/schemas/Discount%2010%` would throw "URI malformed".
    // generate-sandbox already hands it canonical refs; this keeps typesFor safe on any document.
    if (typeof ref === 'string') object['$ref'] = canonicalRef(ref);
    for (const key of Object.keys(object)) object[key] = mend(object[key]);
    return object;
  };
  return mend(copy);
}
