/** Several schemas read as one, with the constraints of them all: how the sampler takes `allOf` and a `oneOf` branch. */
import { schemaAt, type OpenApiDocument, type Schema, type SchemaObject } from './openapi.ts';

/**
 * One schema with the constraints of all of `schemas` and their `allOf` parts: properties united (a property in two
 * parts must meet both), `required` united, types intersected. Used to sample `allOf`, and a `oneOf` branch together
 * with the keywords beside the `oneOf`.
 */
export function mergeSchemas(
  document: OpenApiDocument,
  schemas: Schema[],
  refs: string[],
): { schema: SchemaObject; refs: string[] } {
  const parts: SchemaObject[] = [];
  const seen = [...refs];
  const collect = (schema: Schema | undefined, depth: number) => {
    if (schema === undefined || schema === true || depth > 16) return;
    if (schema === false) {
      parts.push({ not: {} });
      return;
    }
    if (typeof schema.$ref === 'string') {
      const { $ref, ...siblings } = schema;
      if (!seen.includes($ref)) {
        seen.push($ref);
        collect(schemaAt(document, $ref), depth + 1);
      }
      collect(siblings, depth + 1);
      return;
    }
    const { allOf, ...own } = schema;
    parts.push(own);
    for (const part of allOf ?? []) collect(part, depth + 1);
  };
  for (const schema of schemas) collect(schema, 0);

  const merged: SchemaObject = {};
  const properties: Record<string, Schema[]> = {};
  const required = new Set<string>();
  let closedTo: Set<string> | undefined;
  for (const part of parts) {
    for (const [keyword, value] of Object.entries(part)) {
      if (keyword === 'properties') {
        for (const [name, property] of Object.entries(value as Record<string, Schema>))
          (properties[name] ??= []).push(property);
      } else if (keyword === 'required') {
        for (const name of value as string[]) required.add(name);
      } else if (keyword === 'type') {
        merged.type = merged.type === undefined ? (value as string | string[]) : intersectTypes(merged.type, value);
      } else if (keyword === 'items' && merged.items !== undefined && !Array.isArray(value)) {
        merged.items = { allOf: [merged.items, value as Schema] };
      } else if (keyword === 'additionalProperties' && value === false) {
        const names = new Set(Object.keys(part.properties ?? {}));
        closedTo = closedTo ? new Set([...closedTo].filter((name) => names.has(name))) : names;
        merged.additionalProperties = false;
      } else if (merged[keyword] === undefined && keyword !== 'example' && keyword !== 'examples') {
        merged[keyword] = value;
      }
    }
  }
  const names = Object.keys(properties).filter((name) => !closedTo || closedTo.has(name) || required.has(name));
  if (names.length > 0) {
    merged.properties = Object.fromEntries(
      names.map((name) => {
        const list = properties[name]!;
        return [name, list.length === 1 ? list[0]! : { allOf: list }];
      }),
    );
  }
  if (required.size > 0) merged.required = [...required];
  return { schema: merged, refs: seen };
}

function intersectTypes(a: unknown, b: unknown): string | string[] {
  const left = Array.isArray(a) ? (a as string[]) : [a as string];
  const right = Array.isArray(b) ? (b as string[]) : [b as string];
  const both = left.filter((type) => right.includes(type) || (type === 'integer' && right.includes('number')));
  const extra = right.filter((type) => type === 'integer' && left.includes('number'));
  const types = [...new Set([...both, ...extra])];
  if (types.length === 0) return a as string | string[];
  return types.length === 1 ? types[0]! : types;
}
