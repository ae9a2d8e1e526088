import { describe, expect, test } from 'vitest';
import type { ApiDefinition } from '../define-api.ts';
import { ProblemError } from '../problem.ts';
import { createSandbox } from '../sandbox.ts';
import { notesSpec } from './fixture-spec.ts';

const KEY = 'sk_test_beforehook';

/** An API whose `before` hook counts requests in its state, and refuses once the count reaches `refuseAt`. */
function sandboxWithHook(refuseAt = Infinity) {
  const definition: ApiDefinition<{ seen: number; notes: { id: string; text: string }[] }> = {
    seed: () => ({ seen: 0, notes: [] }),
    before: ({ data }) => {
      data.seen += 1;
      if (data.seen >= refuseAt) throw new ProblemError(409, 'The hook refused.');
    },
    handlers: {
      getLatestNote: ({ data }) => ({ status: 200, body: { id: 'note_seen', text: String(data.seen), pinned: false } }),
    },
  };
  const sandbox = createSandbox({
    specs: { notes: notesSpec },
    apis: { notes: definition as ApiDefinition<unknown> },
    mount: '/sandbox/',
  });
  const get = async (path: string) => {
    const response = (await sandbox.handle(
      new Request(`http://site.test/sandbox/notes/v1${path}`, { headers: { authorization: `Bearer ${KEY}` } }),
    ))!;
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const seen = () => (sandbox.state(KEY, 'notes').data as { seen: number }).seen;
  return { get, seen };
}

describe("an API's before hook", () => {
  test('runs before a written handler, inside its transaction, so the handler sees what it changed', async () => {
    const { get, seen } = sandboxWithHook();
    expect((await get('/notes/latest')).body).toMatchObject({ text: '1' });
    expect((await get('/notes/latest')).body).toMatchObject({ text: '2' });
    expect(seen()).toBe(2);
  });

  test('runs before operations no one wrote a handler for, too', async () => {
    const { get, seen } = sandboxWithHook();
    expect((await get('/notes')).status).toBe(200);
    expect(seen()).toBe(1);
  });

  test('a refusal in the hook is the answer, and what the hook changed is not kept', async () => {
    const { get, seen } = sandboxWithHook(2);
    await get('/notes/latest');
    const refused = await get('/notes/latest');
    expect(refused).toMatchObject({ status: 409, body: { detail: 'The hook refused.' } });
    expect(seen()).toBe(1);
  });
});
