import { loadavg } from 'node:os';
import { freshContext } from './browser.ts';
import { interleavedOrder, type CpuSetting } from './run-order.ts';
import type { Browser } from '@playwright/test';
import { summarize, type Summary } from './stats.ts';

/** The one-minute load average (os.loadavg) beside each sample: how busy the shared machine was as it ran. */
export interface LoadSpread {
  median: number;
  min: number;
  max: number;
}

export interface TimingResult {
  name: string;
  url: string;
  /** Milliseconds from navigation start until the operation's summary is visible, without throttling. */
  normal: Summary;
  /** The same with the CPU slowed 4× (a mid-range phone, roughly). */
  throttled: Summary;
  /** Load average while the samples above were taken (older results have none). */
  load?: { normal: LoadSpread; throttled: LoadSpread } | undefined;
}

const CPU_SLOWDOWN: Record<CpuSetting, number> = { normal: 1, throttled: 4 };

/**
 * Runs in the page from its first byte: every animation frame, look for an element whose own text is the summary
 * and that is rendered, and record when it first is. Recording in the page avoids counting Playwright's polling.
 * Navigation does not count: Scalar's and starlight-openapi's sidebars list every operation by its summary, and
 * their sidebar link is painted before the operation itself, so matching it would time the menu, not the content.
 */
function watchFor(summary: string) {
  const target = window as unknown as { __firstOperationVisible?: number };
  const inNavigation = `ancestor-or-self::nav or ancestor-or-self::aside or ancestor-or-self::*[@role='navigation' or @role='menu']`;
  const check = () => {
    const found = document.evaluate(
      `//text()[normalize-space(.)=${JSON.stringify(summary)}]/parent::*[not(${inNavigation})]`,
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

const spreadOf = (values: readonly number[]): LoadSpread => {
  const { median, min, max } = summarize(values);
  return { median, min, max };
};

/**
 * Median and spread over `runs` cold loads (a fresh context each) of every target, with and without 4× CPU
 * throttling, in the order of interleavedOrder, after one untimed load of each target (it fills the static server's
 * compression cache, so no timed load waits for a first brotli pass). The load average is read before every load.
 */
export async function measureFirstOperation(
  browser: Browser,
  targets: readonly { name: string; url: string }[],
  summary: string,
  runs: number,
): Promise<TimingResult[]> {
  for (const target of targets) await once(browser, target.url, summary, 1);
  const samples = targets.map(() => ({
    normal: { ms: [] as number[], load: [] as number[] },
    throttled: { ms: [] as number[], load: [] as number[] },
  }));
  for (const { setting, target } of interleavedOrder(targets.length, runs)) {
    const into = samples[target]![setting];
    into.load.push(loadavg()[0]!);
    into.ms.push(await once(browser, targets[target]!.url, summary, CPU_SLOWDOWN[setting]));
  }
  return targets.map((target, index) => {
    const { normal, throttled } = samples[index]!;
    return {
      ...target,
      normal: summarize(normal.ms),
      throttled: summarize(throttled.ms),
      load: { normal: spreadOf(normal.load), throttled: spreadOf(throttled.load) },
    };
  });
}
