import { freshContext } from './browser.ts';
import type { Browser } from '@playwright/test';
import { summarize, type Summary } from './stats.ts';

export interface TimingResult {
  name: string;
  url: string;
  /** Milliseconds from navigation start until the operation's summary is visible, without throttling. */
  normal: Summary;
  /** The same with the CPU slowed 4× (a mid-range phone, roughly). */
  throttled: Summary;
}

/**
 * Runs in the page from its first byte: every animation frame, look for an element whose own text is the summary
 * and that is rendered, and record when it first is. Recording in the page avoids counting Playwright's polling.
 */
function watchFor(summary: string) {
  const target = window as unknown as { __firstOperationVisible?: number };
  const check = () => {
    const found = document.evaluate(
      `//text()[normalize-space(.)=${JSON.stringify(summary)}]/..`,
      document,
      null,
      XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    );
    for (let i = 0; i < found.snapshotLength; i++) {
      const element = found.snapshotItem(i) as Element;
      const box = element.getBoundingClientRect();
      if (
        box.width > 0 &&
        box.height > 0 &&
        element.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      ) {
        target.__firstOperationVisible = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function once(browser: Browser, url: string, summary: string, cpuSlowdown: number): Promise<number> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    await page.route(
      (target) => target.origin !== new URL(url).origin,
      (route) => route.abort('blockedbyclient'),
    );
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.addInitScript(watchFor, summary);
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __firstOperationVisible?: number }).__firstOperationVisible,
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * Median and spread over `runs` cold loads (a fresh context each) of every target, with and without 4× CPU
 * throttling. Runs go round-robin over targets and settings, so a burst of load from other processes on this shared
 * machine spreads over all of them instead of landing on one.
 */
export async function measureFirstOperation(
  browser: Browser,
  targets: readonly { name: string; url: string }[],
  summary: string,
  runs: number,
): Promise<TimingResult[]> {
  const samples = targets.map(() => ({ normal: [] as number[], throttled: [] as number[] }));
  for (let run = 0; run < runs; run++) {
    for (const [index, target] of targets.entries()) {
      samples[index]!.normal.push(await once(browser, target.url, summary, 1));
      samples[index]!.throttled.push(await once(browser, target.url, summary, 4));
    }
  }
  return targets.map((target, index) => ({
    ...target,
    normal: summarize(samples[index]!.normal),
    throttled: summarize(samples[index]!.throttled),
  }));
}
