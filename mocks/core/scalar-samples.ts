/** Sample strings and numbers for schemas without an example: formats, patterns, lengths and ranges honoured. */
import RandExp from 'randexp';
import type { SchemaObject } from './openapi.ts';

const FIXED_TIME = '2026-01-15T09:30:00Z';

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

export function sampleString(schema: SchemaObject, seed: number): string {
  let value: string;
  if (schema.format && FORMATS[schema.format]) value = FORMATS[schema.format]!;
  else if (schema.pattern) value = fromPattern(schema.pattern, seed);
  else value = 'sandbox';
  if (schema.pattern && schema.format && FORMATS[schema.format] && !matches(schema.pattern, value))
    value = fromPattern(schema.pattern, seed);
  if (schema.minLength !== undefined && value.length < schema.minLength) value = value.padEnd(schema.minLength, 'x');
  if (schema.maxLength !== undefined && value.length > schema.maxLength) value = value.slice(0, schema.maxLength);
  return value;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** A string that matches `pattern`, the same one for the same seed. */
export function fromPattern(pattern: string, seed: number): string {
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

export function sampleNumber(schema: SchemaObject, integer: boolean): number {
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
