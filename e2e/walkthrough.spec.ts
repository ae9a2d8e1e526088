import { expect, test } from './support/test';

test('the ride-hailing walkthrough runs nine steps across five APIs, each using earlier answers', async ({ page }) => {
  await page.goto('guides/ride-hailing-walkthrough/');
  const flow = page.getByRole('region', { name: 'Book a ride from the Ferry Building to Oracle Park' });
  await flow.getByRole('button', { name: 'Run all steps' }).click();

  const step = (n: number) => flow.locator(`[data-step="${n}"]`);
  await expect(step(9).getByText(/^202 Accepted/)).toBeVisible({ timeout: 15_000 });
  await expect(step(3).getByText('Took step 1 → results.0.location: {"lat":37.7955,"lng":-122.3937}')).toBeVisible();
  await expect(step(3).locator('[data-answer] > pre')).toContainText('"amount": 624');
  await expect(step(5).getByText('Took step 3 → fare_estimate.amount: 624')).toBeVisible();
  await expect(step(6).locator('[data-answer] > pre')).toContainText('"status": "requires_capture"');
  const driver = JSON.parse(await step(4).locator('[data-answer] > pre').innerText()).driver.name as string;
  await expect(step(8).locator('[data-answer] > pre')).toContainText(`${driver} is on the way`);
});
