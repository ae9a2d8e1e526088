import RandExp from 'randexp';
import { resolvePointer, type OpenApiDocument, type Schema, type SchemaObject } from './openapi.ts';

/** Deep enough for real payloads; deeper optional properties are left out, which also ends recursive schemas. */
const MAX_DEPTH = 8;
const FIXED_TIME = '2026-01-15T09:30:00Z';

/**
 * A value that is valid against `schema`, for specs that give no example. Deterministic (the same schema always gives
 * the same value), prefers the author's own examples, defaults and enums, and stops at circular references.
 */
export function sampleFromSchema(document: OpenApiDocument, schema: Schema | undefined): unknown {
  return sample(document, schema, { depth: 0, refs: [], seed: 1 });
}

interface State {
  depth: number;
  refs: string[];
  seed: number;
}

function sample(document: OpenApiDocument, schema: Schema | undefined, state: State): unknown {
  if (schema === undefined || schema === true) return {};
  if (schema === false) return undefined;
  if (schema.$ref) {
    // A schema already on the path is a cycle: expand it once more at most, then stop.
    if (state.refs.filter((ref) => ref === schema.$ref).length >= 1) return undefined;
    const target = resolvePointer(document, schema.$ref) as Schema | undefined;
    return sample(document, target, { ...state, refs: [...state.refs, schema.$ref] });
  }
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.allOf) return sampleAllOf(document, schema, state);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices) {
    for (const choice of choices) {
      const value = sample(document, choice, state);
      if (value !== undefined && value !== null) return value;
    }
    return null;
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [inferType(schema)];
  const type = types.find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return sampleObject(document, schema, state);
    case 'array': {
      const count = Math.max(schema.minItems ?? 1, 1);
      if (state.depth >= MAX_DEPTH) return [];
      const item = sample(document, schema.items ?? (schema.prefixItems?.[0] as Schema), {
        ...state,
        depth: state.depth + 1,
      });
      return item === undefined ? [] : Array.from({ length: count }, () => item);
    }
    case 'string':
      return sampleString(schema, state.seed);
    case 'integer':
    case 'number':
      return sampleNumber(schema, type === 'integer');
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function sampleObject(document: OpenApiDocument, schema: SchemaObject, state: State) {
  const object: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (state.depth >= MAX_DEPTH && !required.has(name)) continue;
    const value = sample(document, property, { ...state, depth: state.depth + 1, seed: state.seed + name.length });
    if (value !== undefined) object[name] = value;
  }
  // Maps (`additionalProperties: {…}`) with a minimum size need entries of their own.
  const minimum = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  for (let i = Object.keys(object).length; i < minimum; i++) {
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
    object[`key${i + 1}`] = sample(document, extra, { ...state, depth: state.depth + 1 });
  }
  return object;
}

function sampleAllOf(document: OpenApiDocument, schema: SchemaObject, state: State) {
  const parts = (schema.allOf ?? []).map((part) => sample(document, part, state));
  const { allOf: _allOf, ...rest } = schema;
  if (Object.keys(rest).some((key) => key === 'properties' || key === 'type'))
    parts.push(sample(document, rest, state));
  const objects = parts.filter(
    (part): part is Record<string, unknown> => typeof part === 'object' && part !== null && !Array.isArray(part),
  );
  return objects.length > 0 ? Object.assign({}, ...objects) : parts.find((part) => part !== undefined);
}

function inferType(schema: SchemaObject): string {
  if (schema.properties || schema.additionalProperties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.pattern || schema.format || schema.minLength !== undefined) return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return 'object';
}

const FORMATS: Record<string, string> = {
  'date-time': FIXED_TIME,
  date: FIXED_TIME.slice(0, 10),
  time: FIXED_TIME.slice(11),
  email: 'ada@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': '/example',
  uuid: '3f8c2a8e-6f4b-4a8e-9d5e-2b1c0a9f7e61',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'U2FuZGJveA==',
  binary: 'sandbox',
  password: 'correct-horse-battery',
  duration: 'PT1H',
};

function sampleString(schema: SchemaObject, seed: number): string {
  let value: string;
  if (schema.format && FORMATS[schema.format]) value = FORMATS[schema.format]!;
  else if (schema.pattern) value = fromPattern(schema.pattern, seed);
  else value = 'sandbox';
  if (schema.minLength !== undefined && value.length < schema.minLength) value = value.padEnd(schema.minLength, 'x');
  if (schema.maxLength !== undefined && value.length > schema.maxLength) value = value.slice(0, schema.maxLength);
  return value;
}

/** A string that matches `pattern`, the same one every time. */
function fromPattern(pattern: string, seed: number): string {
  try {
    const generator = new RandExp(pattern);
    let state = seed * 9301 + 49297;
    generator.randInt = (from, to) => {
      state = (state * 9301 + 49297) % 233280;
      return from + Math.floor((state / 233280) * (to - from + 1));
    };
    generator.max = 4;
    return generator.gen();
  } catch {
    return 'sandbox';
  }
}

function sampleNumber(schema: SchemaObject, integer: boolean): number {
  let low =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined);
  const high =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : undefined);
  low ??= high !== undefined ? Math.min(0, high) : 0;
  let value = high !== undefined && low > high ? high : low === 0 && high === undefined ? 1 : low;
  if (integer) value = Math.ceil(value);
  const step = schema.multipleOf as number | undefined;
  if (step) value = Math.ceil(value / step) * step;
  return value;
}
