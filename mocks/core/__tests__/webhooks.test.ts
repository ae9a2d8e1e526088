import { describe, expect, test } from 'vitest';
import { signWebhook, verifyWebhook } from '../webhooks.ts';

// The Standard Webhooks specification's published test vector: matching it means any of that
// specification's libraries can verify the sandbox's deliveries.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const SIGNED_AT = new Date(1614265330 * 1000);
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('Standard Webhooks signatures', () => {
  test('signing reproduces the specification’s test vector', async () => {
    expect(await signWebhook(SECRET, ID, SIGNED_AT, BODY)).toEqual({
      'webhook-id': ID,
      'webhook-timestamp': '1614265330',
      'webhook-signature': SIGNATURE,
    });
  });

  const headers = { 'webhook-id': ID, 'webhook-timestamp': '1614265330', 'webhook-signature': SIGNATURE };
  test.each<[string, boolean, Record<string, string | undefined>, string, Date]>([
    ['the untouched delivery', true, headers, BODY, SIGNED_AT],
    [
      'one of several signatures during a key rotation',
      true,
      { ...headers, 'webhook-signature': `v1,bm90LXRoaXMtb25l ${SIGNATURE}` },
      BODY,
      SIGNED_AT,
    ],
    [
      'a delivery checked four minutes after it was signed',
      true,
      headers,
      BODY,
      new Date(SIGNED_AT.getTime() + 240_000),
    ],
    ['a changed body', false, headers, '{"test": 2432232315}', SIGNED_AT],
    ['another message id', false, { ...headers, 'webhook-id': 'msg_other' }, BODY, SIGNED_AT],
    ['a delivery replayed ten minutes later', false, headers, BODY, new Date(SIGNED_AT.getTime() + 600_000)],
    ['a missing signature header', false, { ...headers, 'webhook-signature': undefined }, BODY, SIGNED_AT],
  ])('verifying %s: valid is %s', async (_case, valid, given, body, now) => {
    expect((await verifyWebhook(SECRET, given, body, now)).valid).toBe(valid);
  });
});
