/** Messaging's templates: placeholders listed, previewed and filled, and every way a template is refused. */
import { describe, expect, test } from 'vitest';
import { client, KEY, SMS } from './messaging-client.ts';

describe('messaging scenarios', () => {
  test('templates: placeholders are listed, previewed, and filled when sending', async () => {
    const { call } = client();
    const created = await call('POST', '/templates', {
      name: 'reminder',
      channel: 'push',
      subject: 'See you at {{ place }}',
      body: 'Hi {{name}}, {{place}} at {{time}}. Keep {{1st}} and {{a-b}} as they are.',
    });
    expect(created).toMatchObject({ status: 201, body: { variables: ['place', 'name', 'time'] } });
    const tpl = created.body.id;

    const missing = await call('POST', `/templates/${tpl}/preview`, { variables: { place: 'the lab' } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      { pointer: '/body/variables/name', detail: "is required by the template's {{name}} placeholder" },
      { pointer: '/body/variables/time', detail: "is required by the template's {{time}} placeholder" },
    ]);

    const variables = { place: 'the lab', name: 'Ada', time: '9:00', unused: 'ignored' };
    const preview = await call('POST', `/templates/${tpl}/preview`, { variables });
    expect(preview.body).toEqual({
      object: 'template_preview',
      template: tpl,
      channel: 'push',
      subject: 'See you at the lab',
      body: 'Hi Ada, the lab at 9:00. Keep {{1st}} and {{a-b}} as they are.',
      segments: null,
    });

    const sent = await call('POST', '/messages', { channel: 'push', to: 'dev_demo0001', template: tpl, variables });
    expect(sent.body).toMatchObject({ template: tpl, subject: preview.body.subject, body: preview.body.body });
  });

  test('an SMS preview counts the segments of the rendered text', async () => {
    const { call } = client();
    const preview = await call('POST', '/templates/tpl_demo0002/preview', { variables: { code: '€'.repeat(60) } });
    expect(preview.body).toMatchObject({ channel: 'sms', subject: null, segments: 2 });
  });

  test('sending with a missing variable is refused and sends nothing', async () => {
    const { call, sandbox } = client();
    const before = sandbox.state(KEY, 'messaging');
    const refused = await call('POST', '/messages', {
      channel: 'email',
      to: 'ada@example.com',
      template: 'tpl_demo0001',
      variables: { first_name: 'Ada', order_id: '1042' },
    });
    expect(refused).toMatchObject({
      status: 422,
      body: {
        detail: 'Template tpl_demo0001 needs a value for every placeholder.',
        errors: [{ pointer: '/body/variables/tracking_url' }],
      },
    });
    expect(sandbox.state(KEY, 'messaging')).toEqual(before);
  });

  test('every reason to refuse a message is listed in one answer', async () => {
    const { call, at } = client();
    const refused = await call('POST', '/messages', {
      channel: 'email',
      to: 'ada@example.com',
      template: 'tpl_demo0001',
      variables: { first_name: 'Ada' },
      send_at: at(-60),
    });
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/body/variables/order_id',
      '/body/variables/tracking_url',
      '/body/send_at',
    ]);
  });

  test.each([
    [
      'an SMS template for an email',
      { channel: 'email', to: 'ada@example.com', template: 'tpl_demo0002', variables: { code: '1' } },
      'is an sms template; use a template for the email channel',
    ],
    [
      'an email template for a push notification',
      { channel: 'push', to: 'dev_demo0001', template: 'tpl_demo0001' },
      'is an email template; use a template for the push channel',
    ],
    [
      'a template that does not exist',
      { channel: 'sms', to: '+15555550100', template: 'tpl_nothere' },
      'refers to tpl_nothere, which does not exist in this sandbox',
    ],
  ])('%s is a 422 at /body/template', async (_case, body, detail) => {
    const { call } = client();
    const refused = await call('POST', '/messages', body);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ pointer: '/body/template', detail }]);
  });

  test('a deleted template refuses new messages; messages sent with it keep their text', async () => {
    const { call } = client();
    const variables = { code: '123456' };
    const sent = await call('POST', '/messages', {
      channel: 'sms',
      to: '+15555550100',
      template: 'tpl_demo0002',
      variables,
    });
    expect(await call('DELETE', '/templates/tpl_demo0002')).toMatchObject({ status: 200, body: { deleted: true } });
    expect((await call('GET', '/templates/tpl_demo0002')).status).toBe(404);
    const refused = await call('POST', '/messages', { ...SMS, body: undefined, template: 'tpl_demo0002', variables });
    expect(refused.status).toBe(422);
    expect((await call('GET', `/messages/${sent.body.id}`)).body).toMatchObject({
      template: 'tpl_demo0002',
      body: '123456 is your Engine Room sign-in code. It expires in 10 minutes.',
    });
  });

  test('template names are unique within a sandbox', async () => {
    const { call } = client();
    const refused = await call('POST', '/templates', { name: 'order_shipped', channel: 'sms', body: 'Shipped!' });
    expect(refused).toMatchObject({
      status: 409,
      body: {
        detail: 'Template tpl_demo0001 is already called order_shipped. Choose another name.',
        errors: [{ pointer: '/body/name', detail: 'is already used by another template' }],
      },
    });
    const list = await call('GET', '/templates?channel=sms');
    expect(list.body.data.map((t: { name: string }) => t.name)).toEqual(['login_code']);
  });
});
