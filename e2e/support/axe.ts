import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe run straight in the page, as "rule: selectors" lines. The sweep checks every page of the site, and
 * @axe-core/playwright costs about three times as long per page (it re-injects axe, opens a page to merge the
 * results and serialises every passing node), which is minutes on CI. Our pages have no frames, so nothing is lost;
 * journeys with dialogs and frames (explorer, playground) keep using AxeBuilder.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page
    .evaluate(async (runOnly) => {
      type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } })
        .axe;
      const { violations } = await axe.run(document, { resultTypes: ['violations'], ...(runOnly ? { runOnly } : {}) });
      // Only what the summary needs crosses back from the page.
      return violations.map(({ id, nodes }) => ({ id, nodes: nodes.map(({ target }) => ({ target })) }));
    }, rules)
    .then(summarise);
}

/** axe's violations as one readable line each: the rule, then the selectors of the elements at fault. */
export function summarise(violations: readonly { id: string; nodes: readonly { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
