import AxeBuilder from '@axe-core/playwright';
import { builtSitePages, pagesForAxe } from './support/site-pages';
import { expect, test } from './support/test';

const pages = [...builtSitePages(), 'this-page-does-not-exist/'];
const axePages = new Set([...pagesForAxe(), 'this-page-does-not-exist/']);

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    test('loads and asks no other host', async ({ page, baseURL }, testInfo) => {
      // Under a sub-path base, pages that share a template break together; a sample of each template is enough.
      test.skip(
        testInfo.project.name === 'subpath' && !axePages.has(path),
        'sub-path sweep samples one page per template',
      );
      const response = await page.goto(path);
      const expected = path === 'this-page-does-not-exist/' ? 404 : 200;
      expect(response?.status()).toBe(expected);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Assets and links must carry the base path, or a sub-path deploy breaks.
      const siteRoot = new URL('./', baseURL).href;
      const outsideBase = await page.evaluate(
        (root) =>
          [
            ...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement | HTMLScriptElement | HTMLImageElement>(
              'a[href], link[href], script[src], img[src]',
            ),
          ]
            .map((element) => ('href' in element ? element.href : element.src))
            .filter((url) => url.startsWith(location.origin) && !url.startsWith(root)),
        siteRoot,
      );
      expect(outsideBase).toEqual([]);
    });

    test('has no axe violations in light and dark mode', async ({ page }, testInfo) => {
      // Accessibility does not depend on the base path; sweeping one variant keeps the suite fast.
      test.skip(testInfo.project.name !== 'root', 'axe runs on the root build only');
      test.skip(!axePages.has(path), 'operation pages share one template; axe checks the largest one per API');
      // The largest reference pages take axe a while on a busy 2-core machine, in two colour schemes.
      test.setTimeout(120_000);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary, `axe (${colorScheme})`).toEqual([]);
      }
    });
  });
}
