import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './support/test';

/** Every guide that contains a Try it box or a walkthrough, read from the sources at collection time. */
const guides = readdirSync('src/content/docs/guides')
  .filter((file) => file.endsWith('.mdx'))
  .filter((file) => /<(TryIt|Walkthrough)\b/.test(readFileSync(`src/content/docs/guides/${file}`, 'utf8')))
  .map((file) => file.replace(/\.mdx$/, ''));

for (const guide of guides) {
  test(`every runnable example in ${guide} is answered by the in-browser sandbox`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'root', 'one base is enough to run every example');
    await page.goto(`guides/${guide}/`);
    const answered: boolean[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/sandbox/')) answered.push(response.fromServiceWorker());
    });
    const boxes = page.locator('[data-try-it]');
    const count = await boxes.count();
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      await box.getByRole('button', { name: 'Send request' }).click();
      await expect(box.locator('.try-it__status'), `Try it box ${i + 1}`).toHaveText(/^\d{3} /);
    }
    for (const flow of await page.locator('[data-walkthrough]').all()) {
      await flow.getByRole('button', { name: 'Run all steps' }).click();
      const steps = await flow.locator('[data-step]').count();
      await expect(flow.locator(`[data-step="${steps}"] .try-it__status`)).toHaveText(/^2\d\d /, { timeout: 20_000 });
    }
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every(Boolean), 'every sandbox response came from the Service Worker').toBe(true);
  });
}
