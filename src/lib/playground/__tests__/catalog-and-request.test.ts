import { describe, expect, test } from 'vitest';
import { specs } from '../../../../mocks/generated/specs.ts';
import { catalogApi, playgroundCatalog, type CatalogOperation } from '../catalog';
import { loadSpec } from '../../../../mocks/load-spec.ts';
import { exampleFor, outgoingRequest } from '../../../browser/playground/request';

const catalog = playgroundCatalog(specs);
const find = (api: string, id: string): CatalogOperation => {
  const found = catalog.find((entry) => entry.api === api)?.operations.find((operation) => operation.id === id);
  if (!found) throw new Error(`no ${api} ${id}`);
  return found;
};

describe('the playground catalog', () => {
  test('lists every API in openapi/ with all of its operations', () => {
    expect(catalog.map((entry) => entry.api)).toEqual(Object.keys(specs).sort());
    for (const entry of catalog) expect(entry.operations.length).toBeGreaterThan(0);
  });

  test('pre-fills a payment intent from the spec example and puts the key in a Bearer header', () => {
    const operation = find('payments', 'createPaymentIntent');
    expect(operation.method).toBe('POST');
    expect(operation.auth).toEqual({ authorization: 'Bearer {key}' });
    expect(operation.mediaType).toBe('application/json');
    expect(JSON.parse(operation.body!)).toMatchObject({ amount: expect.any(Number), currency: expect.any(String) });
    expect(operation.parameters.map((p) => `${p.in}:${p.name}`)).toContain('header:Idempotency-Key');
  });

  test('path parameters get the example ids the sandbox seeds', () => {
    const operation = catalog
      .flatMap((entry) => entry.operations)
      .find((o) => o.parameters.some((p) => p.in === 'path'))!;
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      expect(parameter.required).toBe(true);
      expect(parameter.value).not.toBe('');
    }
  });
});

describe('a vendor document in the playground', () => {
  test('is sent under its name plus its first server’s path, not under a /v1 of ours', () => {
    const quirks = catalogApi('quirks', loadSpec('tests/fixtures/quirks/quirks.yaml'));
    const getThing = quirks.operations.find((operation) => operation.id === 'getThing')!;
    expect(getThing.root).toBe('quirks/v2');
    expect(outgoingRequest(getThing, exampleFor(getThing), '/docs/').url).toMatch(
      /^\/docs\/sandbox\/quirks\/v2\/things\//,
    );
  });
});

describe('turning the form into a request', () => {
  const createIntent = find('payments', 'createPaymentIntent');
  const cases: [string, Parameters<typeof outgoingRequest>[1], string, Partial<ReturnType<typeof outgoingRequest>>][] =
    [
      [
        'the example, at the site root',
        exampleFor(createIntent, 'sk_test_abcdefgh'),
        '/',
        {
          method: 'POST',
          url: '/sandbox/payments/v1/payment_intents',
          headers: { authorization: 'Bearer sk_test_abcdefgh', 'content-type': 'application/json' },
        },
      ],
      [
        'an Idempotency-Key under a sub-path base',
        {
          ...exampleFor(createIntent, 'sk_test_abcdefgh'),
          values: { 'header:Idempotency-Key': 'order-42' },
        },
        '/docs',
        {
          url: '/docs/sandbox/payments/v1/payment_intents',
          headers: {
            'Idempotency-Key': 'order-42',
            authorization: 'Bearer sk_test_abcdefgh',
            'content-type': 'application/json',
          },
        },
      ],
    ];
  test.each(cases)('%s', (_case, request, base, expected) => {
    expect(outgoingRequest(createIntent, request, base)).toMatchObject(expected);
  });

  test('path values are encoded, empty optional query values left out, GET sends no body', () => {
    const getIntent = find('payments', 'getPaymentIntent');
    const request = exampleFor(getIntent);
    const pathName = getIntent.parameters.find((p) => p.in === 'path')!.name;
    const sent = outgoingRequest(getIntent, { ...request, values: { [`path:${pathName}`]: 'pi 1/2' }, body: 'x' }, '/');
    expect(sent.url).toBe('/sandbox/payments/v1/payment_intents/pi%201%2F2');
    expect(sent.body).toBeUndefined();

    const list = find('payments', 'listCustomers');
    const query = list.parameters.filter((p) => p.in === 'query');
    const values = Object.fromEntries(query.map((p, index) => [`query:${p.name}`, index === 0 ? '5' : '']));
    expect(outgoingRequest(list, { ...exampleFor(list), values }, '/').url).toBe(
      `/sandbox/payments/v1/customers?${query[0]!.name}=5`,
    );
  });
});
