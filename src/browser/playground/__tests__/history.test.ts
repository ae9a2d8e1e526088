import { describe, expect, test } from 'vitest';
import { addToHistory, clearHistory, HISTORY_KEY, HISTORY_LIMIT, readHistory, type HistoryEntry } from '../history';
import { memoryStorage } from './memory-storage';

const entry = (n: number): HistoryEntry => ({
  id: `h${n}`,
  at: new Date(Date.UTC(2026, 10, 25, 12, 0, n)).toISOString(),
  request: { api: 'payments', operation: 'listCustomers', key: 'sk_test_abcdefgh', values: {} },
  method: 'GET',
  path: '/customers',
  status: 200,
  milliseconds: 4,
});

describe('request history', () => {
  test('newest first, and kept in storage for the next visit', () => {
    const storage = memoryStorage();
    addToHistory(storage, entry(1));
    addToHistory(storage, entry(2));
    expect(readHistory(storage).map((e) => e.id)).toEqual(['h2', 'h1']);
  });

  test(`keeps the newest ${HISTORY_LIMIT} entries`, () => {
    const storage = memoryStorage();
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) addToHistory(storage, entry(n));
    const entries = readHistory(storage);
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]!.id).toBe(`h${HISTORY_LIMIT + 4}`);
  });

  test.each([
    ['nothing stored', null],
    ['text that is not JSON', '{oops'],
    ['JSON that is not a list', '{"id":"h1"}'],
  ])('%s reads as an empty history', (_case, stored) => {
    const storage = memoryStorage();
    if (stored !== null) storage.setItem(HISTORY_KEY, stored);
    expect(readHistory(storage)).toEqual([]);
  });

  test('drops malformed entries but keeps good ones, and clears', () => {
    const storage = memoryStorage();
    storage.setItem(HISTORY_KEY, JSON.stringify([entry(1), { id: 3 }, null]));
    expect(readHistory(storage).map((e) => e.id)).toEqual(['h1']);
    clearHistory(storage);
    expect(readHistory(storage)).toEqual([]);
  });
});
