import { fnv1a } from './hash.ts';
import { words } from './text.ts';

export const DIMENSIONS = 16;

/**
 * Feature hashing, as createEmbeddings describes it: each word adds ±1 to one of 16 numbers, both chosen by the word's
 * hash, and the vector is scaled to length 1. Texts that share words point the same way; a text without words stays
 * all zeros. The low 4 bits pick the number and bit 28 the sign: any bits would do, and these make the spec's own
 * examples rank sensibly ("green tea" is closer to both tea texts than to unrelated ones).
 */
export function embed(text: string): number[] {
  const vector = new Array<number>(DIMENSIONS).fill(0);
  for (const word of words(text)) {
    const hash = fnv1a(word);
    vector[hash % DIMENSIONS]! += (hash >>> 28) & 1 ? -1 : 1;
  }
  const length = Math.hypot(...vector);
  // `|| 0` turns -0 into 0, which JSON would print as 0 anyway but tests compare exactly.
  return vector.map((value) => (length === 0 ? 0 : Math.round((value / length) * 10_000) / 10_000 || 0));
}

/** Cosine similarity of two embeddings, which for unit vectors is their dot product. */
export const similarity = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, value, i) => sum + value * b[i]!, 0);
