/**
 * `npm run bench`: build the site, measure it against Swagger UI, Redoc, Scalar and starlight-openapi, print a report and save the
 * numbers to bench/results.json (ignored by git). Flags:
 *   --only=build,weight,timing,lighthouse,sandbox,search,scaling,mcp   run some parts (default: all; `--only=` none)
 *   --quick        fewer runs and smaller scaling builds, for working on the bench itself
 *   --reuse-build  measure the existing dist-bench/ instead of building it again
 *   --write        regenerate docs/benchmarks.md and its charts (docs/benchmarks/*.svg) from the results
 *   --charts       write only the charts (the page's sections can then be updated by hand)
 *   --sandbox-dist=DIR  the build the sandbox part measures in the browser (default dist-bench/); one built with
 *                  OPENAPI_EXTRA=../shared/specs/square-api.json adds the generic mocks' round trip
 *   --scaling-minutes=N  time budget for the scaling builds (default 6, quick 3); sizes that would overrun are skipped
 *   --scaling-sizes=0,100  the synthetic sizes to build (default 0,100,1000; quick 0,20); `0` alone times the base
 *                  build and the real vendor specs only
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import * as prettier from 'prettier';
import { launchChromium } from './browser.ts';
import { measureScaling } from './build-scaling.ts';
import { runLighthouse } from './lighthouse.ts';
import { describeMachine } from './machine.ts';
import { measureBuild } from './measure-build.ts';
import { measureMcp } from './mcp.ts';
import { measurePageWeight, type PageWeight } from './page-weight.ts';
import { writePeerSite } from './peers.ts';
import { serveStatic } from './processes.ts';
import { barChartSvg } from './charts.ts';
import { renderReport, reportCharts } from './report.ts';
import { PARTS, readResults, writeResults, type BenchResults, type Part } from './results.ts';
import { benchSandbox } from './sandbox.ts';
import { measureSearch } from './search.ts';
import { OPERATION, ourTargets, SCALAR_OPERATION_ANCHOR, type Target } from './targets.ts';
import { measureFirstOperation } from './timing.ts';

const DIST = 'dist-bench';
const PORTS = { site: 4540, peers: 4541, sandbox: 4542 };

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'reuse-build': { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    charts: { type: 'boolean', default: false },
    'sandbox-dist': { type: 'string' },
    'scaling-minutes': { type: 'string' },
    'scaling-sizes': { type: 'string' },
  },
});
// `--only=` with nothing after it measures nothing: with `--write`, it rewrites the page from the saved results.
const only = values.only === undefined ? [...PARTS] : values.only.split(',').flatMap((part) => part.trim() || []);
const unknown = only.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknown.length > 0) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${PARTS.join(', ')}.`);
  process.exit(2);
}
const selected = new Set(only as Part[]);
const quick = values.quick;
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const results: BenchResults = readResults();
let chromium: string | undefined;
const started = performance.now();

async function part<K extends Part>(name: K, measure: () => Promise<NonNullable<BenchResults[K]>['value']>) {
  if (!selected.has(name)) return;
  log(`${name}…`);
  const machine = { ...describeMachine(), chromium };
  const begun = performance.now();
  const value = await measure();
  const run = { at: new Date().toISOString(), quick, machine, seconds: (performance.now() - begun) / 1000 };
  (results as Record<K, unknown>)[name] = { run, value };
  writeResults(results);
}

const wants = (...names: Part[]) => names.some((name) => selected.has(name));
// The sandbox part measures --sandbox-dist when given, so only the other browser parts need dist-bench/ then.
const needsSite = wants('weight', 'timing', 'lighthouse', 'search') || (wants('sandbox') && !values['sandbox-dist']);
const needsPeers = wants('weight', 'timing', 'lighthouse');
if (selected.has('build') || (needsSite && !(values['reuse-build'] && existsSync(DIST)))) {
  if (selected.has('build')) await part('build', () => measureBuild(process.cwd(), DIST));
  else {
    log(`building ${DIST}/ (not timed; add build to --only to time it)`);
    await measureBuild(process.cwd(), DIST);
  }
}

if (wants('weight', 'timing', 'lighthouse', 'search')) {
  // The peers' folder first: building the starlight-openapi site takes a while, and nothing is served yet if it throws.
  const peerSite = needsPeers ? await writePeerSite(log) : undefined;
  const site = await serveStatic(DIST, PORTS.site);
  const peers = peerSite
    ? await serveStatic(peerSite.dir, PORTS.peers).catch(async (error: unknown) => {
        await site.stop();
        peerSite.remove();
        throw error;
      })
    : undefined;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    chromium = browser.version();
    const ours = ourTargets(DIST).map((target) => ({ ...target, url: `${site.origin}/${target.path}` }));
    const theirs = (peerSite?.peers ?? []).map((peer) => ({
      name: peer.name,
      url: `${peers!.origin}/${peer.path}`,
      built: true,
    }));
    const withBrowser = browser;

    await part('weight', async () => {
      // One page at a time: in parallel, a busy machine turns page weight runs into timeouts.
      const weigh = async (targets: readonly (Target & { url: string; readyText?: string | undefined })[]) => {
        const weights: PageWeight[] = [];
        for (const target of targets) weights.push(await measurePageWeight(withBrowser, target));
        return weights;
      };
      return {
        ours: await weigh(
          ours.map((target) => ({ ...target, readyText: target.name === 'operation' ? OPERATION.summary : undefined })),
        ),
        peers: await weigh(theirs.map((peer) => ({ ...peer, path: peer.url, readyText: OPERATION.summary }))),
      };
    });

    await part('timing', async () => {
      // Nine, not five: the same page's median moved by a sixth between runs on a quiet machine (decision 0021).
      const runs = quick ? 2 : 9;
      const operation = ours.find((target) => target.name === 'operation')!;
      const explorer = ours.find((target) => target.name === 'explorer' && target.built);
      const [first, ...rest] = await measureFirstOperation(
        withBrowser,
        [
          { name: 'Engine Room (operation page)', url: operation.url },
          // Scalar inside our explorer renders an operation only once scrolled to, as Scalar does on its own.
          ...(explorer ? [{ name: 'Engine Room (explorer)', url: `${explorer.url}${SCALAR_OPERATION_ANCHOR}` }] : []),
          ...theirs,
        ],
        OPERATION.summary,
        runs,
      );
      return explorer
        ? { ours: first!, explorer: rest[0], peers: rest.slice(1), runs }
        : { ours: first!, peers: rest, runs };
    });

    await part('search', () => measureSearch(withBrowser, site.origin, DIST, quick ? 2 : 5));

    await part('lighthouse', async () => {
      const pages = quick ? ours.filter((target) => target.name === 'operation') : ours;
      return {
        ours: await runLighthouse(pages),
        peers: await runLighthouse(quick ? theirs.slice(0, 1) : theirs),
      };
    });
  } finally {
    await browser?.close();
    await peers?.stop();
    await site.stop();
    peerSite?.remove();
  }
}
await part('sandbox', () => benchSandbox(values['sandbox-dist'] ?? DIST, PORTS.sandbox));

const scalingMinutes = Number(values['scaling-minutes'] ?? (quick ? 3 : 6));
const scalingSizes = values['scaling-sizes']?.split(',').map(Number) ?? (quick ? [0, 20] : [0, 100, 1000]);
await part('scaling', () => measureScaling(scalingSizes, !quick, scalingMinutes * 60, log));
await part('mcp', () => measureMcp(quick ? 2 : 5));

writeResults(results);
const report = renderReport(results);
console.log(report);
if (values.write || values.charts) {
  mkdirSync('docs/benchmarks', { recursive: true });
  for (const chart of reportCharts(results)) {
    writeFileSync(`docs/benchmarks/${chart.file}`, barChartSvg(chart));
    log(`wrote docs/benchmarks/${chart.file}`);
  }
}
if (values.write) {
  // Through Prettier with the project's settings, so `npm run lint` accepts the generated page as it is.
  const options = (await prettier.resolveConfig('docs/benchmarks.md')) ?? {};
  writeFileSync('docs/benchmarks.md', await prettier.format(report, { ...options, parser: 'markdown' }));
  log('wrote docs/benchmarks.md');
}
log(`done in ${Math.round((performance.now() - started) / 1000)} s; numbers in bench/results.json`);
