/**
 * The browser side of Try it, loaded on the reader's first click (never with the page): it starts the in-browser
 * sandbox, checks the request against the spec, sends it with a plain fetch (which the Service Worker answers), and
 * checks the response against the spec too: the live contract check.
 */
import { startBrowserSandbox } from '../../mocks/browser.ts';
import { checkRequest, checkResponse } from '../../mocks/core/contract-check.ts';
import type { FieldError } from '../../mocks/core/validate.ts';

export interface SentRequest {
  method: string;
  /** `<base>sandbox/<api><server path>/<path>` (`/sandbox/payments/v1/customers`), with the query string. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ContractReport {
  /** What the spec says is wrong with the request, found before it was sent. */
  request: FieldError[];
  /** Where the answer differs from what the spec documents for its status. */
  response: FieldError[];
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  milliseconds: number;
  /** Absent when the URL is not one of the sandbox's APIs. */
  contract?: ContractReport | undefined;
}

export async function sendToSandbox(request: SentRequest): Promise<ReceivedResponse> {
  const sandbox = await startBrowserSandbox(import.meta.env.BASE_URL);
  const outgoing = new Request(new URL(request.url, location.href), {
    method: request.method,
    headers: request.headers,
    body: request.body === undefined || request.method === 'GET' ? null : request.body,
  });
  const api = apiOf(outgoing.url, sandbox.apis);
  // Loads the one API this request calls (its spec and handlers), the first time any request calls it.
  const engine = api ? await sandbox.load(api) : undefined;
  const target = engine && pathUnder(outgoing.url, engine.location.root);
  const requestErrors = engine && target ? await checkRequest(engine, outgoing, target) : [];

  const started = performance.now();
  const response = await fetch(outgoing);
  const body = await response.text();
  const milliseconds = performance.now() - started;

  const route = engine && target ? engine.router.match(outgoing.method, target) : undefined;
  const responseErrors =
    engine && route && route.kind === 'operation'
      ? checkResponse(engine, route.operation, {
          status: response.status,
          contentType: response.headers.get('content-type'),
          body,
        })
      : [];
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body,
    milliseconds,
    contract: engine && target ? { request: requestErrors, response: responseErrors } : undefined,
  };
}

/** The API a sandbox URL names (`…/sandbox/payments/v1/customers` → `payments`). */
function apiOf(url: string, apis: readonly string[]): string | undefined {
  const api = /\/sandbox\/([^/?#]+)/.exec(new URL(url).pathname)?.[1];
  return api && apis.includes(api) ? api : undefined;
}

/** The path under an API's server (`/customers`), or undefined when the URL is not under the API's root. */
function pathUnder(url: string, root: string): string | undefined {
  const { pathname } = new URL(url);
  const at = pathname.indexOf(`/sandbox/${root}`);
  if (at < 0) return undefined;
  const rest = pathname.slice(at + `/sandbox/${root}`.length);
  return rest === '' ? '/' : rest.startsWith('/') ? rest : undefined;
}
