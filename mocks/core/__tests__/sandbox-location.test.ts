import { describe, expect, test } from 'vitest';
import { sandboxLocation, serverPath } from '../sandbox-location.ts';

describe('where an API sandbox lives: its name plus its first server path', () => {
  test.each([
    ['a vendor host with a version', [{ url: 'https://discord.com/api/v10' }], '/api/v10'],
    ['a host without a path: the paths carry the version', [{ url: 'https://api.stripe.com/' }], ''],
    ['a relative server', [{ url: '/v2' }], '/v2'],
    ['a trailing slash', [{ url: 'https://petstore.swagger.io/v2/' }], '/v2'],
    [
      'server variables at their defaults',
      [
        {
          url: 'https://{region}.example.com/{version}',
          variables: { region: { default: 'eu' }, version: { default: 'v3' } },
        },
      ],
      '/v3',
    ],
    ['a variable without a default is left out', [{ url: 'https://api.example.com/{tenant}/v1' }], '/v1'],
    ['no servers at all', undefined, ''],
    ['only the first server counts', [{ url: 'https://a.example/one' }, { url: 'https://b.example/two' }], '/one'],
    ['our own documents name the in-browser sandbox', [{ url: '/sandbox/payments/v1' }], '/v1'],
    ['or the local server', [{ url: 'http://localhost:4010/payments/v1' }], '/v1'],
    [
      'a vendor path that merely starts with the name',
      [{ url: 'https://api.example.com/payments/v1' }],
      '/payments/v1',
    ],
  ])('%s', (_name, servers, expected) => {
    expect(serverPath('payments', servers === undefined ? {} : { servers })).toBe(expected);
  });

  test('the browser and local URLs share one root', () => {
    expect(sandboxLocation('discord', { servers: [{ url: 'https://discord.com/api/v10' }] })).toEqual({
      root: 'discord/api/v10',
      browser: '/sandbox/discord/api/v10',
      local: 'http://localhost:4010/discord/api/v10',
    });
  });
});
