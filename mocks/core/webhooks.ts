import { fromBase64, toBase64 } from './bytes.ts';

/**
 * Standard Webhooks (https://www.standardwebhooks.com) signatures: HMAC-SHA256 over `id.timestamp.body` with the
 * endpoint's secret, sent as `webhook-signature: v1,<base64>`. Uses Web Crypto, so it runs in browsers and Node alike.
 */

const encoder = new TextEncoder();

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** A new secret in the `whsec_<base64>` form that Standard Webhooks libraries expect. */
export function createWebhookSecret(randomBytes: Uint8Array): string {
  return `whsec_${toBase64(randomBytes)}`;
}

async function hmac(secret: string, message: string): Promise<string> {
  const keyBytes = fromBase64(secret.replace(/^whsec_/, ''));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return toBase64(new Uint8Array(signature));
}

export async function signWebhook(secret: string, id: string, timestamp: Date, body: string): Promise<SignedHeaders> {
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  return {
    'webhook-id': id,
    'webhook-timestamp': seconds,
    'webhook-signature': `v1,${await hmac(secret, `${id}.${seconds}.${body}`)}`,
  };
}

export type VerifyResult = { valid: true } | { valid: false; reason: string };

/**
 * Check a delivery the way a receiving server should: the signature must match one of the `v1` signatures in the
 * header, and the timestamp must be within `toleranceSeconds` of now, which stops replays of old messages.
 */
export async function verifyWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  now: Date = new Date(),
  toleranceSeconds = 300,
): Promise<VerifyResult> {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return { valid: false, reason: 'A webhook-* header is missing.' };
  const age = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (!Number.isFinite(age) || age > toleranceSeconds) {
    return {
      valid: false,
      reason: `The timestamp is ${Math.round(age)} s away from now; the limit is ${toleranceSeconds} s.`,
    };
  }
  const expected = await hmac(secret, `${id}.${timestamp}.${body}`);
  const offered = signatures.split(' ').map((part) => part.split(',')[1]);
  return offered.some((signature) => signature !== undefined && constantTimeEqual(signature, expected))
    ? { valid: true }
    : { valid: false, reason: 'The signature does not match the body: it was changed or signed with another secret.' };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
