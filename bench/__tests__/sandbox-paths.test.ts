/** Which list of a vendor document the sandbox bench times the generic mocks on. */
import { expect, test } from 'vitest';
import { genericListPath } from '../sandbox.ts';

test("Square's ListCustomers when the document has it", () => {
  expect(genericListPath({ paths: { '/v2/locations': { get: {} }, '/v2/customers': { get: {}, post: {} } } })).toBe(
    '/v2/customers',
  );
});

test('otherwise the first GET without a path parameter', () => {
  expect(
    genericListPath({
      paths: { '/users/{id}': { get: {} }, '/messages': { post: {} }, '/channels': { get: {} } },
    } as never),
  ).toBe('/channels');
});

test('none when every GET needs a path parameter', () => {
  expect(genericListPath({ paths: { '/users/{id}': { get: {} } } } as never)).toBeUndefined();
});
