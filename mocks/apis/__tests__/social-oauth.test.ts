/** Social's OAuth flow: authorize, exchange and refresh, scopes, expiry, and every way a request is refused. */
import { describe, expect, test } from 'vitest';
import { APP, client, ids, KEY } from './social-client.ts';

describe('social scenarios', () => {
  test('sign in with OAuth, read the profile, post, like, and find every change in the event log', async () => {
    const { authorize, token, call } = client();
    const granted = await authorize({
      response_type: 'code',
      ...APP,
      scope: 'profile:read posts:read posts:write likes:write',
      state: 'xyz_12345',
    });
    expect(granted).toMatchObject({
      status: 200,
      body: {
        code: 'sac_t1',
        state: 'xyz_12345',
        scope: 'profile:read posts:read posts:write likes:write',
        redirect_to: 'https://app.example.com/callback?code=sac_t1&state=xyz_12345',
      },
    });

    const tokens = await token({ grant_type: 'authorization_code', code: 'sac_t1', ...APP, client_secret: KEY });
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.body).toEqual({
      access_token: 'sat_t2',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'srt_t3',
      scope: 'profile:read posts:read posts:write likes:write',
    });

    const me = await call('GET', '/me', undefined, 'sat_t2');
    expect(me.body).toMatchObject({ id: 'usr_demo0001', handle: 'ada_lovelace', followers_count: 2 });
    const post = await call('POST', '/posts', { text: 'Hello from my app' }, 'sat_t2');
    expect(post).toMatchObject({ status: 201, body: { author: 'usr_demo0001', visibility: 'public', like_count: 0 } });
    const liked = await call('PUT', '/posts/pst_demo0001/like', undefined, 'sat_t2');
    expect(liked.body).toMatchObject({ id: 'pst_demo0001', like_count: 1, liked_by_me: true });

    // Events belong to the app: they are read with the secret key, not the user's token.
    const events = await call('GET', '/events?limit=2');
    expect(events.body.data.map((e: { type: string; data: { object: unknown } }) => [e.type, e.data.object])).toEqual([
      ['post.liked', { object: 'like', post: 'pst_demo0001', user: 'usr_demo0001', created_at: expect.any(String) }],
      ['post.created', post.body],
    ]);
    expect((await call('GET', '/events', undefined, 'sat_t2')).status).toBe(401);
  });

  test('a token granted only profile:read can read the profile but not post: a 403 that names the scope', async () => {
    const { signIn, call, sandbox } = client();
    const { access_token } = await signIn('profile:read');
    expect((await call('GET', '/me', undefined, access_token)).status).toBe(200);
    const before = sandbox.state(KEY, 'social');

    const refused = await call('POST', '/posts', { text: 'Not allowed' }, access_token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ required_scopes: ['posts:write'] });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="posts:write"');
    expect((await call('GET', '/posts', undefined, access_token)).body.required_scopes).toEqual(['posts:read']);
    expect(sandbox.state(KEY, 'social')).toEqual(before);
  });

  test('the documented code and refresh token work in a fresh sandbox, once each', async () => {
    const { token, call } = client();
    const documented = {
      grant_type: 'authorization_code',
      code: 'sac_Q3r8Lm2Vx9Tb',
      redirect_uri: 'https://app.example.com/oauth/callback',
      client_id: 'app_demo0001',
      client_secret: KEY,
    };
    const first = await token(documented);
    expect(first.body.scope).toBe('profile:read posts:read posts:write');
    expect((await call('GET', '/me', undefined, first.body.access_token)).status).toBe(200);
    expect(await token(documented)).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_grant',
        detail: 'The authorization code sac_Q3r8Lm2Vx9Tb was already used. Start the flow again.',
      },
    });

    const refresh = { grant_type: 'refresh_token', refresh_token: 'srt_Hn4Wc8Zp1Ye6Ks3J', client_id: 'app_demo0001' };
    expect((await token({ ...refresh, client_secret: KEY })).status).toBe(200);
    expect((await token({ ...refresh, client_secret: KEY })).body.error).toBe('invalid_grant');
  });

  test('refresh tokens rotate, access tokens expire after an hour, and tokens stay with their key', async () => {
    const { signIn, token, call, wait } = client();
    const first = await signIn('profile:read');
    wait(3599);
    expect((await call('GET', '/me', undefined, first.access_token)).status).toBe(200);
    wait(1);
    expect((await call('GET', '/me', undefined, first.access_token)).status).toBe(401);

    const refresh = { grant_type: 'refresh_token', client_id: APP.client_id, client_secret: KEY };
    const second = await token({ ...refresh, refresh_token: first.refresh_token });
    expect(second.body).toMatchObject({ scope: 'profile:read', expires_in: 3600 });
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await call('GET', '/me', undefined, second.body.access_token)).status).toBe(200);
    expect((await token({ ...refresh, refresh_token: first.refresh_token })).body.error).toBe('invalid_grant');

    const stolen = await token({
      ...refresh,
      refresh_token: second.body.refresh_token,
      client_secret: 'sk_test_another1',
    });
    expect(stolen.body).toMatchObject({ error: 'invalid_grant', errors: [{ pointer: '/body/client_secret' }] });
  });

  test('a token acts in the sandbox of the secret key that obtained it', async () => {
    const { signIn, call } = client();
    const { access_token } = await signIn('posts:read posts:write', 'sk_test_other_app');
    const post = await call('POST', '/posts', { text: 'Posted by the other app' }, access_token);
    expect(ids((await call('GET', '/posts', undefined, 'sk_test_other_app')).body)).toContain(post.body.id);
    expect(ids((await call('GET', '/posts')).body)).not.toContain(post.body.id);
  });

  test.each([
    ['another redirect_uri', { redirect_uri: 'https://evil.example.com/cb' }, '/body/redirect_uri'],
    ['another client_id', { client_id: 'app_other' }, '/body/client_id'],
    ['a code the sandbox never issued', { code: 'sac_madeup' }, '/body/code'],
  ])('exchanging a code with %s is invalid_grant', async (_case, change, pointer) => {
    const { authorize, token } = client();
    const granted = await authorize({ response_type: 'code', ...APP, scope: 'profile:read', state: 'state12345' });
    const refused = await token({
      grant_type: 'authorization_code',
      code: granted.body.code,
      ...APP,
      client_secret: KEY,
      ...change,
    });
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_grant', errors: [{ pointer }] } });
  });

  test('a code expires after ten minutes', async () => {
    const { authorize, token, wait } = client();
    const granted = await authorize({ response_type: 'code', ...APP, scope: 'profile:read', state: 'state12345' });
    wait(600);
    const late = await token({ grant_type: 'authorization_code', code: granted.body.code, ...APP, client_secret: KEY });
    expect(late.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ pointer: '/body/code', detail: 'has expired' }],
    });
  });

  const authorizeQuery = { response_type: 'code', ...APP, scope: 'profile:read', state: 'state12345' };
  test.each([
    ['no state', 400, 'invalid_request', 'The state parameter is required.', { state: undefined }],
    ['response_type=token', 400, 'unsupported_response_type', 'response_type=code', { response_type: 'token' }],
    ['an unknown scope', 400, 'invalid_scope', 'Valid scopes are', { scope: 'profile:read posts:delete' }],
    ['a comma between scopes', 400, 'invalid_scope', 'single spaces', { scope: 'profile:read,posts:read' }],
    [
      'a fragment in redirect_uri',
      400,
      'invalid_request',
      'fragment',
      { redirect_uri: 'https://app.example.com/cb#x' },
    ],
  ])('authorize with %s: %i %s', async (_case, status, error, detail, change) => {
    const { authorize } = client();
    const query = Object.fromEntries(
      Object.entries({ ...authorizeQuery, ...change }).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const refused = await authorize(query);
    expect(refused).toMatchObject({ status, body: { error, detail: expect.stringContaining(detail) } });
  });

  const tokenRequest = {
    grant_type: 'authorization_code',
    code: 'sac_Q3r8Lm2Vx9Tb',
    redirect_uri: 'https://app.example.com/oauth/callback',
    client_id: 'app_demo0001',
    client_secret: KEY,
  };
  test.each([
    ['grant_type=password', 400, 'unsupported_grant_type', { grant_type: 'password' }],
    ['a client_secret that is not a secret key', 401, 'invalid_client', { client_secret: 'hunter2' }],
    ['no code', 400, 'invalid_request', { code: undefined }],
    ['a malformed refresh token', 400, 'invalid_request', { grant_type: 'refresh_token', refresh_token: 'x' }],
  ])('token request with %s: %i %s', async (_case, status, error, change) => {
    const { token } = client();
    const fields = Object.fromEntries(
      Object.entries({ ...tokenRequest, ...change }).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const refused = await token(fields);
    expect(refused).toMatchObject({ status, body: { error } });
    expect(refused.headers.get('cache-control')).toBe('no-store');
    if (status === 401) expect(refused.headers.get('www-authenticate')).toBeTruthy();
    // Nothing was spent: the documented code still works.
    expect((await token(tokenRequest)).status).toBe(200);
  });

  test('a JSON token request is a 415 that still carries an OAuth error', async () => {
    const { call } = client();
    const refused = await call('POST', '/oauth/token', tokenRequest);
    expect(refused).toMatchObject({ status: 415, body: { error: 'invalid_request' } });
  });
});
