import { describe, expect, test } from 'vitest';
import { specs } from '../../../../mocks/generated/specs.ts';
import { EXPLORER_SANDBOX_KEY, scalarConfiguration } from '../scalar-config';

const document = specs['payments']!;

describe('scalarConfiguration', () => {
  test.each([
    ['the root of a host', '/', 'https://example.org/sandbox/payments/v1'],
    ['a sub-path base', '/docs/', 'https://example.org/docs/sandbox/payments/v1'],
    ['a base without its trailing slash', '/docs', 'https://example.org/docs/sandbox/payments/v1'],
  ])('at %s, the in-browser sandbox is the only server', (_name, base, server) => {
    const config = scalarConfiguration({
      api: 'payments',
      document,
      origin: 'https://example.org',
      base,
      colourMode: 'light',
    });
    expect(config.servers).toEqual([expect.objectContaining({ url: server })]);
  });

  test('asks no other host: no proxy, fonts, telemetry, agent or MCP', () => {
    const config = scalarConfiguration({
      api: 'payments',
      document,
      origin: 'https://e.org',
      base: '/',
      colourMode: 'dark',
    });
    expect(config).not.toHaveProperty('proxyUrl');
    expect(config).toMatchObject({
      withDefaultFonts: false,
      telemetry: false,
      hideClientButton: true,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      forceDarkModeState: 'dark',
    });
  });

  test('fills in a sandbox key for the bearer scheme, and gives Scalar a copy of the spec', () => {
    const config = scalarConfiguration({
      api: 'payments',
      document,
      origin: 'https://e.org',
      base: '/',
      colourMode: 'light',
    });
    expect(config.authentication).toEqual({
      preferredSecurityScheme: 'bearerAuth',
      securitySchemes: { bearerAuth: { token: EXPLORER_SANDBOX_KEY } },
    });
    expect(config.content).toEqual(document);
    expect(config.content).not.toBe(document);
  });
});
