import { authenticate, PUBLIC_KEY } from './auth.ts';
import type { ApiDefinition, HandlerContext, Principal, Reply } from './define-api.ts';
import { documentedError } from './documented-error.ts';
import { genericReply } from './generic-reply.ts';
import { deref, finalPointer, type OpenApiDocument, type Operation, type ResponseObject } from './openapi.ts';
import { paginate } from './pagination.ts';
import { memoryPersistence, type Persistence } from './persistence.ts';
import { ProblemError } from './problem.ts';
import { RateLimiter, DEFAULT_RATE_LIMIT } from './rate-limit.ts';
import { pickOperation, readRequest, type RequestInput } from './request-input.ts';
import { seedOf } from './realistic-values.ts';
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
import { fromBase64, toBase64 } from './bytes.ts';
import { SpecValidator } from './validate.ts';
import { createWebhookSecret, signWebhook } from './webhooks.ts';

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
    events: exampleEvents(engine(api)),
    deliveries: [],
    idempotency: {},
    webhookSecret: createWebhookSecret(crypto.getRandomValues(new Uint8Array(24))),
  }));

  function engine(api: string) {
    let found = engines.get(api);
    if (!found) {
      const document = specs[api];
      if (!document) {
        throw new Error(
          api in lazyApis
            ? `The sandbox API "${api}" is not loaded yet: await sandbox.load("${api}") first.`
            : `No spec for the sandbox API "${api}"`,
        );
      }
      const router = new Router(document);
      // Hand-written handlers keep priority: only the operations no one wrote become stateful generic ones.
      const written = new Set(Object.keys({ ...apis[api]?.handlers, ...coreHandlers }));
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

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(mount)) return undefined;
    const api = url.pathname.slice(mount.length).split('/')[0];
    if (!api || !names.includes(api)) {
      return problemResponse(
        new ProblemError(404, `There is no sandbox API named "${api}". Try one of: ${names.join(', ')}.`),
        url,
      );
    }
    let found: Engine;
    try {
      found = await load(api);
    } catch (error) {
      // A spec the validator cannot index is a sandbox failure, answered like any other, not a dropped request.
      return problemResponse(sandboxFailure(error), url);
    }
    const root = `${mount}${found.location.root}`;
    const under = url.pathname.slice(root.length);
    if (!url.pathname.startsWith(root) || (under !== '' && !under.startsWith('/'))) {
      return problemResponse(
        new ProblemError(404, `The ${api} sandbox is served at ${root}, the path of its document’s first server.`),
        url,
      );
    }
    const { document, router, validator } = found;
    const route = router.match(request.method, under || '/');
    if (route.kind === 'not-found')
      return problemResponse(new ProblemError(404, `The ${api} API has no path ${url.pathname}.`), url);
    if (route.kind === 'method-not-allowed') {
      return problemResponse(
        new ProblemError(405, `${request.method} is not allowed here; use ${route.allowed.join(' or ')}.`, {
          headers: { allow: route.allowed.join(', ') },
        }),
        url,
      );
    }

    let rateHeaders: Record<string, string> = {};
    let operation = route.operation;
    try {
      operation = await pickOperation(request, route.candidates, route.params, validator);
      const principal = authenticate(document, operation, request, store.shared(api), now());
      const policy = document['x-sandbox']?.rateLimit ?? DEFAULT_RATE_LIMIT;
      const decision = limiter.take(`${principal.sandboxKey}:${api}`, policy);
      rateHeaders = decision.headers;
      if (!decision.allowed) {
        throw new ProblemError(
          429,
          `This key may make ${policy.limit} requests every ${policy.windowSeconds} s to the ${api} sandbox. Wait ${decision.headers['retry-after']} s and try again.`,
        );
      }
      const input = await readRequest(request, operation, route.params, validator);
      const reply = await store.transaction(principal.sandboxKey, api, (draft, shared) =>
        respond(api, operation, input, principal, draft, shared, request),
      );
      return toResponse(reply, rateHeaders);
    } catch (error) {
      const problem =
        error instanceof ProblemError
          ? (apis[api]?.refineProblem?.(operation.id, error) ?? error)
          : sandboxFailure(error);
      return problemResponse(problem, url, rateHeaders, { validator, operation });
    }
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
  ): Promise<StoredReply> {
    const idempotencyKey = request.method === 'POST' ? request.headers.get('idempotency-key') : null;
    const fingerprint = `${request.method} ${new URL(request.url).pathname} ${input.rawBody}`;
    if (idempotencyKey) {
      const previous = draft.idempotency[`${operation.id}:${idempotencyKey}`];
      if (previous && previous.fingerprint !== fingerprint) {
        throw new ProblemError(
          409,
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
          {
            errors: [{ pointer: '/header/Idempotency-Key', detail: 'was used before with a different body' }],
          },
        );
      }
      if (previous) return { ...previous, headers: { ...previous.headers, 'idempotent-replayed': 'true' } };
    }
    const context: HandlerContext<unknown> = {
      input,
      data: draft.data,
      state: draft,
      principal,
      operation,
      now,
      id: randomId,
      emit: (type, object, at) => emit(api, draft, type, object, at),
      issueToken: (token, scopes, seconds, sandboxKey = principal.sandboxKey) => {
        const expires_at = new Date(now().getTime() + seconds * 1000).toISOString();
        shared.tokens[token] = { sandboxKey, scopes, expires_at };
      },
      shared,
    };
    const handler = apis[api]?.handlers[operation.id] ?? coreHandlers[operation.id];
    const { validator, resources } = engine(api);
    const role = resources.get(operation.id);
    const reply = handler
      ? await handler(context)
      : role
        ? await resourceReply(context, role, validator, new URL(request.url))
        : genericReply(validator, operation, seedOf(principal.sandboxKey));
    const stored = serialise(reply, now());
    stored.fingerprint = fingerprint;
    if (idempotencyKey && principal.sandboxKey !== PUBLIC_KEY)
      draft.idempotency[`${operation.id}:${idempotencyKey}`] = stored;
    return stored;
  }

  async function emit(api: string, draft: ApiState, type: string, object: unknown, at = now()): Promise<SandboxEvent> {
    const created_at = at.toISOString();
    const event: SandboxEvent = { id: randomId('evt_'), object: 'event', type, created_at, data: { object } };
    // Newest first, by when the change happened.
    const position = draft.events.findIndex((existing) => existing.created_at <= created_at);
    draft.events.splice(position < 0 ? draft.events.length : position, 0, event);
    const body = JSON.stringify(event);
    const delivery: WebhookDelivery = {
      id: randomId('whd_'),
      event: event.id,
      type,
      api,
      headers: { 'content-type': 'application/json', ...(await signWebhook(draft.webhookSecret, event.id, at, body)) },
      body,
      created_at,
    };
    draft.deliveries.unshift(delivery);
    queueMicrotask(() => listeners.forEach((listener) => listener(delivery)));
    return event;
  }

  return {
    apis: names,
    handle,
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

/**
 * The events a spec shows in its `getEvent` and `listEvents` examples start the event log, so that the documented
 * example requests work in a fresh sandbox; new events are added in front of them.
 */
function exampleEvents({ document, router }: Engine): SandboxEvent[] {
  const found = new Map<string, SandboxEvent>();
  for (const operation of router.operations.filter((o) => o.id === 'getEvent' || o.id === 'listEvents')) {
    const response = deref<ResponseObject>(document, {
      $ref: finalPointer(document, `${operation.pointer}/responses/200`),
    });
    for (const example of Object.values(response?.content?.['application/json']?.examples ?? {})) {
      const value = deref<{ value?: unknown }>(document, example)?.value as { data?: unknown; id?: string } | undefined;
      const events = Array.isArray(value?.data) ? value.data : [value];
      for (const event of events as SandboxEvent[]) if (event?.id?.startsWith('evt_')) found.set(event.id, event);
    }
  }
  return [...found.values()].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** Handlers every API with events shares: the event log is kept by the core. */
const coreHandlers: Record<string, (context: HandlerContext<unknown>) => Reply> = {
  listEvents: ({ state, input }) => {
    const type = input.query.type;
    const events = typeof type === 'string' ? state.events.filter((event) => event.type === type) : state.events;
    return { status: 200, body: paginate(events, input.query) };
  },
  getEvent: ({ state, input }) => {
    const event = state.events.find((candidate) => candidate.id === input.path.id);
    if (!event) throw new ProblemError(404, `No event with id ${String(input.path.id)} exists in this sandbox.`);
    return { status: 200, body: event };
  },
};

function serialise(reply: Reply, at: Date): StoredReply {
  const headers = { ...reply.headers };
  let body = '';
  if (reply.body instanceof Uint8Array) {
    body = `base64:${toBase64(reply.body)}`;
  } else if (reply.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body =
      typeof reply.body === 'string' && !headers['content-type'].includes('json')
        ? reply.body
        : JSON.stringify(reply.body);
  }
  return { fingerprint: '', status: reply.status, headers, body, created_at: at.toISOString() };
}

function toResponse(reply: StoredReply, rateHeaders: Record<string, string>): Response {
  const body = reply.body.startsWith('base64:') ? fromBase64(reply.body.slice(7)) : reply.body || null;
  const status = reply.status;
  return new Response(status === 204 || status === 304 ? null : body, {
    status,
    headers: { ...rateHeaders, ...reply.headers },
  });
}

function sandboxFailure(error: unknown): ProblemError {
  console.error('[sandbox]', error);
  const reason = String((error as Error).message ?? error)
    .split('\n')[0]!
    .slice(0, 300);
  return new ProblemError(500, `The sandbox failed to answer: ${reason}`);
}

/**
 * A refusal as RFC 9457 problem details, or, when the operation documents an error body of its own shape, as that
 * shape with the problem's detail and field pointers written into it (see core/documented-error.ts).
 */
function problemResponse(
  error: ProblemError,
  url: URL,
  rateHeaders: Record<string, string> = {},
  documented?: { validator: SpecValidator; operation: Operation },
): Response {
  const problem = error.toProblem(url.pathname);
  const shaped = documented ? documentedError(documented.validator, documented.operation, problem) : undefined;
  return new Response(JSON.stringify(shaped ? shaped.body : problem), {
    status: error.status,
    headers: {
      ...rateHeaders,
      ...error.extra.headers,
      'content-type': shaped?.mediaType ?? 'application/problem+json',
    },
  });
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function defaultRandomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return prefix + Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}
