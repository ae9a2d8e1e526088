/**
 * Where sandbox state lives between requests, as JSON text. The browser keeps it in localStorage, so it survives
 * navigation and reloads; Node tests and the local server keep it in memory.
 */
export interface Persistence {
  load(name: string): string | undefined;
  save(name: string, text: string): void;
  /** Forget every entry whose name starts with `prefix` (all of them when it is empty). */
  clear(prefix: string): void;
}

export function memoryPersistence(): Persistence {
  const entries = new Map<string, string>();
  return {
    load: (name) => entries.get(name),
    save: (name, text) => void entries.set(name, text),
    clear: (prefix) => {
      for (const name of [...entries.keys()]) if (name.startsWith(prefix)) entries.delete(name);
    },
  };
}

/** Prefix of the sandbox's localStorage entries (src/browser/playground/sandbox-state.ts keeps a copy, on purpose). */
const NAMESPACE = 'engine-room:sandbox:';

/** localStorage, namespaced so that clearing the sandbox never touches the site's other settings. */
export function webStoragePersistence(storage: Storage, namespace = NAMESPACE): Persistence {
  return {
    load: (name) => storage.getItem(namespace + name) ?? undefined,
    save: (name, text) => storage.setItem(namespace + name, text),
    clear: (prefix) => {
      const doomed: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(namespace + prefix)) doomed.push(key);
      }
      doomed.forEach((key) => storage.removeItem(key));
    },
  };
}

/** What a cached persistence needs to hear of: another tab changed `name` (undefined: cleared everything). */
export type ExternalChanges = (listener: (name: string | undefined) => void) => void;

/**
 * Keep what `inner` holds in memory too, so a request reads its state without a synchronous localStorage call
 * (getItem blocks the page on the storage backend, and every request reads two entries). Writes still go straight
 * through, so nothing is lost if the tab closes. Another tab's writes reach this one only as `storage` events, which
 * `changes` relays: the entry is dropped and read afresh next time.
 */
export function cachedPersistence(inner: Persistence, changes: ExternalChanges): Persistence {
  const cache = new Map<string, string | undefined>();
  changes((name) => (name === undefined ? cache.clear() : cache.delete(name)));
  return {
    load: (name) => {
      if (cache.has(name)) return cache.get(name);
      const text = inner.load(name);
      cache.set(name, text);
      return text;
    },
    save: (name, text) => {
      inner.save(name, text);
      cache.set(name, text);
    },
    clear: (prefix) => {
      inner.clear(prefix);
      for (const name of [...cache.keys()]) if (name.startsWith(prefix)) cache.delete(name);
    },
  };
}

/** The `storage` events of `target` for entries under `namespace`, as names without it (undefined: storage cleared). */
export const storageEvents =
  (target: Pick<Window, 'addEventListener'>, storage: Storage, namespace = NAMESPACE): ExternalChanges =>
  (listener) => {
    target.addEventListener('storage', (event) => {
      if (event.storageArea !== storage) return;
      if (event.key === null) listener(undefined);
      else if (event.key.startsWith(namespace)) listener(event.key.slice(namespace.length));
    });
    // Clearing site data (DevTools, the browser's settings) fires no storage event. A reader who does it is away from
    // the page while they do, so forget everything when the page is shown again.
    target.addEventListener('visibilitychange', () => listener(undefined));
    target.addEventListener('pageshow', () => listener(undefined));
  };
