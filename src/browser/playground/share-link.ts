/**
 * Share links carry a whole request in the URL fragment (`#request=…`), which browsers never send to a server. Only
 * sandbox test keys travel: anything else in the key field is dropped, so a link cannot leak a real credential.
 */
import { READER_KEY } from './key-slot';
import type { PlaygroundRequest } from './request';

const PREFIX = 'request=';
const TEST_KEY = /^sk_test_[A-Za-z0-9_]{8,}$/;
// Header parameters whose values are credentials by name.
const SECRET_NAME = /authorization|cookie|token|secret|api[-_]?key|password/i;

export function shareFragment(request: PlaygroundRequest): string {
  return `#${PREFIX}${toBase64Url(JSON.stringify(shareable(request)))}`;
}

/** The request a fragment holds, or undefined when it holds none or cannot be read. */
export function requestFromFragment(hash: string): PlaygroundRequest | undefined {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(PREFIX)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(fragment.slice(PREFIX.length)));
  } catch {
    return undefined;
  }
  if (!isRequest(parsed)) return undefined;
  return shareable(parsed);
}

/**
 * A lighter link for other pages (`#operation=payments/createPaymentIntent`): open the playground on one operation
 * with the spec's example. Returns `[api, operationId]`.
 */
export function operationFromFragment(hash: string): [string, string] | undefined {
  const match = /^#?operation=([a-z0-9-]+)\/([A-Za-z0-9_.-]+)$/.exec(hash);
  return match ? [match[1]!, match[2]!] : undefined;
}

function shareable(request: PlaygroundRequest): PlaygroundRequest {
  const values = Object.fromEntries(
    Object.entries(request.values).filter(([name, value]) => !isSecret(name) || TEST_KEY.test(bare(value))),
  );
  return {
    api: request.api,
    operation: request.operation,
    key: TEST_KEY.test(request.key) ? request.key : READER_KEY,
    values,
    ...(request.body === undefined ? {} : { body: request.body }),
  };
}

const isSecret = (name: string) => /^(header|query|cookie):/.test(name) && SECRET_NAME.test(name);
const bare = (value: string) => value.replace(/^(bearer|basic)\s+/i, '');

function isRequest(value: unknown): value is PlaygroundRequest {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  const strings = (entries: unknown) =>
    Boolean(entries) &&
    typeof entries === 'object' &&
    Object.values(entries as object).every((item) => typeof item === 'string');
  return (
    typeof candidate.api === 'string' &&
    typeof candidate.operation === 'string' &&
    typeof candidate.key === 'string' &&
    strings(candidate.values) &&
    (candidate.body === undefined || typeof candidate.body === 'string')
  );
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
