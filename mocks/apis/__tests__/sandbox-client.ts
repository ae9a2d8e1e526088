import { createEngineRoomSandbox } from '../../catalog.ts';

/**
 * A test client for one sandbox API: a fresh sandbox with predictable ids and a clock that stands still until the
 * test moves it, and `call()`, which sends JSON (or raw text) with the key and returns the parsed answer.
 */
export function sandboxClient(api: string, key: string, start = '2026-11-25T12:00:00Z') {
  let n = 0;
  let clock = new Date(start);
  const sandbox = createEngineRoomSandbox({ now: () => clock, randomId: (prefix) => `${prefix}t${++n}` });
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = (await sandbox.handle(
      new Request(`http://site.test/sandbox/${api}/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    ))!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  /** Move the clock forward by `seconds`. */
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  return { sandbox, call, advance };
}
