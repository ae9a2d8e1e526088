import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../../../mocks/catalog.ts';
import { prepareSteps, type WalkthroughStep } from '../../../lib/walkthrough/prepare';
import { stepRequest } from '../request';

/**
 * The ride-hailing article's own walkthrough, prepared as the build prepares it and sent to the sandbox core as the
 * browser sends it, so that what the article says each step does is checked against what the step really does.
 */
const article = readFileSync(
  new URL('../../../content/docs/guides/ride-hailing-walkthrough.mdx', import.meta.url),
  'utf8',
);
const literal = /<Walkthrough[\s\S]*?steps=\{(\[[\s\S]*?\])\}\s*\/>/.exec(article)?.[1];
// Articles are code we write, and MDX compiles this literal to JavaScript anyway.
const steps = new Function(`return (${literal});`)() as WalkthroughStep[];
const KEY = 'sk_test_ride_walkthrough';

interface Answer {
  status: number;
  replayed: boolean;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function rider() {
  let clock = new Date('2026-12-02T09:00:00Z').getTime();
  const sandbox = createEngineRoomSandbox({ now: () => new Date(clock) });
  const prepared = prepareSteps(steps, KEY, 'the ride-hailing walkthrough');
  /** Run every step in order, each one taking values from the answers before it, as "Run all steps" does. */
  async function runAll(): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (const step of prepared) {
      clock += 1000;
      const request = stepRequest(
        step,
        answers.map((answer) => answer.body),
        [],
        KEY,
        '/',
      );
      const response = (await sandbox.handle(
        new Request(`http://site.test${request.url}`, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
        }),
      ))!;
      const answer = {
        status: response.status,
        replayed: response.headers.get('idempotent-replayed') === 'true',
        body: await response.json(),
      };
      expect(answer.status, `step ${answers.length + 1} (${step.title}): ${JSON.stringify(answer.body)}`).toBeLessThan(
        300,
      );
      answers.push(answer);
    }
    return answers;
  }
  return { runAll, sandbox };
}

describe('the ride-hailing walkthrough', () => {
  test('holds the fare before a driver is dispatched, captures it after the drop-off, and reads the events', async () => {
    const { runAll } = rider();
    const answers = await runAll();
    expect(answers).toHaveLength(12);
    const [, , quote, created, held, ride, , message, , completed, captured, events] = answers.map((a) => a.body);
    const fare = quote!.fare_estimate.amount;
    expect(fare).toBe(624);

    expect(created).toMatchObject({ status: 'requires_confirmation', amount: fare, capture_method: 'manual' });
    expect(held).toMatchObject({ status: 'requires_capture', amount_capturable: fare, amount_received: 0 });
    // The driver comes only after the hold: step 6 is the first ride call.
    expect(steps.findIndex((step) => step.operation === 'requestRide')).toBeGreaterThan(
      steps.findIndex((step) => step.operation === 'confirmPaymentIntent'),
    );
    expect(ride).toMatchObject({ status: 'driver_assigned' });
    expect(message!.body).toBe(
      `${ride!.driver.name} is on the way in a ${ride!.driver.vehicle.color} ${ride!.driver.vehicle.make} ${ride!.driver.vehicle.model}, plate ${ride!.driver.vehicle.plate}.`,
    );
    expect(completed).toMatchObject({ id: ride!.id, status: 'completed' });
    expect(captured).toMatchObject({
      id: created!.id,
      status: 'succeeded',
      amount_received: fare,
      amount_capturable: 0,
    });

    expect(events!.data.map((event: { type: string }) => event.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.amount_capturable_updated',
      'payment_intent.created',
    ]);
    for (const event of events!.data) expect(event.data.object.id).toBe(created!.id);
  });

  test('every POST that changes something sends an Idempotency-Key; only the quote does not', () => {
    const prepared = prepareSteps(steps, KEY, 'the ride-hailing walkthrough');
    const changing = steps.filter((_step, index) => prepared[index]!.method === 'POST');
    expect(changing.filter((step) => !step.headers?.['Idempotency-Key']).map((step) => step.operation)).toEqual([
      'quoteRoute',
    ]);
    const keys = changing.map((step) => step.headers?.['Idempotency-Key']).filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('running it twice replays every keyed request and creates nothing new', async () => {
    const { runAll, sandbox } = rider();
    const first = await runAll();
    const counts = () => ({
      payments: sandbox.state(KEY, 'payments').events.length,
      location: sandbox.state(KEY, 'location').events.length,
      messaging: sandbox.state(KEY, 'messaging').events.length,
      storage: sandbox.state(KEY, 'storage').events.length,
    });
    const before = counts();
    const second = await runAll();

    const keyed = steps.map((step, index) => (step.headers?.['Idempotency-Key'] ? index : -1)).filter((i) => i >= 0);
    expect(keyed.map((index) => second[index]!.replayed)).toEqual(keyed.map(() => true));
    for (const index of keyed) expect(second[index]!.body).toEqual(first[index]!.body);
    expect(counts()).toEqual(before);
    expect(second[11]!.body).toEqual(first[11]!.body);
  });
});
