import { expect, test } from 'vitest';
import { fnv1a } from '../hash.ts';

// Published FNV-1a 32-bit test vectors (draft-eastlake-fnv), so the hash matches other implementations.
test.each([
  ['', 0x811c9dc5],
  ['a', 0xe40c292c],
  ['foobar', 0xbf9cf968],
])('fnv1a(%j) is the published value', (text, hash) => {
  expect(fnv1a(text)).toBe(hash);
});

test('hashes UTF-8 bytes, so non-ASCII text is stable across runtimes', () => {
  expect(fnv1a('thé')).not.toBe(fnv1a('the'));
  expect(fnv1a('thé')).toBe(fnv1a('th\u00e9'));
});
