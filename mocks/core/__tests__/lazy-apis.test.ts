import { describe, expect, test } from 'vitest';
import type { ApiDefinition } from '../define-api.ts';
import { createSandbox, type LoadedApi } from '../sandbox.ts';
import { notesSpec } from './fixture-spec.ts';

const KEY = 'sk_test_notes1234';
const notes: ApiDefinition<unknown> = {
  seed: () => ({}),
  handlers: { getNote: ({ input }) => ({ status: 200, body: { id: String(input.path.id), text: 'handled' } }) },
};

/** A sandbox with `notes` (and a second API) registered lazily, counting how often each loader runs. */
function lazySandbox(
  load: (api: string) => Promise<LoadedApi> = async () => ({ document: notesSpec, definition: notes }),
) {
  const loads: string[] = [];
  const loader = (api: string) => () => {
    loads.push(api);
    return load(api);
  };
  const sandbox = createSandbox({ specs: {}, lazyApis: { notes: loader('notes'), other: loader('other') } });
  const get = (path: string) =>
    sandbox.handle(new Request(`http://site.test/sandbox/${path}`, { headers: { authorization: `Bearer ${KEY}` } }));
  return { sandbox, loads, get };
}

describe('APIs registered to load on first use', () => {
  test('are listed before they load, and only the API a request calls is loaded, once', async () => {
    const { sandbox, loads, get } = lazySandbox();
    expect(sandbox.apis).toEqual(['notes', 'other']);
    expect(loads).toEqual([]);
    const answers = await Promise.all([get('notes/v1/notes/note_1'), get('notes/v1/notes/note_2')]);
    expect(answers.map((answer) => answer!.status)).toEqual([200, 200]);
    // The hand-written handler came with the spec.
    expect(await answers[0]!.json()).toEqual({ id: 'note_1', text: 'handled' });
    expect(loads).toEqual(['notes']);
    expect(sandbox.engine('notes').document).toBe(notesSpec);
  });

  test('say how to load them when their engine is asked for too early', async () => {
    const { sandbox } = lazySandbox();
    expect(() => sandbox.engine('notes')).toThrow(
      'The sandbox API "notes" is not loaded yet: await sandbox.load("notes") first.',
    );
    expect((await sandbox.load('notes')).document).toBe(notesSpec);
    await expect(sandbox.load('nothing')).rejects.toThrow('No spec for the sandbox API "nothing"');
  });

  test('an unknown API is a 404 naming the registered ones, without loading any', async () => {
    const { loads, get } = lazySandbox();
    const answer = await get('nothing/v1/notes');
    expect(answer!.status).toBe(404);
    expect((await answer!.json()).detail).toBe('There is no sandbox API named "nothing". Try one of: notes, other.');
    expect(loads).toEqual([]);
  });

  test('a load that fails is a 500 problem, and the next request tries again', async () => {
    let calls = 0;
    const { loads, get } = lazySandbox(async () => {
      if (++calls === 1) throw new Error('Failed to fetch dynamically imported module');
      return { document: notesSpec, definition: notes };
    });
    const failed = await get('notes/v1/notes/note_1');
    expect(failed!.status).toBe(500);
    expect((await failed!.json()).detail).toBe(
      'The sandbox failed to answer: Failed to fetch dynamically imported module',
    );
    expect((await get('notes/v1/notes/note_1'))!.status).toBe(200);
    expect(loads).toEqual(['notes', 'notes']);
  });
});
