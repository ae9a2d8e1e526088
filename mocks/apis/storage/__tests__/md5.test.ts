import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { md5Hex } from '../md5.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('md5Hex', () => {
  // RFC 1321, appendix A.5, and the two objects the spec's examples show.
  test.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
    ['Hello from Engine Room!\n', '96d9cc0506e87a473d67698517837f1c'],
    ['{"theme":"dark","language":"en-US"}', '2c7dd6e5b1b71fdfdb675ec6a24be84e'],
  ])('md5(%j) is %s', (input, expected) => {
    expect(md5Hex(text(input))).toBe(expected);
  });

  test('agrees with Node for every length around the 64-byte block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(md5Hex(bytes), `length ${length}`).toBe(createHash('md5').update(bytes).digest('hex'));
    }
  });

  test('agrees with Node for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(md5Hex(bytes)).toBe(createHash('md5').update(bytes).digest('hex'));
      }),
    );
  });
});
