import { EXPLORER_PATH, PLAYGROUND_PATH } from '../bench/budgets.ts';
import { axeViolations } from './support/axe';
import { scalarChunks, watchScripts } from './support/script-budget';
import { builtSitePages, onePagePerTemplate } from './support/site-pages';
import { expect, ROOT_ONLY, test } from './support/test';

const NOT_FOUND = 'this-page-does-not-exist/';
const pages = [...builtSitePages(), NOT_FOUND];
const subpathSample = new Set([...onePagePerTemplate(), NOT_FOUND]);
const scalar = scalarChunks();

/**
 * The sweep: every page of the root build is loaded once, and that one load is checked for everything a reader would
 * notice: it answers, shows its title, keeps links under the base path, asks no other host (the fixture), loads no
 * Scalar and stays within the JavaScript budget, and axe finds nothing in the light or the dark theme.
 */
for (const path of pages) {
  // Under a sub-path base, pages that share a template break together; a sample of each template is enough.
  const tag = subpathSample.has(path) ? [] : [ROOT_ONLY];
  test(`page ${path}`, { tag }, async ({ page, baseURL }, testInfo) => {
    const root = testInfo.project.name === 'root';
    // The largest reference pages take axe a while on a busy 2-core machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'light' });
    const scriptsWithinBudget = root ? watchScripts(page, path, scalar) : undefined;
    const response = await page.goto(path);
    expect(response?.status()).toBe(path === NOT_FOUND ? 404 : 200);
    // `.first()`: once Scalar renders, the explorer also has Scalar's own h1 for the API's title. The one-h1 rule is
    // checked on the static HTML by site-quality.spec.ts.
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

    // Assets and links must carry the base path, or a sub-path deploy breaks.
    const siteRoot = new URL('./', baseURL).href;
    const outsideBase = await page.evaluate(
      (rootUrl) =>
        [
          ...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement | HTMLScriptElement | HTMLImageElement>(
            'a[href], link[href], script[src], img[src]',
          ),
        ]
          .map((element) => ('href' in element ? element.href : element.src))
          .filter((url) => url.startsWith(location.origin) && !url.startsWith(rootUrl)),
      siteRoot,
    );
    expect(outsideBase).toEqual([]);

    // Bytes and accessibility do not depend on the base path: the root build is checked, the sub-path one sampled.
    if (!scriptsWithinBudget) return;
    // The explorer is checked by e2e/explorer.spec.ts once Scalar has rendered.
    if (!EXPLORER_PATH.test(path)) {
      // axe runs before the script check, which waits for the network to be quiet for half a second: after the load
      // event a page fetches only its favicon and the search loader, which changes nothing until the reader's intent.
      // The playground is the exception: it fills its form from a catalog it fetches, so axe waits for that.
      if (path === PLAYGROUND_PATH) await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), 'axe (light)').toEqual([]);
      // Only colours change with the theme, so the dark pass runs the contrast rule alone, on the same load.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
      expect(await axeViolations(page, ['color-contrast']), 'axe (dark)').toEqual([]);
    }
    await scriptsWithinBudget();
  });
}
