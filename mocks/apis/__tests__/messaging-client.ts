import { sandboxClient } from './sandbox-client.ts';

export const KEY = 'sk_test_messaging01';
const START = '2026-11-25T12:00:00.000Z';

export interface Event {
  id: string;
  type: string;
  data: { object: { id: string; status: string; error_code: string | null } };
}

/** A sandbox whose clock stands still until the test moves it. */
export function client() {
  const { sandbox, call, advance: wait } = sandboxClient('messaging', KEY, START);
  const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();
  const eventsFor = async (messageId: string): Promise<Event[]> =>
    (await call('GET', '/events?limit=100')).body.data.filter((e: Event) => e.data.object.id === messageId);
  return { sandbox, call, wait, at, eventsFor };
}

export const SMS = { channel: 'sms', to: '+15555550101', body: 'Your table is ready.' };
