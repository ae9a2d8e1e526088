/** Storage's object store: uploads and downloads byte for byte, ETags, listing by prefix, deletes, buckets. */
import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../catalog.ts';
import { client, md5, objectUrl, PNG_LIKE } from './storage-client.ts';

describe('storage: objects', () => {
  test('a binary upload under a key with slashes comes back byte for byte, with its type and ETag', async () => {
    const { send, call, events } = client();
    expect((await call('POST', '/buckets', { name: 'product-images' })).status).toBe(201);
    const key = 'avatars/2026/ada lovelace.png';

    const put = await send('PUT', objectUrl('product-images', key), PNG_LIKE, { 'content-type': 'image/png' });
    expect(put.status).toBe(200);
    const stored = await put.json();
    expect(stored).toEqual({
      object: 'storage_object',
      key,
      bucket: 'product-images',
      size: PNG_LIKE.length,
      content_type: 'image/png',
      etag: md5(PNG_LIKE),
      created_at: '2026-11-26T09:00:00.000Z',
    });
    expect(put.headers.get('etag')).toBe(stored.etag);

    const got = await send('GET', objectUrl('product-images', key));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('etag')).toBe(stored.etag);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG_LIKE);

    const created = (await events())[0]!;
    expect(created).toMatchObject({ type: 'object.created', data: { object: stored } });
    expect(created.data.object).not.toHaveProperty('data');
  });

  test('the seeded text file downloads as documented, with the MD5 ETag of the spec’s examples', async () => {
    const { send } = client();
    const got = await send('GET', objectUrl('user-uploads', 'notes/hello.txt'));
    expect(got.headers.get('content-type')).toBe('text/plain');
    expect(got.headers.get('etag')).toBe('"96d9cc0506e87a473d67698517837f1c"');
    expect(await got.text()).toBe('Hello from Engine Room!\n');
  });

  test('JSON and text are stored exactly as sent, whitespace included', async () => {
    const { send } = client();
    const json = '{\n  "theme": "light",\n  "font_size": 14\n}\n';
    await send('PUT', objectUrl('user-uploads', 'settings/grace.json'), json, { 'content-type': 'application/json' });
    const got = await send('GET', objectUrl('user-uploads', 'settings/grace.json'));
    expect(got.headers.get('content-type')).toBe('application/json');
    expect(await got.text()).toBe(json);

    const csv = 'sku,quantity\nMUG-01,2\nCAFÉ-07,1\n';
    const put = await send('PUT', objectUrl('user-uploads', 'exports/2026-11.csv'), csv, {
      'content-type': 'text/csv',
    });
    expect((await put.json()).size).toBe(new TextEncoder().encode(csv).length);
    expect(await (await send('GET', objectUrl('user-uploads', 'exports/2026-11.csv'))).text()).toBe(csv);
  });

  test('the ETag depends on the content only: the same bytes give the same ETag, new bytes a new one', async () => {
    const { send } = client();
    const etagOf = async (key: string, body: string) =>
      (await send('PUT', objectUrl('user-uploads', key), body, { 'content-type': 'text/plain' })).headers.get('etag');
    const first = await etagOf('a.txt', 'version one');
    expect(await etagOf('b.txt', 'version one')).toBe(first);
    const replaced = await etagOf('a.txt', 'version two');
    expect(replaced).not.toBe(first);
    expect(replaced).toBe(md5('version two'));
    expect((await send('GET', objectUrl('user-uploads', 'a.txt'))).headers.get('etag')).toBe(replaced);
  });

  test('listing by prefix, in key order, page by page with the last key as cursor', async () => {
    const { send, call } = client();
    for (const key of ['photos/9.png', 'photos/10.png', 'photos/001.png', 'photos/002.png', 'photosynthesis.txt']) {
      await send('PUT', objectUrl('user-uploads', key), key, { 'content-type': 'text/plain' });
    }
    const keys = (page: { body: { data: { key: string }[] } }) => page.body.data.map((o) => o.key);

    const first = await call('GET', '/buckets/user-uploads/objects?prefix=photos/&limit=3');
    expect(keys(first)).toEqual(['photos/001.png', 'photos/002.png', 'photos/10.png']);
    expect(first.body.has_more).toBe(true);
    expect(first.body.data[0]).not.toHaveProperty('data');
    const second = await call(
      'GET',
      `/buckets/user-uploads/objects?prefix=photos/&limit=3&starting_after=${encodeURIComponent('photos/10.png')}`,
    );
    expect(keys(second)).toEqual(['photos/9.png']);
    expect(second.body.has_more).toBe(false);

    const all = await call('GET', '/buckets/user-uploads/objects?limit=100');
    expect(keys(all)).toEqual([
      'notes/hello.txt',
      'photos/001.png',
      'photos/002.png',
      'photos/10.png',
      'photos/9.png',
      'photosynthesis.txt',
      'settings/ada.json',
    ]);
    const stray = await call('GET', '/buckets/user-uploads/objects?starting_after=photos/404.png');
    expect(stray.status).toBe(400);
    expect(stray.body.errors[0].pointer).toBe('/query/starting_after');
  });

  test('deleting an object: 204, then 404, an event with its last metadata, and the bucket shrinks', async () => {
    const { send, call, events } = client();
    expect((await call('GET', '/buckets/user-uploads')).body).toMatchObject({ object_count: 2, size_bytes: 59 });
    const gone = await send('DELETE', objectUrl('user-uploads', 'notes/hello.txt'));
    expect(gone.status).toBe(204);
    expect(await gone.text()).toBe('');
    const [deleted] = await events();
    expect(deleted).toMatchObject({
      type: 'object.deleted',
      data: { object: { key: 'notes/hello.txt', size: 24, etag: '"96d9cc0506e87a473d67698517837f1c"' } },
    });
    expect((await send('GET', objectUrl('user-uploads', 'notes/hello.txt'))).status).toBe(404);
    const again = await call('DELETE', objectUrl('user-uploads', 'notes/hello.txt'));
    expect(again).toMatchObject({
      status: 404,
      body: { detail: "Bucket 'user-uploads' has no object with key 'notes/hello.txt'." },
    });
    expect((await call('GET', '/buckets/user-uploads')).body).toMatchObject({ object_count: 1, size_bytes: 35 });
  });

  test('refused uploads store nothing: too large, unknown bucket', async () => {
    const { send, call, events } = client();
    const before = await events();
    const big = await send('PUT', objectUrl('user-uploads', 'big.bin'), new Uint8Array(1024 * 1024 + 1), {
      'content-type': 'application/octet-stream',
    });
    expect(big.status).toBe(413);
    const exactly = await send('PUT', objectUrl('user-uploads', 'max.bin'), new Uint8Array(1024 * 1024), {
      'content-type': 'application/octet-stream',
    });
    expect((await exactly.json()).size).toBe(1024 * 1024);
    await send('DELETE', objectUrl('user-uploads', 'max.bin'));

    const nowhere = await call('PUT', objectUrl('user-uplods', 'a.txt'), 'hi');
    expect(nowhere).toMatchObject({
      status: 404,
      body: { detail: "There is no bucket named 'user-uplods'. Create it with POST /buckets first." },
    });
    expect((await call('GET', '/buckets/user-uploads/objects')).body.data).toHaveLength(2);
    expect((await events()).slice(2)).toEqual(before);
  });
});

describe('storage: buckets', () => {
  test('create, list in name order with counts, refuse duplicates and bad names, delete only when empty', async () => {
    const { call, send } = client();
    const created = await call('POST', '/buckets', { name: 'product-images' });
    expect(created).toMatchObject({
      status: 201,
      body: { object: 'bucket', name: 'product-images', object_count: 0, size_bytes: 0 },
    });
    expect((await call('POST', '/buckets', { name: 'product-images' })).status).toBe(409);
    const badName = await call('POST', '/buckets', { name: 'Product_Images' });
    expect(badName.status).toBe(422);
    expect(badName.body.errors[0].pointer).toBe('/body/name');

    const list = await call('GET', '/buckets');
    expect(list.body.data.map((b: { name: string }) => b.name)).toEqual([
      'old-exports',
      'product-images',
      'user-uploads',
    ]);
    expect(list.body.data[2]).toMatchObject({ object_count: 2, size_bytes: 59 });
    const paged = await call('GET', '/buckets?limit=1&starting_after=old-exports');
    expect(paged.body).toMatchObject({ has_more: true, data: [{ name: 'product-images' }] });

    const full = await call('DELETE', '/buckets/user-uploads');
    expect(full).toMatchObject({
      status: 409,
      body: { detail: "Bucket 'user-uploads' still holds 2 objects. Delete them before deleting the bucket." },
    });
    expect((await call('GET', '/buckets/user-uploads/objects')).body.data).toHaveLength(2);

    expect((await send('DELETE', '/buckets/old-exports')).status).toBe(204);
    expect((await call('GET', '/buckets/old-exports')).status).toBe(404);
  });
});

describe('uploads are stored as sent', () => {
  test.each([
    ['no Content-Type at all', undefined, 'application/octet-stream'],
    ['a charset parameter', 'text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
  ])('an upload with %s is kept byte for byte, with its content type', async (_case, contentType, stored) => {
    const sandbox = createEngineRoomSandbox();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0a]);
    const url = 'http://site.test/sandbox/storage/v1/buckets/user-uploads/objects/raw%2Fupload.bin';
    const headers: Record<string, string> = { authorization: 'Bearer sk_test_uploads_raw1' };
    if (contentType) headers['content-type'] = contentType;
    const put = (await sandbox.handle(new Request(url, { method: 'PUT', headers, body: bytes })))!;
    expect(put.status).toBe(200);
    const got = (await sandbox.handle(new Request(url, { headers })))!;
    expect(got.headers.get('content-type')).toBe(stored);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });

  test('an empty file is a file', async () => {
    const sandbox = createEngineRoomSandbox();
    const url = 'http://site.test/sandbox/storage/v1/buckets/user-uploads/objects/empty.txt';
    const headers = { authorization: 'Bearer sk_test_uploads_raw1', 'content-type': 'text/plain' };
    expect((await sandbox.handle(new Request(url, { method: 'PUT', headers, body: new Uint8Array() })))!.status).toBe(
      200,
    );
    const got = (await sandbox.handle(new Request(url, { headers })))!;
    expect((await got.arrayBuffer()).byteLength).toBe(0);
  });
});
