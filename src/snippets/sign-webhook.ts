/**
 * signWebhook: sign a webhook body the way a Standard Webhooks sender does, for tests. With it, a test can replay a
 * recorded delivery to your endpoint with a fresh valid signature, or with one thing wrong: a changed body, an old
 * timestamp, another secret.
 *
 * The signature is an HMAC-SHA256 over `id.timestamp.body`, keyed with the bytes that the base64 after `whsec_`
 * encodes, and sent as `v1,<base64>`. Keep it in your tests: in production the provider signs and your endpoint
 * only verifies.
 */
import { createHmac } from 'node:crypto';

export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export function signWebhook(
  secret: string,
  rawBody: string | Uint8Array,
  id: string,
  sentAt: Date = new Date(),
): WebhookHeaders {
  const timestamp = String(Math.floor(sentAt.getTime() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${mac}` };
}
