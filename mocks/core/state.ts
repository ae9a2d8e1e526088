import type { Persistence } from './persistence.ts';

/** What the sandbox keeps for one key and one API. `data` belongs to the API's handlers; the rest to the core. */
export interface ApiState<Data = unknown> {
  data: Data;
  events: SandboxEvent[];
  deliveries: WebhookDelivery[];
  idempotency: Record<string, StoredReply>;
  webhookSecret: string;
  /** What the generic mocks keep, by collection (`/users/u_1/things`), newest first; added on first use. */
  resources?: Record<string, Record<string, unknown>[]>;
}

export interface SandboxEvent {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  data: { object: unknown };
}

/** A webhook as the sandbox would have sent it: the signed headers and the exact body that was signed. */
export interface WebhookDelivery {
  id: string;
  event: string;
  type: string;
  api: string;
  headers: Record<string, string>;
  body: string;
  created_at: string;
}

export interface StoredReply {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  created_at: string;
}

/** State of one API that spans keys: OAuth codes and tokens, which arrive without a sandbox key. */
export interface SharedState {
  tokens: Record<string, { sandboxKey: string; scopes: string[]; expires_at: string }>;
  [name: string]: unknown;
}

/**
 * Per-key, per-API state with all-or-nothing updates. Each change runs on a copy that is saved only when the handler
 * succeeds, so a rejected request leaves no trace; changes to one API run one at a time, so parallel requests never
 * overwrite each other's writes.
 */
export class StateStore {
  readonly #queues = new Map<string, Promise<unknown>>();

  readonly persistence: Persistence;
  readonly seed: (api: string, sandboxKey: string) => ApiState;

  constructor(persistence: Persistence, seed: (api: string, sandboxKey: string) => ApiState) {
    this.persistence = persistence;
    this.seed = seed;
  }

  /** Run `change` on a draft of the state and save the draft if `change` returns without throwing. */
  transaction<T>(
    sandboxKey: string,
    api: string,
    change: (draft: ApiState, shared: SharedState) => Promise<T> | T,
  ): Promise<T> {
    const previous = this.#queues.get(api) ?? Promise.resolve();
    const next = previous.then(async () => {
      const name = storageName(sandboxKey, api);
      const before = this.#text(name, () => this.seed(api, sandboxKey));
      const sharedBefore = this.#text(sharedName(api), () => ({ tokens: {} }));
      const draft = JSON.parse(before) as ApiState;
      const shared = JSON.parse(sharedBefore) as SharedState;
      const result = await change(draft, shared);
      // Reads change nothing, so most requests skip the write (and localStorage's cost).
      const after = JSON.stringify(draft);
      if (after !== before) this.persistence.save(name, after);
      const sharedAfter = JSON.stringify(shared);
      if (sharedAfter !== sharedBefore) this.persistence.save(sharedName(api), sharedAfter);
      return result;
    });
    // Keep the queue going after a failure; the caller still sees the error through `next`.
    this.#queues.set(
      api,
      next.catch(() => undefined),
    );
    return next;
  }

  shared(api: string): SharedState {
    return JSON.parse(this.#text(sharedName(api), () => ({ tokens: {} }))) as SharedState;
  }

  /** The current state, seeded (and saved, so that seeded ids and the webhook secret stay put) on first use. */
  read(sandboxKey: string, api: string): ApiState {
    return JSON.parse(this.#text(storageName(sandboxKey, api), () => this.seed(api, sandboxKey))) as ApiState;
  }

  #text(name: string, initial: () => unknown): string {
    const stored = this.persistence.load(name);
    if (stored !== undefined) return stored;
    const text = JSON.stringify(initial());
    this.persistence.save(name, text);
    return text;
  }

  /** Drop the state of one key (or of every key), so the next request starts from the seed again. */
  reset(sandboxKey?: string): void {
    this.persistence.clear(sandboxKey === undefined ? '' : `${sandboxKey}:`);
  }
}

const storageName = (sandboxKey: string, api: string) => `${sandboxKey}:${api}`;
// Sandbox keys start with sk_test_, so this name can never collide with a key's state.
const sharedName = (api: string) => `shared:${api}`;
