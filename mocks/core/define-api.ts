import type { ApiState, SandboxEvent, SharedState } from './state.ts';
import type { ProblemError } from './problem.ts';
import type { RequestInput } from './request-input.ts';
import type { Operation } from './openapi.ts';

/** Who is calling: the sandbox key whose state is used, and the OAuth scopes a token carries (if any). */
export interface Principal {
  sandboxKey: string;
  scopes?: string[];
}

export interface HandlerContext<Data, Input = RequestInput> {
  input: Input;
  /** A draft of this API's data for this key; changes are saved only if the handler returns without throwing. */
  data: Data;
  /** The whole draft, for the rare handler that reads events or deliveries. */
  state: ApiState<Data>;
  principal: Principal;
  operation: Operation;
  now(): Date;
  /** A new id with the given prefix (`cus_` → `cus_8fK2…`). Injectable, so tests get predictable ids. */
  id(prefix: string): string;
  /**
   * Record an event, listed by `GET /events` and delivered as a signed webhook. `at` dates a change that happened
   * earlier than the request that noticed it (a message delivered while no one was asking).
   */
  emit(type: string, object: unknown, at?: Date): Promise<SandboxEvent>;
  /**
   * Register an OAuth access token, accepted from then on wherever the spec asks for OAuth scopes. It acts for
   * `sandboxKey` (by default the caller's key; an OAuth token endpoint passes the app's `client_secret`).
   */
  issueToken(token: string, scopes: string[], expiresInSeconds: number, sandboxKey?: string): void;
  /** State of this API shared by all keys (OAuth codes and tokens), saved with the rest of the transaction. */
  shared: SharedState;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/* Typed replies, derived from openapi-typescript's `operations` type: a handler can only return a status the spec
 * declares, with a body of the shape the spec declares for it. */
type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;
type BodyOf<R> = R extends { content: infer C }
  ? C extends Record<string, unknown>
    ? C[keyof C]
    : undefined
  : undefined;
export type ReplyFor<Op> = {
  [S in keyof ResponsesOf<Op>]: S extends number
    ? { status: S; body: BodyOf<ResponsesOf<Op>[S]>; headers?: Record<string, string> }
    : never;
}[keyof ResponsesOf<Op>];

type RequestBodyOf<Op> = Op extends { requestBody?: { content: infer C } }
  ? C extends Record<string, unknown>
    ? C[keyof C]
    : undefined
  : undefined;
type ParamsOf<Op, Where extends string> = Op extends { parameters: infer P }
  ? Where extends keyof P
    ? NonNullable<P[Where]>
    : Record<string, never>
  : Record<string, never>;

export interface TypedInput<Op> extends Omit<RequestInput, 'path' | 'query' | 'headers' | 'body'> {
  path: ParamsOf<Op, 'path'>;
  query: ParamsOf<Op, 'query'>;
  headers: ParamsOf<Op, 'header'>;
  body: RequestBodyOf<Op>;
}

export type TypedHandler<Op, Data> = (
  context: HandlerContext<Data, TypedInput<Op>>,
) => Promise<ReplyFor<Op>> | ReplyFor<Op>;

/** Hand-written behaviour for one API: its seed data and a handler per operationId (the rest stay generic). */
export interface ApiDefinition<Data = unknown> {
  seed(tools: { now: Date; id: (prefix: string) => string }): Data;
  handlers: Record<string, (context: HandlerContext<Data>) => Promise<Reply> | Reply>;
  /**
   * Run before every operation of the API, handled or generic, inside the same transaction: for state that moves
   * with time (messages delivered since the last request) whatever the reader asks next.
   */
  before?(context: HandlerContext<Data>): Promise<void> | void;
  /**
   * Adjust a refusal before it is sent, including the core's own (401, 400, 422), for APIs whose errors carry extra
   * members: OAuth 2 token endpoints must send an `error` code (RFC 6749).
   */
  refineProblem?(operationId: string, problem: ProblemError): ProblemError;
}

/** Type-check an API's handlers against its generated `operations` type. */
export function defineApi<Operations, Data>(definition: {
  seed: ApiDefinition<Data>['seed'];
  handlers: { [K in keyof Operations]?: TypedHandler<Operations[K], Data> };
  before?: ApiDefinition<Data>['before'];
  refineProblem?: ApiDefinition<Data>['refineProblem'];
}): ApiDefinition<Data> {
  return definition as unknown as ApiDefinition<Data>;
}
