import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, ROOT_ONLY, test } from './support/test';

/** Sandbox keys as the specs document them: `sk_test_` and at least 8 letters, digits or underscores. */
const SANDBOX_KEY = /^sk_test_[A-Za-z0-9_]{8,}$/;

interface OpenApiOperation {
  operationId?: string;
  responses?: Record<string, unknown>;
}

/** The one success status the spec documents for an operation (each operation in openapi/ has exactly one). */
function documentedSuccess(api: string, operationId: string): string {
  const spec = parse(readFileSync(`openapi/${api}.yaml`, 'utf8')) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const operation = Object.values(spec.paths)
    .flatMap((item) => Object.values(item))
    .find((candidate) => candidate?.operationId === operationId);
  const successes = Object.keys(operation?.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
  if (successes.length !== 1)
    throw new Error(`openapi/${api}.yaml: ${operationId} documents ${successes.length} success statuses, not one`);
  return successes[0]!;
}

/**
 * Every guide that contains a Try it box or a walkthrough, read from the sources at collection time, with the status
 * each box must answer, in page order: the operation's documented success, or 401 where the guide pre-fills a key the
 * sandbox refuses to show that answer (the guide says so beside the box).
 */
const guides = readdirSync('src/content/docs/guides')
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => ({
    guide: file.replace(/\.mdx$/, ''),
    source: readFileSync(`src/content/docs/guides/${file}`, 'utf8'),
  }))
  .filter(({ source }) => /<(TryIt|Walkthrough)\b/.test(source))
  .map(({ guide, source }) => ({
    guide,
    boxes: [...source.matchAll(/^<TryIt\b([^>]*)\/>$/gm)].map(([, attributes]) => {
      const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes!)?.[1];
      const key = attribute('sandboxKey');
      const operation = `${attribute('api')}.${attribute('operation')}`;
      const status =
        key === undefined || SANDBOX_KEY.test(key)
          ? documentedSuccess(attribute('api')!, attribute('operation')!)
          : '401';
      return { operation, status };
    }),
  }));

for (const { guide, boxes: expected } of guides) {
  // One base is enough to run every example.
  const title = `every runnable example in ${guide} is answered by the in-browser sandbox`;
  test(title, { tag: ROOT_ONLY }, async ({ page }) => {
    await page.goto(`guides/${guide}/`);
    const answered: boolean[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/sandbox/')) answered.push(response.fromServiceWorker());
    });
    const boxes = page.locator('[data-try-it]');
    await expect(boxes, 'the page shows every <TryIt> of its source').toHaveCount(expected.length);
    for (const [i, { operation, status }] of expected.entries()) {
      const box = boxes.nth(i);
      await box.getByRole('button', { name: 'Send request' }).click();
      await expect(box.locator('.try-it__status'), `Try it box ${i + 1} (${operation})`).toHaveAttribute(
        'data-status',
        status,
      );
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
