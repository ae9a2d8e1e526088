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

/** localStorage, namespaced so that clearing the sandbox never touches the site's other settings. */
export function webStoragePersistence(storage: Storage, namespace = 'engine-room:sandbox:'): Persistence {
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
