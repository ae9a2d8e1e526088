/** Social's posts, likes and follows: who sees what, idempotent likes and follows, and refusals that change nothing. */
import { describe, expect, test } from 'vitest';
import { client, ids, KEY } from './social-client.ts';

describe('social scenarios', () => {
  test('followers-only posts are seen by followers and the author, and are a 404 for everyone else', async () => {
    const { call } = client([
      {
        id: 'pst_gracePrivate',
        object: 'post',
        author: 'usr_demo0002',
        text: 'For my followers only',
        visibility: 'followers',
        created_at: '2026-11-25T11:00:00Z',
      },
    ]);
    // Ada follows Grace in the seed.
    expect(ids((await call('GET', '/posts')).body)[0]).toBe('pst_gracePrivate');
    expect((await call('GET', '/posts/pst_gracePrivate')).status).toBe(200);

    expect((await call('DELETE', '/me/following/usr_demo0002')).status).toBe(204);
    expect(ids((await call('GET', '/posts?author=usr_demo0002')).body)).toEqual(['pst_demo0001']);
    for (const [method, path] of [
      ['GET', '/posts/pst_gracePrivate'],
      ['PUT', '/posts/pst_gracePrivate/like'],
      ['DELETE', '/posts/pst_gracePrivate'],
    ] as const) {
      expect(await call(method, path)).toMatchObject({
        status: 404,
        body: { detail: 'No post with id pst_gracePrivate exists in this sandbox.' },
      });
    }

    const own = await call('POST', '/posts', { text: 'Only for my followers', visibility: 'followers' });
    expect((await call('GET', `/posts/${own.body.id}`)).body.visibility).toBe('followers');
  });

  test("deleting someone else's post is a 403 without required_scopes; deleting your own announces it as it was", async () => {
    const { call } = client();
    const refused = await call('DELETE', '/posts/pst_demo0001');
    expect(refused).toMatchObject({
      status: 403,
      body: { detail: 'Post pst_demo0001 belongs to usr_demo0002. You can delete only your own posts.' },
    });
    expect(refused.body.required_scopes).toBeUndefined();

    const liked = await call('PUT', '/posts/pst_demo0002/like');
    expect(await call('DELETE', '/posts/pst_demo0002')).toMatchObject({
      status: 200,
      body: { id: 'pst_demo0002', object: 'post', deleted: true },
    });
    expect((await call('GET', '/posts/pst_demo0002')).status).toBe(404);
    const [deleted] = (await call('GET', '/events?type=post.deleted')).body.data;
    expect(deleted.data.object).toEqual(liked.body);
  });

  test('likes are idempotent: a double tap counts once and is announced once; unliking is silent', async () => {
    const { call } = client();
    await call('PUT', '/posts/pst_demo0001/like');
    expect((await call('PUT', '/posts/pst_demo0001/like')).body).toMatchObject({ like_count: 1, liked_by_me: true });
    // The documented example event (evt_demo0002), and this like once.
    const likes = (await call('GET', '/events?type=post.liked&limit=100')).body.data;
    expect(likes.map((e: { id: string }) => e.id)).toEqual([expect.not.stringMatching('evt_demo'), 'evt_demo0002']);
    for (let i = 0; i < 2; i++) {
      const unliked = await call('DELETE', '/posts/pst_demo0001/like');
      expect(unliked).toMatchObject({ status: 200, body: { like_count: 0, liked_by_me: false } });
    }
    expect((await call('GET', '/events?limit=1')).body.data[0].type).toBe('post.liked');
  });

  test('following is idempotent, updates the counts, and refuses yourself', async () => {
    const { call, wait } = client();
    const first = await call('PUT', '/me/following/usr_demo0003');
    expect(first.body).toMatchObject({ object: 'follow', follower: 'usr_demo0001', followed: 'usr_demo0003' });
    wait(60);
    expect((await call('PUT', '/me/following/usr_demo0003')).body).toEqual(first.body);
    expect((await call('GET', '/events?type=follower.added&limit=100')).body.data).toHaveLength(1);

    expect((await call('GET', '/users/usr_demo0003')).body).toMatchObject({ followers_count: 1, following_count: 1 });
    expect((await call('GET', '/me')).body).toMatchObject({ followers_count: 2, following_count: 2 });
    expect(ids((await call('GET', '/users/usr_demo0003/followers')).body)).toEqual(['usr_demo0001']);
    expect(ids((await call('GET', '/users/usr_demo0001/followers')).body)).toEqual(['usr_demo0003', 'usr_demo0002']);

    for (let i = 0; i < 2; i++) expect((await call('DELETE', '/me/following/usr_demo0003')).status).toBe(204);
    expect((await call('GET', '/users/usr_demo0003')).body.followers_count).toBe(0);

    expect(await call('PUT', '/me/following/usr_demo0001')).toMatchObject({
      status: 422,
      body: { errors: [{ pointer: '/path/id', detail: "must be another user's id" }] },
    });
    expect((await call('PUT', '/me/following/usr_nobody')).status).toBe(404);
  });

  test('a retried post with the same Idempotency-Key publishes once', async () => {
    const { call } = client();
    const headers = { 'idempotency-key': 'post-1' };
    const first = await call('POST', '/posts', { text: 'Once' }, KEY, headers);
    const retry = await call('POST', '/posts', { text: 'Once' }, KEY, headers);
    expect(retry.body.id).toBe(first.body.id);
    expect((await call('GET', '/posts?author=usr_demo0001')).body.data).toHaveLength(2);
    expect((await call('POST', '/posts', { text: 'Twice' }, KEY, headers)).status).toBe(409);
  });

  test('refused requests change nothing', async () => {
    const { call, sandbox } = client();
    await call('GET', '/me');
    const before = sandbox.state(KEY, 'social');
    const refusals: [string, string, unknown, number][] = [
      ['POST', '/posts', { text: '   ' }, 422],
      ['POST', '/posts', { text: 'x'.repeat(281) }, 422],
      ['DELETE', '/posts/pst_demo0001', undefined, 403],
      ['PUT', '/posts/pst_nothere/like', undefined, 404],
      ['PUT', '/me/following/usr_demo0001', undefined, 422],
      ['GET', '/users/me', undefined, 400],
    ];
    for (const [method, path, body, status] of refusals) expect((await call(method, path, body)).status).toBe(status);
    expect(sandbox.state(KEY, 'social')).toEqual(before);
  });
});
