import type { HandlerContext } from '../../core/define-api.ts';
import type { components } from '../../generated/types/messaging.ts';

type Message = components['schemas']['Message'];
type ErrorCode = components['schemas']['ErrorCode'];

const SECOND = 1000;
/** An ordinary message waits this long in the queue before it is handed over. */
const QUEUED_FOR = 1 * SECOND;
/** From handed over to delivered (or failed), for every message, scheduled or not. */
const IN_FLIGHT_FOR = 2 * SECOND;

/** The test recipients of the spec: accepted and sent like any other, then refused by the far end. */
export function failureFor(message: Pick<Message, 'channel' | 'to'>): ErrorCode | null {
  switch (message.channel) {
    case 'sms':
      return message.to.endsWith('0000') ? 'number_unreachable' : null;
    case 'email':
      return message.to.toLowerCase().endsWith('@fail.example.com') ? 'mailbox_unavailable' : null;
    case 'push':
      return message.to.endsWith('0000') ? 'device_unregistered' : null;
  }
}

interface Step {
  message: Message;
  status: 'sent' | 'delivered' | 'failed';
  at: number;
}

/**
 * The changes still ahead of a message. They follow from what it already holds (when it was accepted, `send_at`,
 * when it was sent, the recipient), so nothing but the message itself needs to be stored.
 */
function stepsAhead(message: Message): Step[] {
  const outcome = failureFor(message) ? 'failed' : 'delivered';
  if (message.status === 'queued') {
    const sentAt = message.send_at ? Date.parse(message.send_at) : Date.parse(message.created_at) + QUEUED_FOR;
    return [
      { message, status: 'sent', at: sentAt },
      { message, status: outcome, at: sentAt + IN_FLIGHT_FOR },
    ];
  }
  if (message.status === 'sent') {
    const sentAt = Date.parse(message.status_history.at(-1)!.at);
    return [{ message, status: outcome, at: sentAt + IN_FLIGHT_FOR }];
  }
  return [];
}

/**
 * Bring every message of this key up to the current time, and emit each change's event the first time a request
 * sees that its moment has passed. Called at the start of every handler, so that whatever the reader asks for
 * (a message, a list, the event log) already reflects the schedule. Changes are applied in time order across all
 * messages, so the event log reads as the deliveries happened.
 */
export async function advance(
  context: Pick<HandlerContext<{ messages: Message[] }>, 'data' | 'now' | 'emit'>,
): Promise<void> {
  const now = context.now().getTime();
  const due = context.data.messages
    .flatMap(stepsAhead)
    .filter((step) => step.at <= now)
    .sort((a, b) => a.at - b.at);
  for (const { message, status, at } of due) {
    const iso = new Date(at).toISOString();
    message.status = status;
    message.updated_at = iso;
    message.error_code = status === 'failed' ? failureFor(message) : null;
    message.status_history.push({ status, at: iso });
    // A snapshot: the event shows the message as it was at this step, not after the steps that follow it.
    await context.emit(`message.${status}`, structuredClone(message), new Date(at));
  }
}
