import { describe, expect, it } from 'vitest';
import { cachedPersistence, storageEvents, webStoragePersistence } from '../persistence.ts';
import { StateStore, type ApiState } from '../state.ts';

/** A Storage that counts reads, shared by "tabs" the way localStorage is shared by an origin's tabs. */
function countingStorage() {
  const entries = new Map<string, string>();
  let reads = 0;
  const storage = {
    get length() {
      return entries.size;
    },
    key: (index: number) => [...entries.keys()][index] ?? null,
    getItem: (name: string) => (reads++, entries.get(name) ?? null),
    setItem: (name: string, value: string) => void entries.set(name, value),
    removeItem: (name: string) => void entries.delete(name),
    clear: () => entries.clear(),
  } as Storage;
  return { storage, reads: () => reads };
}

/** What the browser fires in every other tab of the origin after a write to `storageArea`. */
const storageEvent = (key: string | null, storageArea: Storage) =>
  Object.assign(new Event('storage'), { key, storageArea });

function tab(storage: Storage) {
  const window = new EventTarget();
  return { window, persistence: cachedPersistence(webStoragePersistence(storage), storageEvents(window, storage)) };
}

describe('cachedPersistence over localStorage', () => {
  it('reads an entry from storage once, then from memory', () => {
    const { storage, reads } = countingStorage();
    storage.setItem('engine-room:sandbox:sk_test_a:payments', '{"n":1}');
    const { persistence } = tab(storage);
    for (let i = 0; i < 5; i++) expect(persistence.load('sk_test_a:payments')).toBe('{"n":1}');
    expect(reads()).toBe(1);
  });

  it('remembers that an entry is missing, and what it saves', () => {
    const { storage, reads } = countingStorage();
    const { persistence } = tab(storage);
    expect(persistence.load('sk_test_a:payments')).toBeUndefined();
    expect(persistence.load('sk_test_a:payments')).toBeUndefined();
    persistence.save('sk_test_a:payments', '{"n":2}');
    expect(persistence.load('sk_test_a:payments')).toBe('{"n":2}');
    expect(storage.getItem('engine-room:sandbox:sk_test_a:payments')).toBe('{"n":2}');
    expect(reads()).toBe(2); // the first load, and this test's own getItem
  });

  it("sees another tab's write and another tab's clear", () => {
    const { storage } = countingStorage();
    const one = tab(storage);
    const other = tab(storage);
    one.persistence.save('sk_test_a:payments', '{"n":1}');
    expect(other.persistence.load('sk_test_a:payments')).toBe('{"n":1}');
    one.persistence.save('sk_test_a:payments', '{"n":2}');
    other.window.dispatchEvent(storageEvent('engine-room:sandbox:sk_test_a:payments', storage));
    expect(other.persistence.load('sk_test_a:payments')).toBe('{"n":2}');
    storage.clear();
    other.window.dispatchEvent(storageEvent(null, storage));
    expect(other.persistence.load('sk_test_a:payments')).toBeUndefined();
  });

  it("ignores sessionStorage's events and keys outside the sandbox", () => {
    const { storage, reads } = countingStorage();
    const { window, persistence } = tab(storage);
    persistence.load('sk_test_a:payments');
    window.dispatchEvent(storageEvent(null, countingStorage().storage));
    window.dispatchEvent(storageEvent('starlight-theme', storage));
    persistence.load('sk_test_a:payments');
    expect(reads()).toBe(1);
  });

  it('reads storage afresh when the page is shown again (site data cleared meanwhile fires no storage event)', () => {
    const { storage } = countingStorage();
    const { window, persistence } = tab(storage);
    persistence.save('sk_test_a:payments', '{"n":1}');
    storage.clear();
    window.dispatchEvent(new Event('visibilitychange'));
    expect(persistence.load('sk_test_a:payments')).toBeUndefined();
    persistence.save('sk_test_a:payments', '{"n":2}');
    storage.clear();
    window.dispatchEvent(new Event('pageshow'));
    expect(persistence.load('sk_test_a:payments')).toBeUndefined();
  });

  it('forgets what it cached when the sandbox is reset', () => {
    const { storage } = countingStorage();
    const { persistence } = tab(storage);
    persistence.save('sk_test_a:payments', '{}');
    persistence.save('sk_test_b:payments', '{}');
    persistence.clear('sk_test_a:');
    expect(persistence.load('sk_test_a:payments')).toBeUndefined();
    expect(persistence.load('sk_test_b:payments')).toBe('{}');
  });

  it('gives a transaction the state another tab committed (two tabs, one key)', async () => {
    const { storage } = countingStorage();
    const seed = (): ApiState => ({
      data: { count: 0 },
      events: [],
      deliveries: [],
      idempotency: {},
      webhookSecret: 'whsec',
    });
    const one = tab(storage);
    const other = tab(storage);
    const storeOne = new StateStore(one.persistence, seed);
    const storeOther = new StateStore(other.persistence, seed);
    const increment = (draft: ApiState) => void ((draft.data as { count: number }).count += 1);
    await storeOne.transaction('sk_test_a', 'payments', increment);
    other.window.dispatchEvent(storageEvent('engine-room:sandbox:sk_test_a:payments', storage));
    await storeOther.transaction('sk_test_a', 'payments', increment);
    one.window.dispatchEvent(storageEvent('engine-room:sandbox:sk_test_a:payments', storage));
    expect(storeOne.read('sk_test_a', 'payments').data).toEqual({ count: 2 });
  });
});
