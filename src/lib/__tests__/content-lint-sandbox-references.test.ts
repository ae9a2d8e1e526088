/** <TryIt> and <Walkthrough> name real APIs, operations and examples (sandbox-references.ts, walkthrough-steps.ts). */
import { describe, expect, test } from 'vitest';
import { checkSandboxReferences, walkthroughSteps } from '../content-lint/index.ts';
import { messages, page, site } from './content-lint-fixtures.ts';

describe('checkSandboxReferences', () => {
  test.each([
    ['a real operation passes', '<TryIt api="payments" operation="createPaymentIntent" />', []],
    ['a real example passes', '<TryIt api="payments" operation="createPaymentIntent" example="manual" />', []],
    [
      'an unknown API fails',
      '<TryIt api="maps" operation="geocode" />',
      ['5: <TryIt api="maps" operation="geocode">: there is no sandbox API "maps" (known: payments)'],
    ],
    [
      'an unknown operation fails on its own line',
      '<TryIt\n  api="payments"\n  operation="chargeCard"\n/>',
      ['7: <TryIt api="payments" operation="chargeCard">: openapi/payments.yaml has no operationId "chargeCard"'],
    ],
    [
      'an example of another media type fails',
      '<TryIt api="payments" operation="createPaymentIntent" example="form" />',
      [
        '5: <TryIt api="payments" operation="createPaymentIntent">: createPaymentIntent has no request-body example "form" (its examples: automatic, manual)',
      ],
    ],
    [
      'a missing operation fails',
      '<TryIt api="payments" />',
      ['5: <TryIt api="payments" operation="?">: needs both api and operation'],
    ],
    [
      'Walkthrough steps are checked one by one',
      "<Walkthrough\n  title=\"t\"\n  steps={[\n    { title: 'A', api: 'payments', operation: 'listPaymentIntents' },\n    {\n      title: 'B',\n      api: 'payments',\n      operation: 'nope',\n    },\n  ]}\n/>",
      ['12: <Walkthrough> step 2 ("B"): openapi/payments.yaml has no operationId "nope"'],
    ],
    [
      'Walkthrough steps must be an inline array',
      '<Walkthrough title="t" steps={rideSteps} />',
      ['5: <Walkthrough> steps must be an inline array of step objects so they can be checked'],
    ],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkSandboxReferences(page(body), site))).toEqual(expected);
  });
});

describe('walkthroughSteps', () => {
  test('reads api and operation with their lines', () => {
    expect(
      walkthroughSteps("[\n  { api: 'a', operation: 'b' },\n  { title: 'T', api: x, operation: 'c' },\n]"),
    ).toEqual([
      { index: 0, apiLine: 1, operationLine: 1, title: undefined, api: 'a', operation: 'b' },
      { index: 1, apiLine: 2, operationLine: 2, title: 'T', api: null, operation: 'c' },
    ]);
    expect(walkthroughSteps('steps')).toBeUndefined();
  });
});
