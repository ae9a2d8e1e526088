/**
 * What the stateful-generic-*.test.ts files share. They prove the stateful generic mocks on a fixture written for this
 * project (tests/fixtures/specs/sandbox-resources.yaml), so that a fresh clone proves them: Stripe-style form creates
 * with nested keys, cursor and offset paging, list filters, merge and replace, nested collections and the 404 for a
 * parent that is not there, a PUT that creates, a vendor error shape, x-sandbox corrections, idempotency, persistence
 * and events.
 */
import { checkResponse } from '../core/contract-check.ts';
import { listOperations } from '../core/openapi.ts';
import { memoryPersistence } from '../core/persistence.ts';
import { createSandbox } from '../core/sandbox.ts';
import { loadSpec } from '../load-spec.ts';

export const KEY = 'sk_test_statefulgeneric';
export const document = loadSpec('tests/fixtures/specs/sandbox-resources.yaml');
export const base = 'http://site.test/sandbox/shop/v1';
export const NOW = new Date('2026-03-01T10:00:00Z');

export function sandboxWith(persistence = memoryPersistence(), spec = document) {
  let counter = 0;
  return createSandbox({
    specs: { shop: spec },
    mount: '/sandbox/',
    persistence,
    now: () => NOW,
    randomId: (prefix) => `${prefix}${String(++counter).padStart(6, '0')}`,
  });
}

export async function call(
  sandbox: ReturnType<typeof sandboxWith>,
  method: string,
  path: string,
  body?: { form?: string; json?: unknown },
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${KEY}`, ...headers } };
  if (body?.form !== undefined) {
    init.body = body.form;
    (init.headers as Record<string, string>)['content-type'] = 'application/x-www-form-urlencoded';
  } else if (body?.json !== undefined) {
    init.body = JSON.stringify(body.json);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = (await sandbox.handle(new Request(`${base}${path}`, init)))!;
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text,
    body: JSON.parse(text || 'null'),
  };
}

/** The answer must match what the operation documents, errors included. */
export function documented(
  sandbox: ReturnType<typeof sandboxWith>,
  operationId: string,
  answer: Awaited<ReturnType<typeof call>>,
) {
  const operation = listOperations(document).find((candidate) => candidate.id === operationId)!;
  return checkResponse(sandbox.engine('shop'), operation, {
    status: answer.status,
    contentType: answer.contentType,
    body: answer.text,
  });
}
