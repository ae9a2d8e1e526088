import { describe, expect, test } from 'vitest';
import { verifyWebhook } from '../../../mocks/core/webhooks.ts';
import { signWebhook } from '../sign-webhook.ts';

// The Standard Webhooks specification's published test vector.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SENT_AT = new Date(1614265330 * 1000);
const BODY = '{"test": 2432232314}';

describe('signWebhook', () => {
  test('reproduces the specification’s test vector', () => {
    expect(signWebhook(SECRET, BODY, ID, SENT_AT)).toEqual({
      'webhook-id': ID,
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  test('signs bytes and text alike', () => {
    expect(signWebhook(SECRET, new TextEncoder().encode(BODY), ID, SENT_AT)).toEqual(
      signWebhook(SECRET, BODY, ID, SENT_AT),
    );
  });

  test('a delivery signed now passes a receiver’s check; the same one an hour later does not', async () => {
    const now = new Date();
    const headers = signWebhook(SECRET, BODY, ID, now);
    expect(await verifyWebhook(SECRET, headers, BODY, now)).toEqual({ valid: true });
    const later = new Date(now.getTime() + 60 * 60 * 1000);
    expect((await verifyWebhook(SECRET, headers, BODY, later)).valid).toBe(false);
  });
});
