import { loadavg } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from '../e2e/support/chromium.ts';

export interface LighthouseScores {
  name: string;
  url: string;
  built: boolean;
  /** 0–100, mobile form factor with Lighthouse's default simulated throttling; undefined when the page is not built. */
  performance?: number | undefined;
  seo?: number | undefined;
  accessibility?: number | undefined;
  /** Older results have none. */
  bestPractices?: number | undefined;
  /** Largest Contentful Paint and Total Blocking Time, simulated, in milliseconds. */
  lcpMs?: number | undefined;
  tbtMs?: number | undefined;
  /** One-minute load average (os.loadavg) when this page's audit started. */
  loadAverage?: number | undefined;
}

const CATEGORIES = ['performance', 'seo', 'accessibility', 'best-practices'] as const;

/**
 * Lighthouse's mobile audit of each page, one Chromium for all (Lighthouse opens a fresh tab per run and clears the
 * cache). Its simulated throttling makes scores steadier on a busy machine than real throttling would.
 */
export async function runLighthouse(
  pages: readonly { name: string; url: string; built: boolean }[],
): Promise<LighthouseScores[]> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(MISSING_CHROMIUM);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const results: LighthouseScores[] = [];
  try {
    for (const page of pages) {
      if (!page.built) {
        results.push(page);
        continue;
      }
      const loadAverage = loadavg()[0]!;
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // Peers that call other hosts would hang on them in this offline container; they are blocked in the other
        // measurements too.
        blockedUrlPatterns: ['https://*'],
      });
      const categories = result?.lhr.categories ?? {};
      const score = (id: string) => {
        const value = categories[id]?.score;
        return typeof value === 'number' ? Math.round(value * 100) : undefined;
      };
      const audit = (id: string) => result?.lhr.audits[id]?.numericValue;
      results.push({
        ...page,
        performance: score('performance'),
        seo: score('seo'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        loadAverage,
      });
    }
  } finally {
    chrome.kill();
  }
  return results;
}
