/**
 * FNV-1a, 32-bit, over the UTF-8 bytes of a string. The sandbox's "models" are functions of a hash of their input, so
 * the hash must be identical in every browser and in Node: no Math.random, no platform hash.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
