import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every end-to-end test runs with a request guard: the privacy promise is that no page asks any host but its own,
 * so any request to another origin (fonts, analytics, CDNs) fails the test that caused it.
 */
export const test = base.extend<{ foreignRequests: string[]; policyViolations: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const ownOrigin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.origin !== ownOrigin) foreign.push(request.url());
      });
      await use(foreign);
      expect(foreign, 'requests to hosts other than the site itself').toEqual([]);
    },
    { auto: true },
  ],
  // The test server sends the build's `_headers` (Content-Security-Policy included), so any script, style or worker
  // the policy blocks shows up here and fails the test: every journey doubles as a check of the policy.
  policyViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      // A blocked eval inside a try/catch logs nothing to the console, but it still fires this event.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
          console.error(`Content Security Policy: ${event.violatedDirective} blocked ${event.blockedURI} at ${where}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy'))
          violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The tag of a test that checks what does not depend on the base path, run by the root project only: the sub-path
 * project leaves it out (`grepInvert` in playwright.config.ts) rather than skipping it, so it sets up no browser page.
 */
export const ROOT_ONLY = '@root-only';

/** All page URLs listed in the built site's sitemap, as paths on the server under test. */
export async function sitemapPaths(page: Page): Promise<string[]> {
  const index = await page.request.get('sitemap-index.xml');
  expect(index.ok(), 'sitemap-index.xml is served').toBe(true);
  const sitemaps = locations(await index.text());
  const paths: string[] = [];
  for (const sitemap of sitemaps) {
    const response = await page.request.get(new URL(sitemap).pathname);
    paths.push(...locations(await response.text()).map((loc) => new URL(loc).pathname));
  }
  return paths;
}

function locations(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
}
