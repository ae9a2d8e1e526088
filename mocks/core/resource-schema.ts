/** Where a collection's resource schema is in a spec (unwrapped from envelopes, in lists) and which field is its id. */
import { successResponse } from './generic-reply.ts';
import {
  fragmentToken,
  deref,
  finalPointer,
  resolvePointer,
  type OpenApiDocument,
  type Operation,
  type SchemaObject,
} from './openapi.ts';

const STRICT_ID_NAMES = ['id', 'sid', 'uuid'];
const ID_NAMES = [...STRICT_ID_NAMES, 'key', 'name', 'slug', 'code'];

/** Names compared without case, `_` or `-`: Twilio sends `FriendlyName` for the field it returns as `friendly_name`. */
export const normaliseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Property names of an object schema at `pointer`, its `allOf` parts included, each with its own pointer. */
export function propertiesAt(document: OpenApiDocument, pointer: string, depth = 0): Map<string, string> {
  const found = new Map<string, string>();
  if (depth > 8) return found;
  const at = finalPointer(document, pointer);
  const schema = resolvePointer(document, at) as SchemaObject | undefined;
  if (!schema || typeof schema !== 'object') return found;
  for (const name of Object.keys(schema.properties ?? {})) found.set(name, `${at}/properties/${fragmentToken(name)}`);
  // `allOf` parts, and the branches of a `oneOf` or `anyOf` (Twilio answers `oneOf: [v1, v2]` of one resource).
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    (schema[keyword] ?? []).forEach((_, index) => {
      for (const [name, where] of propertiesAt(document, `${at}/${keyword}/${index}`, depth + 1))
        if (!found.has(name)) found.set(name, where);
    });
  }
  return found;
}

/** The schema of the resource an operation answers with, unwrapped from an envelope (`{ customer: {…} }`). */
export function resourceSchema(document: OpenApiDocument, operation: Operation, itemParam: string | undefined) {
  const response = successResponse(document, operation);
  if (!response?.schemaPointer) return undefined;
  const own = propertiesAt(document, response.schemaPointer);
  if (pickIdField(document, response.schemaPointer, itemParam, own, true)) return response.schemaPointer;
  // An envelope (`{ customer: {…}, errors: […] }`) is small; a resource that merely links others (an invite's
  // `inviter`) is not one, and an answer with a weaker id (`code`, `name`) is the resource itself.
  if (own.size > 4 || pickIdField(document, response.schemaPointer, itemParam, own)) return response.schemaPointer;
  for (const where of own.values()) {
    if (pickIdField(document, where, itemParam, undefined, true)) return finalPointer(document, where);
  }
  return response.schemaPointer;
}

export function listItemSchema(document: OpenApiDocument, operation: Operation | undefined): string | undefined {
  if (!operation) return undefined;
  const response = successResponse(document, operation);
  if (!response?.schemaPointer) return undefined;
  const schema = deref<SchemaObject>(document, { $ref: response.schemaPointer });
  if (schema?.items !== undefined) return `${finalPointer(document, response.schemaPointer)}/items`;
  for (const [name, where] of propertiesAt(document, response.schemaPointer)) {
    // An `errors` array beside a single object (`{ snippet, errors }`) does not make the answer a list.
    if (/^(errors|warnings)$/i.test(name)) continue;
    const property = deref<SchemaObject>(document, { $ref: where });
    if (property?.items !== undefined && !Array.isArray(property.items))
      return `${finalPointer(document, where)}/items`;
  }
  return undefined;
}

export function pickIdField(
  document: OpenApiDocument,
  schemaPointer: string | undefined,
  itemParam: string | undefined,
  own = schemaPointer ? propertiesAt(document, schemaPointer) : new Map<string, string>(),
  /** Only names that can mean nothing but an id: used to tell a resource from the envelope around it. */
  strict = false,
): string | undefined {
  const byNorm = new Map([...own.keys()].map((name) => [normaliseName(name), name]));
  for (const candidate of [...(itemParam ? [itemParam] : []), ...STRICT_ID_NAMES]) {
    const hit = byNorm.get(normaliseName(candidate));
    if (hit) return hit;
  }
  // `{exception_id}` names Discord's `event_exception_id`.
  const param = itemParam ? normaliseName(itemParam) : undefined;
  const suffixed = param && param.length > 3 ? [...byNorm].find(([name]) => name.endsWith(param))?.[1] : undefined;
  if (suffixed) return suffixed;
  if (strict) return undefined;
  for (const candidate of ID_NAMES) {
    const hit = byNorm.get(normaliseName(candidate));
    if (hit) return hit;
  }
  return undefined;
}
