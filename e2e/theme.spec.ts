import { expect, test } from './support/test';

test('the reader can switch between dark and light, and the choice survives a reload', async ({ page }) => {
  await page.goto('guides/what-is-backend-integration/');
  const html = page.locator('html');
  const themes = page.getByRole('combobox', { name: 'Select theme' }).first();

  await themes.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await themes.selectOption('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(lightBackground).not.toBe(darkBackground);

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
});
