/**
 * The timing part's load order: interleaved, so that a burst of load from other jobs on the shared machine spreads
 * over every page instead of landing on one page's five runs.
 */
import { describe, expect, test } from 'vitest';
import { interleavedOrder } from '../run-order.ts';

const letters = (order: ReturnType<typeof interleavedOrder>) => order.map(({ target }) => 'ABCDE'[target]).join('');

describe('interleavedOrder', () => {
  test('loads every page once per setting and run, A B C D before any page comes back', () => {
    const order = interleavedOrder(4, 2);
    expect(letters(order)).toBe('ABCD' + 'ABCD' + 'BCDA' + 'BCDA');
    expect(order.slice(0, 4).every(({ setting }) => setting === 'normal')).toBe(true);
    expect(order.slice(4, 8).every(({ setting }) => setting === 'throttled')).toBe(true);
  });

  test('never loads the same page twice in a row', () => {
    const order = interleavedOrder(5, 5);
    for (let i = 1; i < order.length; i++) expect(order[i]!.target).not.toBe(order[i - 1]!.target);
  });

  test('gives each page each setting `runs` times', () => {
    const order = interleavedOrder(5, 5);
    expect(order).toHaveLength(5 * 5 * 2);
    for (let target = 0; target < 5; target++)
      for (const setting of ['normal', 'throttled'] as const)
        expect(order.filter((load) => load.target === target && load.setting === setting)).toHaveLength(5);
  });

  test('with as many runs as pages, every page opens a run once (no page always goes first)', () => {
    const order = interleavedOrder(5, 5);
    const firstOfEachRun = [0, 1, 2, 3, 4].map((run) => order.find((load) => load.run === run)!.target);
    expect(new Set(firstOfEachRun).size).toBe(5);
  });

  test('one page alone still gets all its runs', () => {
    expect(letters(interleavedOrder(1, 3))).toBe('AAAAAA');
  });
});
