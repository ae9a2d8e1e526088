import { describe, expect, test } from 'vitest';
import { ProblemError } from '../../../core/problem.ts';
import {
  checkDocumentSize,
  checkIfMatch,
  documentOrder,
  matchesWhere,
  mergePatch,
  type StoredDocument,
} from '../documents.ts';

const doc = (id: string, data: Record<string, unknown>, version = 1, created_at = '2026-11-25T10:00:00Z') =>
  ({
    object: 'document',
    id,
    collection: 'orders',
    data,
    version,
    created_at,
    updated_at: created_at,
  }) satisfies StoredDocument;

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, detail: error.message };
    throw error;
  }
  return undefined;
};

describe('mergePatch follows RFC 7396', () => {
  // Appendix A of RFC 7396, case for case.
  test.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j patched with %j is %j', (target, patch, expected) => {
    const before = structuredClone(target);
    expect(mergePatch(target, patch)).toEqual(expected);
    expect(target, 'the target is not changed in place').toEqual(before);
  });
});

describe('matchesWhere compares text with strings, and with the JSON text of numbers, booleans and null', () => {
  const order = doc('doc_a', {
    status: 'shipped',
    total: 4599,
    paid: true,
    note: null,
    items: [1],
    address: { city: 'SF' },
  });
  test.each([
    [{ status: 'shipped' }, true],
    [{ status: 'Shipped' }, false],
    [{ total: '4599' }, true],
    [{ total: '4599.0' }, false],
    [{ paid: 'true' }, true],
    [{ note: 'null' }, true],
    [{ missing: 'null' }, false],
    [{ items: '[1]' }, false],
    [{ address: '{"city":"SF"}' }, false],
    [{ status: 'shipped', total: '4599' }, true],
    [{ status: 'shipped', total: '1' }, false],
    [{}, true],
  ])('where %j → %s', (where, expected) => {
    expect(matchesWhere(order, where)).toBe(expected);
  });
});

describe('documentOrder', () => {
  const docs = [
    doc('doc_e', { total: 'abc' }, 1, '2026-11-25T10:00:05Z'),
    doc('doc_b', { total: 10 }, 1, '2026-11-25T10:00:00.500Z'),
    doc('doc_d', {}, 1, '2026-11-25T10:00:03Z'),
    doc('doc_a', { total: 200 }, 1, '2026-11-25T10:00:01Z'),
    doc('doc_f', { total: 10 }, 1, '2026-11-25T10:00:00Z'),
    doc('doc_c', { total: 'Abc' }, 1, '2026-11-25T10:00:02Z'),
    doc('doc_g', { total: null }, 1, '2026-11-25T10:00:04Z'),
  ];
  const ids = (orderBy?: string) => [...docs].sort(documentOrder(orderBy)).map((d) => d.id);

  test.each([
    [undefined, ['doc_f', 'doc_b', 'doc_a', 'doc_c', 'doc_d', 'doc_g', 'doc_e']],
    ['-created_at', ['doc_e', 'doc_g', 'doc_d', 'doc_c', 'doc_a', 'doc_b', 'doc_f']],
    // Numbers, then strings (by code unit: "Abc" before "abc"), then the rest by id; ties by id.
    ['data.total', ['doc_b', 'doc_f', 'doc_a', 'doc_c', 'doc_e', 'doc_d', 'doc_g']],
    // Descending applies inside numbers and strings; missing and null values stay last.
    ['-data.total', ['doc_a', 'doc_b', 'doc_f', 'doc_e', 'doc_c', 'doc_d', 'doc_g']],
  ])('order_by=%s', (orderBy, expected) => {
    expect(ids(orderBy)).toEqual(expected);
  });
});

describe('checkIfMatch', () => {
  const current = doc('doc_a', {}, 2);
  test.each([
    [undefined, undefined],
    ['"2"', undefined],
    ['*', undefined],
    ['"1", "2"', undefined],
    ['"1"', 412],
    ['W/"2"', 412],
    ['2', 412],
  ])('If-Match %s → %s', (ifMatch, status) => {
    expect(refusal(() => checkIfMatch(current, ifMatch))?.status).toBe(status);
  });

  test('the refusal says what was sent and what is current, and hints at missing quotes', () => {
    expect(refusal(() => checkIfMatch(current, '"1"'))?.detail).toBe(
      'If-Match was "1", but the document is now at version 2 (ETag "2"). Read it again, reapply your change and retry.',
    );
    expect(refusal(() => checkIfMatch(current, '2'))?.detail).toMatch(/ETags include their double quotes\.$/);
  });
});

describe('checkDocumentSize', () => {
  // {"x":"…"} is 8 bytes of JSON around the string.
  test.each([
    [65536 - 8, undefined],
    [65536 - 7, 413],
  ])('a document of %i characters of text → %s', (length, status) => {
    expect(refusal(() => checkDocumentSize({ x: 'a'.repeat(length) }))?.status).toBe(status);
  });

  test('multi-byte characters count as their UTF-8 bytes', () => {
    expect(refusal(() => checkDocumentSize({ x: 'é'.repeat(32768) }))).toEqual({
      status: 413,
      detail: 'The document is 65,544 bytes as JSON; documents may be at most 65,536 bytes (64 KiB).',
    });
  });
});
