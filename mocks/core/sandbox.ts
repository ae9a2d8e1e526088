import { authenticate } from './auth.ts';
import type { ApiDefinition, HandlerContext, Principal } from './define-api.ts';
import { eventHandlers, exampleEvents, recordEvent } from './events.ts';
import { genericReply } from './generic-reply.ts';
import { idempotentRequest, remember, replayed } from './idempotency.ts';
import type { OpenApiDocument, Operation } from './openapi.ts';
import { memoryPersistence, type Persistence } from './persistence.ts';
import { ProblemError } from './problem.ts';
import { RateLimiter, DEFAULT_RATE_LIMIT } from './rate-limit.ts';
import { seedOf } from './realistic-values.ts';
import { problemAnswer, sandboxFailure, serialise, storedAnswer, webResponse, type Answer } from './replies.ts';
import { pickOperation, readRequest, type RequestInput } from './request-input.ts';
import { inferResources, type ResourceRole } from './rest-shape.ts';
import { resourceReply } from './resources.ts';
import { Router } from './router.ts';
import { sandboxLocation, type SandboxLocation } from './sandbox-location.ts';
import {
  StateStore,
  type ApiState,
  type SandboxEvent,
  type SharedState,
  type StoredReply,
  type WebhookDelivery,
} from './state.ts';
import { SpecValidator } from './validate.ts';
import { createWebhookSecret } from './webhooks.ts';

export interface SandboxOptions {
  /** Every API's OpenAPI 3.1 document, by the name used in URLs (`payments`). */
  specs: Record<string, OpenApiDocument>;
  /** Hand-written behaviour, by API name; operations without a handler get generic answers. */
  apis?: Record<string, ApiDefinition<unknown>>;
  /**
   * APIs registered by name but loaded on first use (their first request, or `load`): the browser fetches each
   * API's spec and handlers as chunks of their own, so a first request pays for the one API it calls.
   */
  lazyApis?: Record<string, () => Promise<LoadedApi>>;
  persistence?: Persistence;
  /** The clock and the id source, injectable so that tests are deterministic. */
  now?: () => Date;
  randomId?: (prefix: string) => string;
  /** The URL path the APIs are served under: `/sandbox/` in the browser, `/` for the local server. */
  mount?: string;
}

/** What a lazily registered API loads: its spec and, when someone wrote them, its handlers. */
export interface LoadedApi {
  document: OpenApiDocument;
  definition?: ApiDefinition<unknown> | undefined;
}

export interface Sandbox {
  readonly apis: string[];
  /** Answer a request under the mount, or return undefined for any other URL. */
  handle(request: Request): Promise<Response | undefined>;
  /** The same answer as `handle`, in plain parts: the local server writes them out without building a Response. */
  answer(request: Request): Promise<Answer | undefined>;
  /** Forget the state of one key (or all), and the rate-limit windows. */
  reset(sandboxKey?: string): void;
  state(sandboxKey: string, api: string): ApiState;
  /** Webhook deliveries as they happen, for the event inbox. Returns an unsubscribe function. */
  onDelivery(listener: (delivery: WebhookDelivery) => void): () => void;
  /** The engine of a loaded API; a lazily registered one must be loaded first (see `load`). */
  engine(api: string): Engine;
  /** Load an API's spec and handlers if they are not here yet (once, however many ask), and return its engine. */
  load(api: string): Promise<Engine>;
}

/**
 * The engine of a lazily registered API was asked for before it loaded: the one failure of `engine` a caller can
 * expect and wait out (with `load`), told apart from a spec the sandbox cannot serve.
 */
export class NotLoadedError extends Error {}

/** What the sandbox derives once from one spec. */
export interface Engine {
  document: OpenApiDocument;
  router: Router;
  validator: SpecValidator;
  /** Operations that act on a collection the spec's REST shape describes (see core/rest-shape.ts). */
  resources: Map<string, ResourceRole>;
  /** Where the API is served: its name and its first server's path (see core/sandbox-location.ts). */
  location: SandboxLocation;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const now = options.now ?? (() => new Date());
  const randomId = options.randomId ?? defaultRandomId;
  const mount = (options.mount ?? '/sandbox/').replace(/\/?$/, '/');
  // Copies, because lazily registered APIs are added to them as they load.
  const specs = { ...options.specs };
  const apis = { ...options.apis };
  const lazyApis = options.lazyApis ?? {};
  const names = [...new Set([...Object.keys(specs), ...Object.keys(lazyApis)])];
  const loading = new Map<string, Promise<Engine>>();
  const engines = new Map<string, Engine>();
  const limiter = new RateLimiter(now);
  const listeners = new Set<(delivery: WebhookDelivery) => void>();

  const store = new StateStore(options.persistence ?? memoryPersistence(), (api) => ({
    data: apis[api]?.seed({ now: now(), id: randomId }) ?? {},
    // Found once per API; the store saves the seed as JSON text at once, so each key gets its own copy.
    events: examples(api),
    deliveries: [],
    idempotency: {},
    webhookSecret: createWebhookSecret(crypto.getRandomValues(new Uint8Array(24))),
  }));

  const exampleLogs = new Map<string, SandboxEvent[]>();
  function examples(api: string): SandboxEvent[] {
    let found = exampleLogs.get(api);
    if (!found) exampleLogs.set(api, (found = exampleEvents(engine(api))));
    return found;
  }

  function engine(api: string) {
    let found = engines.get(api);
    if (!found) {
      const document = specs[api];
      if (!document) {
        if (api in lazyApis)
          throw new NotLoadedError(`The sandbox API "${api}" is not loaded yet: await sandbox.load("${api}") first.`);
        throw new Error(`No spec for the sandbox API "${api}"`);
      }
      const router = new Router(document);
      // Hand-written handlers keep priority: only the operations no one wrote become stateful generic ones.
      const written = new Set(Object.keys({ ...apis[api]?.handlers, ...eventHandlers }));
      const operations = router.operations.filter((operation) => !written.has(operation.id));
      found = {
        document,
        router,
        validator: new SpecValidator(document),
        resources: inferResources(document, operations),
        location: sandboxLocation(api, document),
      };
      engines.set(api, found);
    }
    return found;
  }

  function load(api: string): Promise<Engine> {
    const loader = lazyApis[api];
    if (api in specs || !loader) return Promise.resolve().then(() => engine(api));
    let found = loading.get(api);
    if (!found) {
      found = loader().then(({ document, definition }) => {
        specs[api] = document;
        if (definition) apis[api] = definition;
        return engine(api);
      });
      // A failed load (a chunk the network dropped) is not remembered: the next request tries again.
      found.catch(() => loading.delete(api));
      loading.set(api, found);
    }
    return found;
  }

  /**
   * A request goes through these stages, in this order: route (the API, its engine and the operation), authenticate,
   * rate-limit, validate the input, then, in one transaction on the key's state, idempotency, the handler and the
   * events it records; last, the reply is serialised. A stage refuses by throwing a ProblemError.
   */
  async function answer(request: Request): Promise<Answer | undefined> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(mount)) return undefined;
    const routed = await route(request, url);
    if (!('match' in routed)) return routed;
    const { api, found, match } = routed;
    const { document, validator } = found;

    let rateHeaders: Record<string, string> = {};
    let operation = match.operation;
    try {
      operation = await pickOperation(request, match.candidates, match.params, validator);
      const principal = authenticate(document, operation, request, store.shared(api), now());
      const limited = limit(api, document, principal);
      rateHeaders = limited.headers;
      if (limited.refused) throw limited.refused;
      const input = await readRequest(request, operation, match.params, validator);
      // Deliveries reach the event inbox only once the state that records them has committed: a handler that emits
      // and then refuses leaves nothing behind, in the inbox as in the state.
      let pending: WebhookDelivery[] = [];
      const reply = await store.transaction(principal.sandboxKey, api, (draft, shared) => {
        pending = [];
        return respond(api, operation, input, principal, draft, shared, request, pending);
      });
      for (const delivery of pending) queueMicrotask(() => announce(delivery));
      return storedAnswer(reply, rateHeaders);
    } catch (error) {
      const problem =
        error instanceof ProblemError
          ? (apis[api]?.refineProblem?.(operation.id, error) ?? error)
          : sandboxFailure(error);
      return problemAnswer(problem, url, rateHeaders, { validator, operation });
    }
  }

  async function handle(request: Request): Promise<Response | undefined> {
    const answered = await answer(request);
    return answered && webResponse(answered);
  }

  /** The API a URL names (loaded if need be), and its operation: or the 404 / 405 that says why there is none. */
  async function route(request: Request, url: URL) {
    const api = url.pathname.slice(mount.length).split('/')[0];
    if (!api || !names.includes(api)) {
      return problemAnswer(
        new ProblemError(404, `There is no sandbox API named "${api}". Try one of: ${names.join(', ')}.`),
        url,
      );
    }
    let found: Engine;
    try {
      found = await load(api);
    } catch (error) {
      // A spec the validator cannot index is a sandbox failure, answered like any other, not a dropped request.
      return problemAnswer(sandboxFailure(error), url);
    }
    const root = `${mount}${found.location.root}`;
    const under = url.pathname.slice(root.length);
    if (!url.pathname.startsWith(root) || (under !== '' && !under.startsWith('/'))) {
      return problemAnswer(
        new ProblemError(404, `The ${api} sandbox is served at ${root}, the path of its document’s first server.`),
        url,
      );
    }
    const match = found.router.match(request.method, under || '/');
    if (match.kind === 'not-found')
      return problemAnswer(new ProblemError(404, `The ${api} API has no path ${url.pathname}.`), url);
    if (match.kind === 'method-not-allowed') {
      return problemAnswer(
        new ProblemError(405, `${request.method} is not allowed here; use ${match.allowed.join(' or ')}.`, {
          headers: { allow: match.allowed.join(', ') },
        }),
        url,
      );
    }
    return { api, found, match };
  }

  /** Count the request against the key's window: the RateLimit headers every answer carries, and a 429 if over. */
  function limit(api: string, document: OpenApiDocument, principal: Principal) {
    const policy = document['x-sandbox']?.rateLimit ?? DEFAULT_RATE_LIMIT;
    const decision = limiter.take(`${principal.sandboxKey}:${api}`, policy);
    const refused = decision.allowed
      ? undefined
      : new ProblemError(
          429,
          `This key may make ${policy.limit} requests every ${policy.windowSeconds} s to the ${api} sandbox. Wait ${decision.headers['retry-after']} s and try again.`,
        );
    return { headers: decision.headers, refused };
  }

  /** Everything that may change state, run inside one transaction. */
  async function respond(
    api: string,
    operation: Operation,
    input: RequestInput,
    principal: Principal,
    draft: ApiState,
    shared: SharedState,
    request: Request,
    pending: WebhookDelivery[],
  ): Promise<StoredReply> {
    const idempotent = idempotentRequest(request, operation, input.rawBody);
    const replay = replayed(draft, idempotent);
    if (replay) return replay;
    const context: HandlerContext<unknown> = {
      input,
      data: draft.data,
      state: draft,
      principal,
      operation,
      now,
      id: randomId,
      emit: (type, object, at) =>
        recordEvent({ now, randomId, deliver: (delivery) => pending.push(delivery) }, api, draft, type, object, at),
      issueToken: (token, scopes, seconds, sandboxKey = principal.sandboxKey) => {
        const expires_at = new Date(now().getTime() + seconds * 1000).toISOString();
        shared.tokens[token] = { sandboxKey, scopes, expires_at };
      },
      shared,
    };
    const definition = apis[api];
    await definition?.before?.(context);
    const handler = definition?.handlers[operation.id] ?? eventHandlers[operation.id];
    const { validator, resources } = engine(api);
    const role = resources.get(operation.id);
    const reply = handler
      ? await handler(context)
      : role
        ? await resourceReply(context, role, validator, new URL(request.url))
        : genericReply(validator, operation, seedOf(principal.sandboxKey));
    const stored = serialise(reply, now());
    remember(draft, idempotent, stored, principal.sandboxKey);
    return stored;
  }

  const announce = (delivery: WebhookDelivery) => listeners.forEach((listener) => listener(delivery));

  return {
    apis: names,
    handle,
    answer,
    reset(sandboxKey) {
      store.reset(sandboxKey);
      limiter.reset();
    },
    state: (sandboxKey, api) => store.read(sandboxKey, api),
    onDelivery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    engine,
    load,
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Random bytes drawn a page at a time: a new key's seed asks for many ids, and each draw is a call into the system.
let pool = new Uint8Array(0);
let drawn = 0;
function defaultRandomId(prefix: string): string {
  if (drawn + 14 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    drawn = 0;
  }
  const bytes = pool.subarray(drawn, (drawn += 14));
  return prefix + Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
