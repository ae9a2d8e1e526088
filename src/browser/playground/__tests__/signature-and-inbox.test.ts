import { afterEach, describe, expect, test, vi } from 'vitest';
import { createEngineRoomSandbox } from '../../../../mocks/catalog.ts';
import { webStoragePersistence } from '../../../../mocks/core/persistence.ts';
import { inbox, storedApis } from '../sandbox-state';
import { checkSignature, type SignedMessage } from '../signature';
import { memoryStorage } from './memory-storage';

// The Standard Webhooks specification's published test vector.
const VECTOR: SignedMessage = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('checking a webhook signature', () => {
  const SIGNED_AT = Number(VECTOR.timestamp) * 1000;
  const YEARS_LATER = SIGNED_AT + 10 * 365 * 24 * 3600 * 1000;
  // The demo reads no clock today; the clock is set anyway, so that a replay window added to it would fail "years
  // later" (readers inspect past deliveries on purpose) rather than pass by the date the suite happens to run on.
  afterEach(() => vi.useRealTimers());

  test.each<[string, boolean, Partial<SignedMessage>, number]>([
    ['the test vector, checked when it was signed', true, {}, SIGNED_AT],
    ['the test vector, checked ten years later (no replay window in the demo)', true, {}, YEARS_LATER],
    [
      'one of several signatures during a key rotation',
      true,
      { signature: `v1,bm90LXRoaXM= ${VECTOR.signature}` },
      SIGNED_AT,
    ],
    ['a changed body', false, { body: '{"test": 2432232315}' }, SIGNED_AT],
    ['another secret', false, { secret: 'whsec_c2VjcmV0LXR3bw==' }, SIGNED_AT],
    ['another timestamp', false, { timestamp: '1614265331' }, SIGNED_AT],
    ['a secret that is not base64', false, { secret: 'whsec_***' }, SIGNED_AT],
    ['an empty secret', false, { secret: 'whsec_' }, SIGNED_AT],
  ])('%s: valid is %s', async (_case, valid, change, now) => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    const result = await checkSignature({ ...VECTOR, ...change });
    expect(result.valid).toBe(valid);
    if (!result.valid) expect(result.reason).toMatch(/\w/);
  });
});

describe('the event inbox, read from what the browser sandbox stored', () => {
  test('a created payment intent shows up with headers that verify with the stored secret', async () => {
    const storage = memoryStorage();
    const sandbox = createEngineRoomSandbox({ persistence: webStoragePersistence(storage) });
    const key = 'sk_test_inbox_reader';
    expect(storedApis(storage, key, sandbox.apis)).toEqual([]);

    const response = await sandbox.handle(
      new Request('http://site.test/sandbox/payments/v1/payment_intents', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 2000, currency: 'usd' }),
      }),
    );
    expect(response?.status).toBe(201);

    const stored = storedApis(storage, key, sandbox.apis);
    expect(stored.map((entry) => entry.api)).toEqual(['payments']);
    const [delivery] = inbox(stored);
    expect(delivery?.type).toBe('payment_intent.created');
    expect(
      await checkSignature({
        secret: delivery!.secret,
        id: delivery!.headers['webhook-id']!,
        timestamp: delivery!.headers['webhook-timestamp']!,
        body: delivery!.body,
        signature: delivery!.headers['webhook-signature']!,
      }),
    ).toMatchObject({ valid: true });

    expect(storedApis(storage, 'sk_test_someone_else', sandbox.apis)).toEqual([]);
    sandbox.reset(key);
    expect(storedApis(storage, key, sandbox.apis)).toEqual([]);
  });
});
