import { createSandbox } from '../../core/sandbox.ts';
import { specs } from '../../generated/specs.ts';
import { apis } from '../index.ts';
import { social } from '../social.ts';
import { seedSocial, type StoredPost } from '../social/seed.ts';

export const KEY = 'sk_test_social01';
export const APP = { client_id: 'app_test01', redirect_uri: 'https://app.example.com/callback' };

export interface Call {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read as the reader would read JSON
  body: any;
}

/**
 * A sandbox with a movable clock. `extraPosts` start in the seed: the API offers no way to write as anyone but the
 * signed-in user, so a post by someone else that she may not see can only come from there.
 */
export function client(extraPosts: StoredPost[] = []) {
  let clock = new Date('2026-11-25T12:00:00Z');
  let n = 0;
  const seeded = { ...social, seed: () => ({ ...seedSocial(), posts: [...extraPosts, ...seedSocial().posts] }) };
  const sandbox = createSandbox({
    specs,
    apis: { ...apis, social: seeded as (typeof apis)['social'] },
    now: () => clock,
    randomId: (prefix) => `${prefix}t${++n}`,
  });
  const send = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string }) => {
    const response = (await sandbox.handle(
      new Request(`http://site.test/sandbox/social/v1${path}`, { method, ...init, body: init.body ?? null }),
    ))!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined } as Call;
  };
  /** A request with a credential: the secret key unless a token is given. */
  const call = (method: string, path: string, body?: unknown, credential = KEY, headers: Record<string, string> = {}) =>
    send(method, path, {
      headers: {
        authorization: `Bearer ${credential}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const authorize = (query: Record<string, string>) =>
    send('GET', `/oauth/authorize?${new URLSearchParams(query)}`, {});
  const token = (fields: Record<string, string>) =>
    send('POST', '/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  /** Authorize and exchange the code: the access and refresh tokens for these scopes. */
  const signIn = async (scope: string, secret = KEY) => {
    const granted = await authorize({ response_type: 'code', ...APP, scope, state: 'state12345' });
    const tokens = await token({
      grant_type: 'authorization_code',
      code: granted.body.code,
      ...APP,
      client_secret: secret,
    });
    return tokens.body as { access_token: string; refresh_token: string };
  };
  const wait = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  return { sandbox, call, authorize, token, signIn, wait };
}

export const ids = (list: { data: { id: string }[] }) => list.data.map((item) => item.id);
