import { expect, test } from './support/test';

test('the ride-hailing walkthrough runs twelve steps across five APIs: the fare is held before the driver is dispatched and captured after the ride', async ({
  page,
}) => {
  await page.goto('guides/ride-hailing-walkthrough/');
  const flow = page.getByRole('region', { name: 'Book a ride from the Ferry Building to Oracle Park' });
  await expect(flow.locator('[data-step]')).toHaveCount(12);
  await flow.getByRole('button', { name: 'Run all steps' }).click();

  const step = (n: number) => flow.locator(`[data-step="${n}"]`);
  const answer = (n: number) => step(n).locator('[data-answer] > pre');
  await expect(step(12).getByText(/^200 OK/)).toBeVisible({ timeout: 15_000 });
  await expect(step(3).getByText('Took step 1 → results.0.location: {"lat":37.7955,"lng":-122.3937}')).toBeVisible();
  await expect(answer(3)).toContainText('"amount": 624');
  await expect(step(4).getByText('Took step 3 → fare_estimate.amount: 624')).toBeVisible();
  await expect(answer(5)).toContainText('"status": "requires_capture"');
  await expect(answer(6)).toContainText('"status": "driver_assigned"');
  const driver = JSON.parse(await answer(6).innerText()).driver.name as string;
  await expect(answer(8)).toContainText(`${driver} is on the way`);
  await expect(step(9).getByText(/^202 Accepted/)).toBeVisible();
  await expect(answer(10)).toContainText('"status": "completed"');
  await expect(step(11).getByText('Took step 10 → quote.fare_estimate.amount: 624')).toBeVisible();
  await expect(answer(11)).toContainText('"status": "succeeded"');
  await expect(answer(11)).toContainText('"amount_received": 624');
  await expect(answer(12)).toContainText('"type": "payment_intent.succeeded"');
});
