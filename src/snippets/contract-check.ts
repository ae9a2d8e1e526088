/**
 * contractOf: contract checks against an OpenAPI 3.1 document, for tests. Does a request body your code builds, or
 * an answer that a sandbox or test mode sends back, match what the document promises? Each check returns the
 * mismatches, so an empty list means your code and the provider agree, and anything else names the field where
 * they part.
 *
 * Schemas in OpenAPI 3.1 are JSON Schema 2020-12; @cfworker/json-schema checks them. Their `$ref`s point into
 * `components.schemas`, so every check runs on a root that holds those. A response or request body that is itself
 * a `$ref`, such as `#/components/responses/NotFound`, is followed first.
 */
import { Validator, type Schema } from '@cfworker/json-schema';

interface Described {
  $ref?: string;
  content?: Record<string, { schema?: Schema }>;
}

interface Operation {
  requestBody?: Described;
  responses?: Record<string, Described>;
}

/** The parts of an OpenAPI document the checks read. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, Schema | boolean>;
    responses?: Record<string, Described>;
    requestBodies?: Record<string, Described>;
  };
}

/** One mismatch: where in the value (a JSON pointer, empty for the value itself) and what is wrong there. */
export interface Mismatch {
  pointer: string;
  problem: string;
}

/** Keywords whose errors only repeat that something inside them failed; the errors inside say what. */
const WRAPPERS = new Set(['$ref', 'properties', 'items', 'prefixItems', 'allOf', 'additionalProperties']);

export function contractOf(document: OpenApiDocument) {
  const follow = (described: Described | undefined): Described | undefined => {
    const match = /^#\/components\/(responses|requestBodies)\/([^/]+)$/.exec(described?.$ref ?? '');
    if (!match) return described;
    return document.components?.[match[1] as 'responses' | 'requestBodies']?.[match[2]!];
  };

  const operation = (method: string, path: string): Operation => {
    const found = document.paths?.[path]?.[method.toLowerCase()];
    if (!found) throw new Error(`The document has no ${method.toUpperCase()} ${path}.`);
    return found as Operation;
  };

  const jsonSchema = (described: Described | undefined, what: string): Schema => {
    const content = Object.entries(follow(described)?.content ?? {});
    const media = content.find(([type]) => type === 'application/json' || type.endsWith('+json'))?.[1];
    if (!media?.schema) throw new Error(`The document gives no JSON schema for ${what}.`);
    return media.schema;
  };

  const check = (schema: Schema, value: unknown): Mismatch[] => {
    const root = { components: { schemas: document.components?.schemas ?? {} }, ...schema };
    const { errors } = new Validator(root, '2020-12', false).validate(value);
    return errors
      .filter((error) => !WRAPPERS.has(error.keyword))
      .map((error) => ({ pointer: error.instanceLocation.replace(/^#/, ''), problem: error.error }));
  };

  return {
    /** Mismatches between a request body and the schema the document gives for it. */
    request(method: string, path: string, body: unknown): Mismatch[] {
      const what = `the body of ${method.toUpperCase()} ${path}`;
      return check(jsonSchema(operation(method, path).requestBody, what), body);
    },

    /** Mismatches between an answer's body and what the document promises for its status. */
    response(method: string, path: string, status: number, body: unknown): Mismatch[] {
      const responses = operation(method, path).responses ?? {};
      const described = responses[String(status)] ?? responses['default'];
      const what = `a ${status} answer to ${method.toUpperCase()} ${path}`;
      if (!described) return [{ pointer: '', problem: `the document does not list ${what}` }];
      return check(jsonSchema(described, what), body);
    },
  };
}
