import { describe, expect, test } from 'vitest';
import { referencedSteps, resolve, type Taken } from '../templates';

const answers = [{ id: 'pi_1', amount: 2500, location: { lat: 37.79, lng: -122.39 } }, { data: [{ id: 'drv_7' }] }];

describe('walkthrough templates', () => {
  test.each([
    ['a whole placeholder keeps its type', '{{1.amount}}', 2500],
    ['an object stays an object', { origin: '{{1.location}}' }, { origin: { lat: 37.79, lng: -122.39 } }],
    ['array indexes work', '{{2.data.0.id}}', 'drv_7'],
    ['placeholders inside text are written in', 'ride for {{1.id}} with {{2.data.0.id}}', 'ride for pi_1 with drv_7'],
    ['values without placeholders are left alone', { a: 1, b: ['x'] }, { a: 1, b: ['x'] }],
  ])('%s', (_case, template, expected) => {
    expect(resolve(template, answers)).toEqual(expected);
  });

  test('it records what each value was taken from', () => {
    const taken: Taken[] = [];
    resolve({ payment: '{{1.id}}' }, answers, taken);
    expect(taken).toEqual([{ from: 'step 1 → id', value: 'pi_1' }]);
  });

  test.each([
    ['a step not yet run', '{{3.id}}', 'Step 3 has not been run yet.'],
    ['a missing field', '{{1.nope}}', "Step 1's answer has no nope."],
  ])('%s is a clear error', (_case, template, message) => {
    expect(() => resolve(template, answers)).toThrow(message);
  });

  test('the steps a template refers to are found for the build-time check', () => {
    expect(referencedSteps({ a: '{{1.id}}', b: ['x {{3.data.0.id}}'] })).toEqual([1, 3]);
  });
});
