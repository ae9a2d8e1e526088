import { describe, expect, test } from 'vitest';
import type { OpenApiDocument } from '../openapi.ts';
import { createSandbox } from '../sandbox.ts';

const KEY = 'sk_test_mountpaths';

/** A vendor document whose server has no path: its paths carry the version, as Stripe's and Twilio's do. */
const vendor = (servers: OpenApiDocument['servers']): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'Vendor', version: '1' },
  ...(servers ? { servers } : {}),
  paths: {
    '/v1/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The thing',
            content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } },
          },
        },
      },
    },
  },
});

const get = async (document: OpenApiDocument, path: string, mount = '/sandbox/') => {
  const sandbox = createSandbox({ specs: { vendor: document }, mount });
  const response = await sandbox.handle(
    new Request(`http://site.test${path}`, { headers: { authorization: `Bearer ${KEY}` } }),
  );
  return { status: response!.status, body: (await response!.json()) as { detail?: string } };
};

describe('an API is served under its name plus its first server path', () => {
  test.each([
    ['a host without a path', [{ url: 'https://api.vendor.example' }], '/sandbox/vendor/v1/things/t_1'],
    ['a relative server', [{ url: '/api' }], '/sandbox/vendor/api/v1/things/t_1'],
    [
      'a server with variables',
      [
        {
          url: 'https://{region}.vendor.example/{base}',
          variables: { region: { default: 'eu' }, base: { default: 'rest' } },
        },
      ],
      '/sandbox/vendor/rest/v1/things/t_1',
    ],
    ['no servers', undefined, '/sandbox/vendor/v1/things/t_1'],
  ])('%s: the paths a vendor client builds work unchanged', async (_name, servers, path) => {
    const { status } = await get(vendor(servers), path);
    expect(status).toBe(200);
  });

  test('the old version prefix is not added in front of the spec’s own paths', async () => {
    const { status, body } = await get(
      vendor([{ url: 'https://api.vendor.example' }]),
      '/sandbox/vendor/v1/v1/things/t_1',
    );
    expect(status).toBe(404);
    expect(body.detail).toMatch(/no path/);
  });

  test('a URL outside the server path is a 404 that says where the API is served', async () => {
    const { status, body } = await get(
      vendor([{ url: 'https://api.vendor.example/api' }]),
      '/sandbox/vendor/v1/things/t_1',
    );
    expect(status).toBe(404);
    expect(body.detail).toBe(
      'The vendor sandbox is served at /sandbox/vendor/api, the path of its document’s first server.',
    );
  });

  test('the local server mount serves the same root', async () => {
    const { status } = await get(vendor([{ url: 'https://api.vendor.example/api' }]), '/vendor/api/v1/things/t_1', '/');
    expect(status).toBe(200);
  });
});
