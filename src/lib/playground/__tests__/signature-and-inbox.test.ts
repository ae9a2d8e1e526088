import { describe, expect, test } from 'vitest';
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
  test.each<[string, Partial<SignedMessage>, boolean]>([
    ['the test vector', {}, true],
    ['the test vector years later (no replay window in the demo)', {}, true],
    ['one of several signatures during a key rotation', { signature: `v1,bm90LXRoaXM= ${VECTOR.signature}` }, true],
    ['a changed body', { body: '{"test": 2432232315}' }, false],
    ['another secret', { secret: 'whsec_c2VjcmV0LXR3bw==' }, false],
    ['another timestamp', { timestamp: '1614265331' }, false],
    ['a secret that is not base64', { secret: 'whsec_***' }, false],
    ['an empty secret', { secret: 'whsec_' }, false],
  ])('%s: valid is %s', async (_case, change, valid) => {
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
