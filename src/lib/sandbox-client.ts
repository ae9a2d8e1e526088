/**
 * The browser side of Try it, loaded on the reader's first click (never with the page): it starts the in-browser
 * sandbox, then sends the request with a plain fetch, which the Service Worker answers.
 */
import { startBrowserSandbox } from '../../mocks/browser.ts';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  milliseconds: number;
}

export async function sendToSandbox(request: SentRequest): Promise<ReceivedResponse> {
  await startBrowserSandbox(import.meta.env.BASE_URL);
  const started = performance.now();
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body === undefined || request.method === 'GET' ? null : request.body,
  });
  const body = await response.text();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body,
    milliseconds: performance.now() - started,
  };
}
