/**
 * Where sandbox state lives between requests. The browser keeps it in localStorage, so it survives navigation and
 * reloads; Node tests and the local server keep it in memory.
 */
export interface Persistence {
  load(name: string): unknown;
  save(name: string, value: unknown): void;
  /** Forget every entry whose name starts with `prefix` (all of them when it is empty). */
  clear(prefix: string): void;
}

export function memoryPersistence(): Persistence {
  const entries = new Map<string, string>();
  return {
    load: (name) => {
      const text = entries.get(name);
      return text === undefined ? undefined : JSON.parse(text);
    },
    // Stored as text, like localStorage, so that tests catch state that does not survive serialisation.
    save: (name, value) => void entries.set(name, JSON.stringify(value)),
    clear: (prefix) => {
      for (const name of [...entries.keys()]) if (name.startsWith(prefix)) entries.delete(name);
    },
  };
}

/** localStorage, namespaced so that clearing the sandbox never touches the site's other settings. */
export function webStoragePersistence(storage: Storage, namespace = 'engine-room:sandbox:'): Persistence {
  return {
    load: (name) => {
      const text = storage.getItem(namespace + name);
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    },
    save: (name, value) => storage.setItem(namespace + name, JSON.stringify(value)),
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
