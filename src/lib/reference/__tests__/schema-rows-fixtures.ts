import { expect } from 'vitest';
import type { OpenApiDocument, Schema, SchemaObject } from '../../../../mocks/core/openapi.ts';
import { schemaRows, type SchemaRow } from '../schema-rows';

/** A minimal OpenAPI 3.1 document holding only the named schemas, which the cases reference by `$ref`. */
export const documentWith = (schemas: Record<string, Schema> = {}): OpenApiDocument =>
  ({ openapi: '3.1.0', info: { title: 'Rows', version: '1' }, paths: {}, components: { schemas } }) as OpenApiDocument;
export const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
export const rowsOf = (schema: Schema, schemas: Record<string, Schema> = {}) =>
  schemaRows(documentWith(schemas), schema, 't');
export const byPath = (rows: SchemaRow[], path: string) => rows.find((row) => row.path === path && !row.variant);
export const expectUniqueAnchors = (rows: SchemaRow[]) =>
  expect(rows.map((row) => row.anchor)).toEqual([...new Set(rows.map((row) => row.anchor))]);

export const owner: Schema = { type: 'object', properties: { email: { type: 'string' } } };
