/** A webhook reaches the event inbox only for a change the sandbox kept: never for a request it refused. */
import { describe, expect, test } from 'vitest';
import type { ApiDefinition } from '../define-api.ts';
import { ProblemError } from '../problem.ts';
import { createSandbox } from '../sandbox.ts';
import { notesSpec } from './fixture-spec.ts';

const KEY = 'sk_test_deliveries';

/** `GET /notes/latest` records an event, then refuses when `refuse` says so, as a handler finding a conflict late would. */
function sandboxThatEmits(refuse: () => boolean) {
  const definition: ApiDefinition<Record<string, never>> = {
    seed: () => ({}),
    handlers: {
      getLatestNote: async ({ emit }) => {
        await emit('note.viewed', { id: 'note_1' });
        if (refuse()) throw new ProblemError(409, 'Changed meanwhile.');
        return { status: 200, body: { id: 'note_1', text: 'x', pinned: false } };
      },
    },
  };
  const sandbox = createSandbox({
    specs: { notes: notesSpec },
    apis: { notes: definition as ApiDefinition<unknown> },
    mount: '/sandbox/',
  });
  const heard: string[] = [];
  sandbox.onDelivery((delivery) => heard.push(delivery.event));
  const get = async () =>
    (await sandbox.handle(
      new Request('http://site.test/sandbox/notes/v1/notes/latest', { headers: { authorization: `Bearer ${KEY}` } }),
    ))!.status;
  const stored = () => sandbox.state(KEY, 'notes').deliveries.map((delivery) => delivery.event);
  return { get, heard, stored };
}

describe('webhook deliveries', () => {
  test('a handler that records an event and then refuses announces nothing and stores nothing', async () => {
    const { get, heard, stored } = sandboxThatEmits(() => true);
    expect(await get()).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual([]);
    expect(stored()).toEqual([]);
  });

  test('a kept change is announced once, with the delivery the state holds', async () => {
    const { get, heard, stored } = sandboxThatEmits(() => false);
    expect(await get()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual(stored());
    expect(heard).toHaveLength(1);
  });
});
