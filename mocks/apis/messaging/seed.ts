import type { components } from '../../generated/types/messaging.ts';

type Message = components['schemas']['Message'];
type Template = components['schemas']['Template'];

export interface MessagingData {
  /** Newest first, as the lists show them. */
  messages: Message[];
  templates: Template[];
}

/** The scheduled push notification the cancel example withdraws, due at the time the spec shows. */
const DOCUMENTED_SEND_AT = '2026-11-26T08:00:00Z';
const DAY = 24 * 60 * 60 * 1000;

const message = (
  fields: Partial<Message> & Pick<Message, 'id' | 'channel' | 'to' | 'body' | 'created_at'>,
): Message => ({
  object: 'message',
  subject: null,
  template: null,
  status: 'queued',
  error_code: null,
  segments: null,
  price: { amount: 0, currency: 'usd' },
  send_at: null,
  updated_at: fields.created_at,
  status_history: [{ status: 'queued', at: fields.created_at }],
  ...fields,
});

/** A finished delivery: queued, sent a second later, and done two seconds after that. */
const history = (queued: string, sent: string, outcome: 'delivered' | 'failed', done: string) => ({
  status: outcome,
  updated_at: done,
  status_history: [
    { status: 'queued' as const, at: queued },
    { status: 'sent' as const, at: sent },
    { status: outcome, at: done },
  ],
});

/** The objects the spec's examples show, so that every documented request works in a fresh sandbox. */
export function seedMessaging(now: Date): MessagingData {
  // msg_demo0003 must still be queued when a reader tries the cancel example, even after the documented date.
  const sendAt =
    now.getTime() < Date.parse(DOCUMENTED_SEND_AT) ? DOCUMENTED_SEND_AT : new Date(now.getTime() + DAY).toISOString();
  return {
    templates: [
      {
        id: 'tpl_demo0002',
        object: 'template',
        name: 'login_code',
        channel: 'sms',
        subject: null,
        body: '{{code}} is your Engine Room sign-in code. It expires in 10 minutes.',
        variables: ['code'],
        created_at: '2026-11-25T09:36:00Z',
      },
      {
        id: 'tpl_demo0001',
        object: 'template',
        name: 'order_shipped',
        channel: 'email',
        subject: 'Your order {{order_id}} has shipped',
        body: 'Hi {{first_name}}, your order {{order_id}} is on its way. Track it at {{tracking_url}}.',
        variables: ['order_id', 'first_name', 'tracking_url'],
        created_at: '2026-11-25T09:35:00Z',
      },
    ],
    messages: [
      message({
        id: 'msg_demo0003',
        channel: 'push',
        to: 'dev_demo0001',
        subject: 'Order 1042 is out for delivery',
        body: 'Your parcel arrives today between 2 and 4 pm.',
        send_at: sendAt,
        created_at: '2026-11-25T09:55:00Z',
      }),
      message({
        id: 'msg_demo0004',
        channel: 'sms',
        to: '+15550000000',
        body: 'This message will fail three seconds after it is sent.',
        segments: 1,
        price: { amount: 1, currency: 'usd' },
        error_code: 'number_unreachable',
        created_at: '2026-11-25T09:50:00Z',
        ...history('2026-11-25T09:50:00Z', '2026-11-25T09:50:01Z', 'failed', '2026-11-25T09:50:03Z'),
      }),
      message({
        id: 'msg_demo0002',
        channel: 'email',
        to: 'ada@example.com',
        subject: 'Your order 1042 has shipped',
        body: 'Hi Ada, your order 1042 is on its way. Track it at https://track.example.com/1042.',
        template: 'tpl_demo0001',
        created_at: '2026-11-25T09:45:00Z',
        ...history('2026-11-25T09:45:00Z', '2026-11-25T09:45:01Z', 'delivered', '2026-11-25T09:45:03Z'),
      }),
      message({
        id: 'msg_demo0001',
        channel: 'sms',
        to: '+15555550100',
        body: '428913 is your Engine Room sign-in code. It expires in 10 minutes.',
        template: 'tpl_demo0002',
        segments: 1,
        price: { amount: 1, currency: 'usd' },
        created_at: '2026-11-25T09:40:00Z',
        ...history('2026-11-25T09:40:00Z', '2026-11-25T09:40:01Z', 'delivered', '2026-11-25T09:40:03Z'),
      }),
    ],
  };
}
