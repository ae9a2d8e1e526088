import { describe, expect, test } from 'vitest';
import { apis } from '../apis/index.ts';
import { apiLoaders } from '../apis/loaders.ts';
import { createEngineRoomSandbox } from '../catalog.ts';
import { specs } from '../generated/specs.ts';
import { specLoaders } from '../generated/spec-loaders.ts';
import { createLazyEngineRoomSandbox } from '../lazy-catalog.ts';

/** The browser's sandbox (every API loaded on first use) must be the same sandbox as Node's (all loaded at once). */
describe('the sandbox that loads each API on first use', () => {
  test('has a loader for every spec and for every API with handlers', async () => {
    expect(Object.keys(specLoaders)).toEqual(Object.keys(specs));
    expect(Object.keys(apiLoaders).sort()).toEqual(Object.keys(apis).sort());
    for (const [api, load] of Object.entries(apiLoaders)) expect(await load(), api).toBe(apis[api]);
    for (const [api, load] of Object.entries(specLoaders)) expect(await load(), api).toEqual(specs[api]);
  });

  test('answers like the eager sandbox, and loads only the API it was asked about', async () => {
    const lazy = createLazyEngineRoomSandbox({ now: () => new Date('2026-01-01T00:00:00Z'), randomId: (p) => `${p}1` });
    const eager = createEngineRoomSandbox({ now: () => new Date('2026-01-01T00:00:00Z'), randomId: (p) => `${p}1` });
    expect(lazy.apis).toEqual(eager.apis);
    const request = () =>
      new Request('http://site.test/sandbox/payments/v1/customers', {
        headers: { authorization: 'Bearer sk_test_lazy1234' },
      });
    const [fromLazy, fromEager] = await Promise.all([lazy.handle(request()), eager.handle(request())]);
    expect(fromLazy!.status).toBe(200);
    expect(await fromLazy!.text()).toBe(await fromEager!.text());
    expect(() => lazy.engine('social')).toThrow(/not loaded yet/);
  });
});
