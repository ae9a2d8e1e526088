/** Messaging delivery: queued → sent → delivered on schedule, failures, segments and prices, scheduling, cancels. */
import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../catalog.ts';
import { client, KEY, SMS, type Event } from './messaging-client.ts';

describe('messaging scenarios', () => {
  test('a text moves queued → sent → delivered on schedule, and each step is announced once', async () => {
    const { call, wait, at, eventsFor } = client();
    const sent = await call('POST', '/messages', SMS);
    expect(sent).toMatchObject({ status: 201, body: { status: 'queued', segments: 1, price: { amount: 1 } } });
    const id = sent.body.id;

    const timeline: [number, string][] = [
      [0.5, 'queued'],
      [0.5, 'sent'],
      [1.9, 'sent'],
      [0.1, 'delivered'],
      [60, 'delivered'],
    ];
    for (const [seconds, status] of timeline) {
      wait(seconds);
      expect((await call('GET', `/messages/${id}`)).body.status).toBe(status);
    }

    const message = (await call('GET', `/messages/${id}`)).body;
    expect(message).toMatchObject({ error_code: null, updated_at: at(3) });
    expect(message.status_history).toEqual([
      { status: 'queued', at: at(0) },
      { status: 'sent', at: at(1) },
      { status: 'delivered', at: at(3) },
    ]);
    const events = await eventsFor(id);
    expect(events.map((e) => e.type)).toEqual(['message.delivered', 'message.sent', 'message.queued']);
    // Each event shows the message as it was then, not as it is now.
    expect(events.map((e) => e.data.object.status)).toEqual(['delivered', 'sent', 'queued']);
  });

  test('a request long after sending catches up on every step at once, in order, at the scheduled times', async () => {
    const { call, wait, at } = client();
    const first = (await call('POST', '/messages', SMS)).body.id;
    wait(0.5);
    const second = (await call('POST', '/messages', { ...SMS, to: '+15550000000' })).body.id;
    wait(3600);

    const events = (await call('GET', '/events?limit=6')).body.data as Event[];
    expect(events.map((e) => `${e.type} ${e.data.object.id}`)).toEqual([
      `message.failed ${second}`,
      `message.delivered ${first}`,
      `message.sent ${second}`,
      `message.sent ${first}`,
      `message.queued ${second}`,
      `message.queued ${first}`,
    ]);
    expect((await call('GET', `/messages/${second}`)).body.status_history.map((s: { at: string }) => s.at)).toEqual([
      at(0.5),
      at(1.5),
      at(3.5),
    ]);
  });

  const content = {
    sms: { body: 'Hi' },
    email: { subject: 'Hi', body: 'Hello' },
    push: { title: 'Hi', body: 'Hello' },
  };
  test.each([
    ['sms', '+15550000000', 'number_unreachable'],
    ['email', 'nobody@fail.example.com', 'mailbox_unavailable'],
    ['push', 'dev_demo0000', 'device_unregistered'],
    ['sms', '+15555550100', null],
    ['email', 'ada@example.com', null],
    ['push', 'dev_demo0001', null],
  ] as const)('%s to %s ends with error_code %s', async (channel, to, errorCode) => {
    const body = { channel, to, ...content[channel] };
    const { call, wait, eventsFor } = client();
    const id = (await call('POST', '/messages', body)).body.id;
    wait(1);
    expect((await call('GET', `/messages/${id}`)).body).toMatchObject({ status: 'sent', error_code: null });
    wait(2);
    const done = (await call('GET', `/messages/${id}`)).body;
    expect(done).toMatchObject({ status: errorCode ? 'failed' : 'delivered', error_code: errorCode });
    expect((await eventsFor(id))[0]!.type).toBe(errorCode ? 'message.failed' : 'message.delivered');
  });

  test.each([
    ['a short GSM-7 text', 1, 'Hello'],
    ['160 GSM-7 characters', 1, 'a'.repeat(160)],
    ['161 GSM-7 characters', 2, 'a'.repeat(161)],
    ['306 GSM-7 characters', 2, 'a'.repeat(306)],
    ['307 GSM-7 characters', 3, 'a'.repeat(307)],
    ['80 euro signs (two septets each)', 1, '€'.repeat(80)],
    ['81 euro signs', 2, '€'.repeat(81)],
    ['70 characters with one ł (UCS-2)', 1, `ł${'a'.repeat(69)}`],
    ['71 characters with one ł', 2, `ł${'a'.repeat(70)}`],
    ['35 emoji (two UTF-16 units each)', 1, '👋'.repeat(35)],
    ['36 emoji, 33 per segment', 2, '👋'.repeat(36)],
    ['134 UCS-2 characters', 2, `ł${'a'.repeat(133)}`],
    ['135 UCS-2 characters', 3, `ł${'a'.repeat(134)}`],
  ])('%s: %i segment(s), 1 cent each', async (_case, segments, text) => {
    const { call } = client();
    const sent = await call('POST', '/messages', { ...SMS, body: text });
    expect(sent.body).toMatchObject({ segments, price: { amount: segments, currency: 'usd' } });
  });

  test('email and push have no segments and are free; a canceled text costs nothing', async () => {
    const { call, at } = client();
    const email = await call('POST', '/messages', { channel: 'email', to: 'a@example.com', subject: 'S', body: 'B' });
    const push = await call('POST', '/messages', { channel: 'push', to: 'dev_demo0001', title: 'T', body: 'B' });
    for (const { body } of [email, push]) expect(body).toMatchObject({ segments: null, price: { amount: 0 } });

    const later = await call('POST', '/messages', { ...SMS, body: 'x'.repeat(200), send_at: at(3600) });
    expect(later.body).toMatchObject({ segments: 2, price: { amount: 2 } });
    const canceled = await call('POST', `/messages/${later.body.id}/cancel`);
    expect(canceled.body).toMatchObject({ status: 'canceled', segments: 2, price: { amount: 0 } });
  });

  test('a scheduled message waits for send_at, can be canceled until then, and is delivered two seconds after', async () => {
    const { call, wait, at, eventsFor } = client();
    const keep = (await call('POST', '/messages', { ...SMS, send_at: at(600) })).body.id;
    const drop = (await call('POST', '/messages', { ...SMS, send_at: at(600) })).body.id;
    wait(599);
    const queued = (await call('GET', '/messages?status=queued')).body.data.map((m: { id: string }) => m.id);
    expect(queued.slice(0, 2)).toEqual([drop, keep]);
    const canceled = await call('POST', `/messages/${drop}/cancel`);
    expect(canceled.body.status_history).toEqual([
      { status: 'queued', at: at(0) },
      { status: 'canceled', at: at(599) },
    ]);

    wait(1);
    expect((await call('GET', `/messages/${keep}`)).body.status).toBe('sent');
    wait(2);
    expect((await call('GET', `/messages/${keep}`)).body).toMatchObject({ status: 'delivered', updated_at: at(602) });
    expect((await call('GET', `/messages/${drop}`)).body.status).toBe('canceled');
    expect((await eventsFor(drop)).map((e) => e.type)).toEqual(['message.canceled', 'message.queued']);

    const again = await call('POST', `/messages/${keep}/cancel`);
    expect(again).toMatchObject({ status: 409, body: { detail: expect.stringContaining('has status delivered') } });
  });

  test('an ordinary message can be canceled only in its first second', async () => {
    const { call, wait } = client();
    const id = (await call('POST', '/messages', SMS)).body.id;
    wait(1);
    expect((await call('POST', `/messages/${id}/cancel`)).status).toBe(409);
  });

  test.each([
    ['in the past', -1, 'must be in the future'],
    ['now', 0, 'must be in the future'],
    ['a second past seven days', 7 * 86400 + 1, 'must be at most seven days ahead'],
  ])('send_at %s is a 422', async (_case, offset, detail) => {
    const { call, at } = client();
    const refused = await call('POST', '/messages', { ...SMS, send_at: at(offset) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ pointer: '/body/send_at', detail: expect.stringContaining(detail) }]);
  });

  test('send_at exactly seven days ahead is accepted', async () => {
    const { call, at } = client();
    expect((await call('POST', '/messages', { ...SMS, send_at: at(7 * 86400) })).status).toBe(201);
  });

  test('a retried send with the same Idempotency-Key texts once', async () => {
    const { call } = client();
    const headers = { 'idempotency-key': 'reminder-42' };
    const first = await call('POST', '/messages', SMS, headers);
    const retry = await call('POST', '/messages', SMS, headers);
    expect(retry.body.id).toBe(first.body.id);
    const queued = (await call('GET', '/events?type=message.queued&limit=100')).body.data;
    expect(queued.filter((e: Event) => e.data.object.id === first.body.id)).toHaveLength(1);
    expect(
      (await call('GET', '/messages?limit=100')).body.data.filter((m: { to: string }) => m.to === SMS.to),
    ).toHaveLength(1);
    expect((await call('POST', '/messages', { ...SMS, body: 'Other' }, headers)).status).toBe(409);
  });

  test('refused requests change nothing', async () => {
    const { call, sandbox } = client();
    const before = sandbox.state(KEY, 'messaging');
    const refusals: [string, string, unknown, number][] = [
      ['POST', '/messages', { channel: 'sms', to: '555-0100', body: 'Hi' }, 422],
      ['POST', '/messages', { channel: 'sms', to: '+15555550100', body: 'Hi', template: 'tpl_demo0002' }, 422],
      ['POST', '/messages/msg_demo0001/cancel', undefined, 409],
      ['POST', '/messages/msg_nothere/cancel', undefined, 404],
      ['POST', '/templates', { name: 'login_code', channel: 'sms', body: 'x' }, 409],
      ['POST', '/templates/tpl_demo0001/preview', { variables: { order_id: 1042 } }, 422],
      ['DELETE', '/templates/tpl_nothere', undefined, 404],
    ];
    for (const [method, path, body, status] of refusals) expect((await call(method, path, body)).status).toBe(status);
    expect(sandbox.state(KEY, 'messaging')).toEqual(before);
  });

  test('a fresh sandbox holds the documented messages, and the documented scheduled one stays cancelable', async () => {
    const { call } = client();
    expect((await call('GET', '/messages?status=failed')).body.data.map((m: { id: string }) => m.id)).toEqual([
      'msg_demo0004',
    ]);
    expect((await call('GET', '/events/evt_demo0002')).body.data.object.status).toBe('sent');

    const afterTheDate = createEngineRoomSandbox({ now: () => new Date('2027-03-01T00:00:00Z') });
    const response = (await afterTheDate.handle(
      new Request('http://site.test/sandbox/messaging/v1/messages/msg_demo0003/cancel', {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}` },
      }),
    ))!;
    expect(response.status).toBe(200);
  });
});
