/**
 * The event inbox's "Verify signature" demo: recompute a Standard Webhooks signature (HMAC-SHA256 over
 * `id.timestamp.body`, keyed with the base64 part of `whsec_…`) with Web Crypto and compare it with the header. Unlike
 * a receiving server, it does not reject old timestamps: the reader is inspecting past deliveries on purpose.
 * Base64 is done inline rather than with the sandbox's helpers, so that the page's script shares no module with the
 * lazily loaded sandbox and the bundler cannot pull sandbox code into the page.
 */

export interface SignedMessage {
  secret: string;
  id: string;
  timestamp: string;
  body: string;
  /** The `webhook-signature` header: one or more space-separated `v1,<base64>` values. */
  signature: string;
}

export type SignatureCheck = { valid: true; expected: string } | { valid: false; expected?: string; reason: string };

export async function checkSignature(message: SignedMessage): Promise<SignatureCheck> {
  let keyBytes: Uint8Array<ArrayBuffer>;
  try {
    keyBytes = Uint8Array.from(atob(message.secret.trim().replace(/^whsec_/, '')), (c) => c.charCodeAt(0));
  } catch {
    return { valid: false, reason: 'The secret is not valid base64 after its whsec_ prefix.' };
  }
  if (keyBytes.length === 0) return { valid: false, reason: 'The secret is empty.' };
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${message.id}.${message.timestamp}.${message.body}`),
  );
  const expected = `v1,${btoa(String.fromCharCode(...new Uint8Array(mac)))}`;
  const offered = message.signature.trim().split(/\s+/);
  return offered.includes(expected)
    ? { valid: true, expected }
    : {
        valid: false,
        expected,
        reason: 'The signature does not match: the body, id or timestamp changed, or another secret signed it.',
      };
}
