/**
 * `call_sandbox`: a request described by an assistant (an operationId with parameters, or a method and a path)
 * turned into a web `Request`, answered by the sandbox core in this process, with the same live contract check as
 * Try it. Nothing here opens a socket: a URL for any host but the sandbox is refused before a request exists.
 */
import { checkRequest, checkResponse } from '../mocks/core/contract-check.ts';
import { exampleRequest } from '../mocks/core/example-request.ts';
import { pickMedia } from '../mocks/core/generic-reply.ts';
import { deref, finalPointer, type MediaTypeObject, type Operation } from '../mocks/core/openapi.ts';
import { pathKeyQuery, requestPath } from '../mocks/core/router.ts';
import type { Engine, Sandbox } from '../mocks/core/sandbox.ts';
import { LOCAL_SANDBOX_ORIGIN } from '../mocks/core/sandbox-location.ts';
import type { FieldError } from '../mocks/core/validate.ts';
import { ToolInputError } from './tool-error.ts';

/** The local sandbox's own hosts, as the reference and the curl samples print them; requests never leave the process. */
const SANDBOX_HOSTS = new Set(['localhost:4010', '127.0.0.1:4010', '[::1]:4010']);

export type ParamValue = string | number | boolean | (string | number | boolean)[];

export interface SandboxCall {
  api: string;
  operationId?: string | undefined;
  method?: string | undefined;
  /** Relative to the API (`/customers/cus_1`), or a sandbox URL: `/sandbox/payments/v1/…`, `http://localhost:4010/payments/v1/…`. */
  path?: string | undefined;
  params?: Record<string, ParamValue> | undefined;
  /** An empty value leaves a header out, even the credentials the key would add (to see a 401). */
  headers?: Record<string, string> | undefined;
  body?: unknown;
  key: string;
}

export interface SandboxAnswer {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  operation?: { api: string; operationId: string };
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The live contract check: what the spec says is wrong with the request, and with the answer. */
  contract: { request: FieldError[]; response: FieldError[] };
}

/** Where the site itself serves the in-browser sandbox, for URLs copied from a page (`/docs/sandbox/…`). */
export interface SiteOrigin {
  site: string;
  base: string;
}

export async function callSandbox(sandbox: Sandbox, call: SandboxCall, site: SiteOrigin): Promise<SandboxAnswer> {
  const engine = sandbox.engine(call.api);
  const target = call.operationId ? byOperation(engine, call) : byPath(engine, call, site);
  const method = target.method;
  const query = new URLSearchParams(target.query);
  const headers = new Headers();
  const credentials = target.operation ? credentialsFor(engine, target.operation, call.key) : bearer(call.key);
  for (const [name, value] of Object.entries(credentials.query)) if (!query.has(name)) query.set(name, value);
  for (const [name, value] of Object.entries(credentials.headers)) headers.set(name, value);
  for (const [name, value] of Object.entries(call.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw new ToolInputError(`headers.${name}`, 'is not a header name');
    if (value === '') headers.delete(name);
    else headers.set(name, value);
  }

  let body: string | FormData | undefined;
  if (call.body !== undefined) {
    if (method === 'GET' || method === 'HEAD')
      throw new ToolInputError('body', `a ${method} request carries no body; send the values as params`);
    const mediaType = headers.get('content-type') ?? defaultMediaType(engine, target.operation);
    body = encodeBody(mediaType, call.body);
    // fetch sets a multipart Content-Type with its own boundary.
    if (typeof body === 'string') headers.set('content-type', mediaType);
    else headers.delete('content-type');
  }

  const search = query.toString();
  const url = `${engine.location.local}${target.path}${search ? `?${search}` : ''}`;
  const request = new Request(url, { method, headers, body: body ?? null });
  const requestErrors = await checkRequest(engine, request.clone(), target.path);
  const response = await sandbox.handle(request.clone());
  if (!response) throw new Error(`The sandbox did not answer ${url}`);
  const text = await response.clone().text();
  const route = engine.router.match(method, target.path);
  const responseErrors =
    route.kind === 'operation'
      ? checkResponse(engine, route.operation, {
          status: response.status,
          contentType: response.headers.get('content-type'),
          body: text,
        })
      : [];
  const answered = route.kind === 'operation' ? route.operation : target.operation;
  return {
    request: {
      method,
      url,
      headers: Object.fromEntries(headers),
      ...(typeof body === 'string' ? { body } : body ? { body: '(multipart form)' } : {}),
    },
    ...(answered ? { operation: { api: call.api, operationId: answered.id } } : {}),
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await readBody(response, text),
    contract: { request: requestErrors, response: responseErrors },
  };
}

interface Target {
  method: string;
  /** Relative to the API's server, with parameters filled in. */
  path: string;
  query: [string, string][];
  operation?: Operation | undefined;
}

function byOperation(engine: Engine, call: SandboxCall): Target {
  if (call.path !== undefined)
    throw new ToolInputError('path', 'give either operationId (with params) or method and path, not both');
  const operation = engine.router.operations.find((candidate) => candidate.id === call.operationId);
  if (!operation) {
    const near = engine.router.operations
      .map((candidate) => candidate.id)
      .filter((id) => id.toLowerCase().includes((call.operationId ?? '').toLowerCase().slice(0, 6)))
      .slice(0, 5);
    throw new ToolInputError(
      'operationId',
      `the ${call.api} API has no operation "${call.operationId}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; list_operations lists them`,
    );
  }
  const method = operation.method.toUpperCase();
  if (call.method && call.method.toUpperCase() !== method)
    throw new ToolInputError(
      'method',
      `${call.operationId} is a ${method} operation, not ${call.method.toUpperCase()}`,
    );
  const params = { ...call.params };
  let path = requestPath(operation.path);
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
    const value = params[parameter.name];
    if (value === undefined || value === '')
      throw new ToolInputError(
        `params.${parameter.name}`,
        `is required: ${operation.id} is ${method} ${requestPath(operation.path)}`,
      );
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    delete params[parameter.name];
  }
  return { method, path, query: [...Object.entries(pathKeyQuery(operation.path)), ...queryOf(params)], operation };
}

function byPath(engine: Engine, call: SandboxCall, site: SiteOrigin): Target {
  if (!call.method) throw new ToolInputError('method', 'is required with a path (or give an operationId instead)');
  if (call.path === undefined) throw new ToolInputError('path', 'is required with a method (or give an operationId)');
  const method = call.method.toUpperCase();
  const url = sandboxUrl(call.path, engine.location.root, site);
  const query: [string, string][] = [...url.searchParams, ...queryOf(call.params ?? {})];
  const route = engine.router.match(method, url.pathname);
  const operation = route.kind === 'operation' ? route.operation : undefined;
  return { method, path: url.pathname, query, operation };
}

/**
 * The path under the API's server that `path` names. Absolute URLs must be the sandbox's own: the local server's
 * address, or the site's in-browser sandbox; any other host is refused, so the tool can never reach a real API.
 * `root` is where the API lives under the sandbox (`payments/v1`: see mocks/core/sandbox-location.ts).
 */
export function sandboxUrl(path: string, root: string, site: SiteOrigin): URL {
  const api = root.split('/')[0]!;
  const trimmed = path.trim();
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//');
  let url: URL;
  try {
    url = new URL(trimmed, `${LOCAL_SANDBOX_ORIGIN}/`);
  } catch {
    throw new ToolInputError('path', `"${path}" is not a URL path`);
  }
  if (absolute) {
    const own = new URL(site.site);
    const isSandbox =
      (url.protocol === 'http:' && SANDBOX_HOSTS.has(url.host)) ||
      (url.origin === own.origin && url.pathname.startsWith(`${site.base.replace(/\/+$/, '')}/sandbox/`));
    if (!isSandbox)
      throw new ToolInputError(
        'path',
        `${url.origin} is not the Engine Room sandbox. This server sends requests only to the sandbox, never to ` +
          `another host; give a path under the API's server, or a URL such as ${LOCAL_SANDBOX_ORIGIN}/${root}/…`,
      );
  }
  const base = site.base.replace(/\/+$/, '');
  const pathname = url.pathname.startsWith(`${base}/sandbox/`) ? url.pathname.slice(base.length) : url.pathname;
  // A URL copied from a page or the local server names its API; a relative path (`/customers`) does not.
  const named = /^\/sandbox\/([^/]+)/.exec(pathname)?.[1] ?? (absolute ? /^\/([^/]+)/.exec(pathname)?.[1] : undefined);
  if (named !== undefined && named !== api)
    throw new ToolInputError('path', `names the ${named} API, but api is ${api}`);
  // A relative path that starts with a bare one-word root (`users`) is the API's own path (`/users/123`), not a name.
  const bareRoot = absolute || root.includes('/') ? [`/${root}`] : [];
  const prefix = [`/sandbox/${root}`, ...bareRoot].find(
    (candidate) => pathname === candidate || pathname.startsWith(`${candidate}/`),
  );
  const relative = prefix === undefined ? pathname : pathname.slice(prefix.length) || '/';
  return new URL(`${relative}${url.search}`, LOCAL_SANDBOX_ORIGIN);
}

function queryOf(params: Record<string, ParamValue>): [string, string][] {
  return Object.entries(params).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, String(item)]),
  );
}

/** The headers (or query values) the operation's security scheme wants, as Try it and the samples send them. */
function credentialsFor(engine: Engine, operation: Operation, key: string) {
  // The example request of the operation stripped of its parameters and body carries only its credentials.
  const { requestBody: _body, ...withoutBody } = operation.operation;
  const bare: Operation = { ...operation, path: requestPath(operation.path), parameters: [], operation: withoutBody };
  try {
    const example = exampleRequest(engine.document, bare, key);
    return { headers: example.headers, query: example.query };
  } catch {
    return bearer(key);
  }
}

const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` }, query: {} as Record<string, string> });

function defaultMediaType(engine: Engine, operation: Operation | undefined): string {
  if (!operation?.operation.requestBody) return 'application/json';
  const body = deref<{ content?: Record<string, MediaTypeObject> }>(engine.document, {
    $ref: finalPointer(engine.document, `${operation.pointer}/requestBody`),
  });
  return pickMedia(body?.content)[0] ?? 'application/json';
}

function encodeBody(mediaType: string, value: unknown): string | FormData {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (typeof value === 'string' && !/[/+]json$/.test(type)) return value;
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new ToolInputError('body', `a ${type} body is an object of fields`);
    const form = type === 'multipart/form-data' ? new FormData() : new URLSearchParams();
    for (const [name, field] of Object.entries(value))
      for (const item of Array.isArray(field) ? field : [field])
        form.append(name, typeof item === 'string' ? item : JSON.stringify(item));
    return form instanceof URLSearchParams ? form.toString() : form;
  }
  // A JSON body given as text is sent as written, so that malformed JSON can be tried too.
  return typeof value === 'string' ? value : JSON.stringify(value);
}

async function readBody(response: Response, text: string): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (text === '') return null;
  if (/[/+]json\b/.test(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (/^text\/|xml|x-www-form-urlencoded|csv/.test(type)) return text;
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length, contentType: type };
}
