import { createHash } from 'node:crypto';
import { createEngineRoomSandbox } from '../../catalog.ts';

export const KEY = 'sk_test_storage01';
const authorization = `Bearer ${KEY}`;
const BASE = 'http://site.test/sandbox/storage/v1';

/**
 * A storage sandbox with predictable ids and a clock that moves only with `tick()`. Unlike `sandboxClient`, it also
 * sends raw bodies (`send`), since objects are bytes, not JSON.
 */
export function client() {
  let n = 0;
  let clock = new Date('2026-11-26T09:00:00Z');
  const sandbox = createEngineRoomSandbox({ now: () => clock, randomId: (prefix) => `${prefix}t${++n}` });
  /** Any request, with the raw Response back, for bodies that are not JSON. */
  const send = async (method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) =>
    (await sandbox.handle(
      new Request(`${BASE}${path}`, { method, headers: { authorization, ...headers }, body: body ?? null }),
    ))!;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const json = body === undefined ? undefined : JSON.stringify(body);
    const type: Record<string, string> = json ? { 'content-type': 'application/json' } : {};
    const response = await send(method, path, json, { ...type, ...headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const events = async (): Promise<{ type: string; data: { object: unknown } }[]> =>
    (await call('GET', '/events?limit=100')).body.data;
  const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
  return { sandbox, send, call, events, tick };
}

export const objectUrl = (bucket: string, key: string) => `/buckets/${bucket}/objects/${encodeURIComponent(key)}`;
export const md5 = (bytes: Uint8Array | string) => `"${createHash('md5').update(bytes).digest('hex')}"`;

/** A PNG signature and IHDR chunk start, then every byte value: nothing here survives a trip through text. */
const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
export const PNG_LIKE = Uint8Array.from([
  ...PNG_HEADER,
  ...Array.from({ length: 256 }, (_, i) => 255 - i),
  0xff,
  0xd8,
  0x00,
]);
