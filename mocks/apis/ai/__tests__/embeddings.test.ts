import { describe, expect, test } from 'vitest';
import { DIMENSIONS, embed, similarity } from '../embeddings.ts';

const norm = (vector: number[]) => Math.hypot(...vector);

describe('embed', () => {
  test.each([
    'green tea',
    'Customers who bought a kettle also bought tea',
    'Tea and kettles ship free',
    'a',
    'Crème brûlée 🍮 for 4',
  ])('%j is 16 numbers of length 1, rounded to 4 places', (text) => {
    const vector = embed(text);
    expect(vector).toHaveLength(DIMENSIONS);
    expect(norm(vector)).toBeCloseTo(1, 3);
    for (const value of vector) expect(Math.round(value * 10_000) / 10_000).toBe(value);
  });

  test.each(['', '!!!', '— … —'])('%j has no words, so it is all zeros', (text) => {
    expect(embed(text)).toEqual(new Array(DIMENSIONS).fill(0));
  });

  test('ignores case and punctuation, and is the same every time', () => {
    expect(embed('Green tea!')).toEqual(embed('green TEA'));
    expect(embed('green tea')).toEqual(embed('green tea'));
  });

  test('a word said twice weighs twice', () => {
    const once = embed('kettle');
    expect(similarity(embed('kettle kettle'), once)).toBeCloseTo(1, 3);
    expect(embed('kettle kettle tea')).not.toEqual(embed('kettle tea'));
  });

  test('texts that share words are closer than unrelated texts', () => {
    const query = embed('green tea');
    const teaTexts = ['Customers who bought a kettle also bought tea', 'Tea and kettles ship free'];
    const unrelated = ['The invoice is overdue', 'My order number is 1042.', 'Reset your password'];
    const nearest = Math.min(...teaTexts.map((text) => similarity(query, embed(text))));
    const farthest = Math.max(...unrelated.map((text) => similarity(query, embed(text))));
    expect(nearest).toBeGreaterThan(farthest);
    expect(similarity(embed('a cup of green tea'), query)).toBeGreaterThan(nearest);
  });
});
