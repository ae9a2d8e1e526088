import type { Browser } from '@playwright/test';
import { expect, ROOT_ONLY, test } from './support/test';

/**
 * Islands must not move the page when they wake up: Try it, walkthroughs and "Copy as Markdown" hydrate after the
 * HTML has painted, so anything they add or resize would make the text jump under the reader's eyes. The check is
 * exact rather than timed: each page is laid out once without JavaScript (the HTML as painted first) and once with
 * it, after every script has run, and the blocks of the content must sit at the same place with the same size.
 */
const PAGES = [
  'guides/payment-apis/',
  'guides/ride-hailing-walkthrough/',
  'guides/webhooks/',
  'reference/payments/create-payment-intent/',
  'reference/social/exchange-token/',
];

/** Top, height and width of the title and of each block of the page's content, in document coordinates. */
async function layout(browser: Browser, url: string, javaScriptEnabled: boolean): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    return await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          // Operation pages put their blocks in two panes: each block of each pane counts.
          'main h1, .copy-markdown, .sl-markdown-content > :not(.operation-layout), .operation-layout > * > *',
        ),
      ].map((element) => {
        const box = element.getBoundingClientRect();
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`;
        return `${name.slice(0, 60)} top ${Math.round(box.top + scrollY)} height ${Math.round(box.height)} width ${Math.round(box.width)}`;
      }),
    );
  } finally {
    await context.close();
  }
}

for (const path of PAGES) {
  // Layout does not depend on the base path.
  test(`${path}: no block moves or resizes when its scripts run`, { tag: ROOT_ONLY }, async ({ browser, baseURL }) => {
    const url = new URL(path, baseURL).href;
    const withoutScripts = await layout(browser, url, false);
    expect(withoutScripts.length).toBeGreaterThan(3);
    expect(await layout(browser, url, true)).toEqual(withoutScripts);
  });
}

test(
  'the table of contents is in its final place before the content has arrived',
  { tag: ROOT_ONLY },
  async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const place = () =>
      page.locator('.right-sidebar-container').evaluate((element) => Math.round(element.getBoundingClientRect().x));
    await page.goto('guides/webhooks/');
    const final = await place();
    // What a browser can paint while a long page is still downloading: everything up to the end of the sidebar.
    await page.route('**/guides/webhooks/', async (route) => {
      const html = await (await route.fetch()).text();
      await route.fulfill({
        body: html.slice(0, html.indexOf('</aside>') + '</aside>'.length),
        contentType: 'text/html',
      });
    });
    await page.reload();
    expect(await place()).toBe(final);
  },
);
