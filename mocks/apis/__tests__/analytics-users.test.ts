/** The people behind the events: identify's traits, profiles kept in step by tracking, and paging users. */
import { describe, expect, test } from 'vitest';
import { client } from './analytics-client.ts';

describe('analytics scenarios', () => {
  test('identify merges traits: new values replace, null removes, repeats change only last_seen', async () => {
    const { call, advance } = client();
    const first = await call('POST', '/identify', {
      user_id: 'user_2001',
      traits: { email: 'lin@example.com', name: 'Lin', plan: 'free', newsletter: true },
    });
    expect(first).toMatchObject({
      status: 200,
      body: {
        object: 'user',
        user_id: 'user_2001',
        traits: { email: 'lin@example.com', name: 'Lin', plan: 'free', newsletter: true },
        event_count: 0,
        first_seen: '2026-11-25T12:00:00.000Z',
        created_at: '2026-11-25T12:00:00.000Z',
      },
    });

    advance(60_000);
    const changed = await call('POST', '/identify', {
      user_id: 'user_2001',
      traits: { plan: 'team', newsletter: null },
    });
    expect(changed.body.traits).toEqual({ email: 'lin@example.com', name: 'Lin', plan: 'team' });
    expect(changed.body.updated_at).toBe('2026-11-25T12:01:00.000Z');

    advance(60_000);
    const repeated = await call('POST', '/identify', { user_id: 'user_2001', traits: { plan: 'team' } });
    expect(repeated.body).toEqual({ ...changed.body, last_seen: '2026-11-25T12:02:00.000Z' });

    const identified = (await call('GET', '/events?type=user.identified&limit=3')).body.data;
    expect(identified.map((e: { data: { object: { traits: object } } }) => e.data.object.traits)).toEqual([
      repeated.body.traits,
      changed.body.traits,
      first.body.traits,
    ]);
    expect((await call('GET', '/users/user_2001')).body).toEqual(repeated.body);
  });

  test('tracking with a user_id keeps the profile in step: count, first and last seen', async () => {
    const { call } = client();
    await call('POST', '/track', {
      event: 'page_viewed',
      user_id: 'lin@example.com',
      timestamp: '2026-11-24T10:00:00Z',
    });
    await call('POST', '/track', {
      event: 'page_viewed',
      user_id: 'lin@example.com',
      timestamp: '2026-11-20T10:00:00Z',
    });
    await call('POST', '/track', { event: 'page_viewed', anonymous_id: 'anon-1' });

    // User ids may hold characters such as @, so the path is URL-encoded.
    const profile = await call('GET', `/users/${encodeURIComponent('lin@example.com')}`);
    expect(profile.body).toMatchObject({
      event_count: 2,
      first_seen: '2026-11-20T10:00:00.000Z', // the late event moved it back
      last_seen: '2026-11-24T10:00:00.000Z',
      created_at: '2026-11-25T12:00:00.000Z',
      traits: {},
    });
    const users = (await call('GET', '/users?limit=100')).body.data.map((u: { user_id: string }) => u.user_id);
    expect(users).toEqual(['lin@example.com', 'user_1043', 'user_1042']); // newest first, no anonymous profile

    const missing = await call('GET', '/users/user_9999');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("No user with user_id 'user_9999' has been tracked or identified with this key.");
  });

  test('users page with the user_id as the cursor', async () => {
    const { call } = client();
    for (const id of ['u_a', 'u_b', 'u_c']) await call('POST', '/identify', { user_id: id, traits: {} });
    const first = await call('GET', '/users?limit=2');
    expect(first.body).toMatchObject({ has_more: true, data: [{ user_id: 'u_c' }, { user_id: 'u_b' }] });
    const next = await call('GET', '/users?limit=2&starting_after=u_b');
    expect(next.body.data.map((u: { user_id: string }) => u.user_id)).toEqual(['u_a', 'user_1043']);
    expect((await call('GET', '/users?starting_after=nobody')).status).toBe(400);
  });
});
