/**
 * The playground's request history, kept in localStorage so that it survives reloads. Newest first and capped, so
 * that a long session cannot fill the storage the sandbox itself needs.
 */
import type { PlaygroundRequest } from './request';

export interface HistoryEntry {
  id: string;
  /** When it was sent, as an ISO timestamp. */
  at: string;
  request: PlaygroundRequest;
  method: string;
  /** Under the sandbox's root, with the query: `/payments/v1/customers?limit=2`. */
  path: string;
  status: number;
  milliseconds: number;
}

export const HISTORY_KEY = 'engine-room:playground:history';
export const HISTORY_LIMIT = 50;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function readHistory(storage: Store): HistoryEntry[] {
  try {
    const parsed = JSON.parse(storage.getItem(HISTORY_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    // A hand-edited or truncated value should cost the reader their history, not the page.
    return [];
  }
}

export function addToHistory(storage: Store, entry: HistoryEntry): HistoryEntry[] {
  const entries = [entry, ...readHistory(storage).filter((existing) => existing.id !== entry.id)].slice(
    0,
    HISTORY_LIMIT,
  );
  storage.setItem(HISTORY_KEY, JSON.stringify(entries));
  return entries;
}

export function clearHistory(storage: Store): void {
  storage.removeItem(HISTORY_KEY);
}

function isEntry(value: unknown): value is HistoryEntry {
  const entry = value as Partial<HistoryEntry> | null;
  return (
    typeof entry?.id === 'string' &&
    typeof entry.at === 'string' &&
    typeof entry.status === 'number' &&
    typeof entry.request?.api === 'string' &&
    typeof entry.request.operation === 'string' &&
    typeof entry.request.key === 'string' &&
    typeof entry.request.values === 'object' &&
    entry.request.values !== null
  );
}
