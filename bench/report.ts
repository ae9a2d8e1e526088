import { budgets } from './budgets.ts';
import { chartImage, type BarChart } from './charts.ts';
import { kB, ms, ranOn, ratio, spread, statusLine, table } from './format.ts';
import { STARTUP_CPU_BUDGET_MS } from './mcp.ts';
import { buildSection } from './report-build.ts';
import type { BenchResults, RunInfo } from './results.ts';
import { STARLIGHT_OPENAPI } from './starlight-openapi-site.ts';
import type { PageWeight } from './page-weight.ts';
import type { LoadSpread, TimingResult } from './timing.ts';

/**
 * Turn bench results into Markdown: the same text `npm run bench` prints and `--write` saves as docs/benchmarks.md.
 * Comparisons are computed, so a sentence saying a peer does better appears whenever the numbers say so.
 */

const weightCell = (bytes: { bytes: number; gzip: number; brotli: number }) =>
  `${kB(bytes.bytes)} / ${kB(bytes.gzip)} / ${kB(bytes.brotli)}`;

/** Bytes as they came over the wire from the bench's compressing server; `–` for results from before it compressed. */
const served = (bytes: { wire?: number | undefined }) => (bytes.wire === undefined ? '–' : kB(bytes.wire));

function weightTable(pages: readonly PageWeight[]): string {
  return table(
    ['page', 'requests', 'JS', 'CSS', 'HTML', 'other', 'total', 'JS as served', 'total as served'],
    pages.map((page) =>
      page.built
        ? [
            page.name,
            String(page.requests),
            ...(['js', 'css', 'html', 'other', 'total'] as const).map((kind) => weightCell(page.byKind[kind])),
            served(page.byKind.js),
            served(page.byKind.total),
          ]
        : [page.name, 'not built', '', '', '', '', '', '', ''],
    ),
  );
}

/** JavaScript before interaction as served (brotli), or computed brotli for results from before the server compressed. */
const jsBrotli = (page: PageWeight) => page.byKind.js.wire ?? page.byKind.js.brotli;

/**
 * How our figure compares with a peer's, in words: `11.2× less than`, `1.3× more than`, or `about as much as` within
 * 5 %, where a ratio printed as 1.0× would hide which way it went.
 */
export function compared(ours: number, theirs: number, words: { less: string; more: string; same: string }): string {
  if (ours <= 0 || theirs <= 0) return `${words.same} (not measurable)`;
  const factor = Math.max(ours, theirs) / Math.min(ours, theirs);
  if (factor < 1.05) return words.same;
  return `${factor.toFixed(1)}× ${ours < theirs ? words.less : words.more}`;
}

/**
 * Peers that, like our reference, prerender one page per operation; the others are single-page apps showing the
 * whole API. Our explorer is compared with the single-page apps only.
 */
const PER_OPERATION_PEERS: ReadonlySet<string> = new Set([STARLIGHT_OPENAPI.name]);

/**
 * The sentence that ends a chart's description: ours against the best peer (smallest value), and, when that peer
 * prerenders per operation like us, against the best single-page app too.
 */
function versus<T extends { name: string }>(
  ours: number,
  peers: readonly T[],
  value: (peer: T) => number,
  subject: string,
  words: { less: string; more: string; same: string; best: string },
): string {
  const best = (list: readonly T[]) => [...list].sort((a, b) => value(a) - value(b))[0];
  const overall = best(peers);
  if (!overall) return '';
  const clause = (peer: T, role: string) => `${compared(ours, value(peer), words)} ${peer.name}, ${role}`;
  const spa = PER_OPERATION_PEERS.has(overall.name)
    ? best(peers.filter((peer) => !PER_OPERATION_PEERS.has(peer.name)))
    : undefined;
  return `${subject} ${clause(overall, `the ${words.best} peer`)}${spa ? `, and ${clause(spa, `the ${words.best} single-page app`)}` : ''}.`;
}

function jsChart(results: BenchResults): BarChart | undefined {
  if (!results.weight) return undefined;
  const { ours, peers } = results.weight.value;
  const operation = ours.find((page) => page.name === 'operation' && page.built);
  const explorer = ours.find((page) => page.name === 'explorer' && page.built);
  if (!operation || peers.length === 0) return undefined;
  const bars = [
    { label: 'Engine Room, operation page', value: jsBrotli(operation), ours: true },
    ...(explorer ? [{ label: 'Engine Room, explorer', value: jsBrotli(explorer), ours: true }] : []),
    ...peers.map((peer) => ({ label: peer.name, value: jsBrotli(peer) })),
  ];
  const list = bars.map((bar) => `${bar.label} ${kB(bar.value)}`).join(', ');
  return {
    file: 'js-before-interaction.svg',
    title: 'JavaScript before interaction (brotli, as served)',
    description:
      `JavaScript a browser downloads to show the createCustomer operation before anyone clicks: ${list}. ` +
      versus(jsBrotli(operation), peers, jsBrotli, 'Our operation page sends', {
        less: 'less than',
        more: 'more than',
        same: 'about as much as',
        best: 'lightest',
      }),
    bars,
    format: kB,
  };
}

const loadRange = (load: LoadSpread | undefined) =>
  load ? `${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)})` : '–';

function timingChart(results: BenchResults): BarChart | undefined {
  if (!results.timing) return undefined;
  const { ours, peers, runs } = results.timing.value;
  const entries: TimingResult[] = [ours, ...peers];
  const bars = entries.map((entry) => ({
    label: entry === ours ? 'Engine Room, operation page' : entry.name,
    value: entry.throttled.median,
    ours: entry === ours,
  }));
  if (peers.length === 0) return undefined;
  const loads = entries.flatMap((entry) => (entry.load ? [entry.load.throttled.min, entry.load.throttled.max] : []));
  const load =
    loads.length > 0
      ? ` (load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on 2 cores)`
      : '';
  return {
    file: 'title-visible-4x-cpu.svg',
    title: 'Operation title visible, 4× CPU slowdown (median ms)',
    description:
      `Milliseconds until "Create a customer" is visible with the CPU slowed 4×, median of ${runs} cold loads${load}: ` +
      `${bars.map((bar) => `${bar.label} ${ms(bar.value)}`).join(', ')}. ` +
      versus(ours.throttled.median, peers, (peer) => peer.throttled.median, 'Our page shows it', {
        less: 'sooner than',
        more: 'later than',
        same: 'about as soon as',
        best: 'fastest',
      }),
    bars,
    format: ms,
  };
}

/** The charts the report shows, from whatever parts the results hold; run.ts writes them to docs/benchmarks/. */
export function reportCharts(results: BenchResults): BarChart[] {
  return [jsChart(results), timingChart(results)].filter((chart) => chart !== undefined);
}

function weightSection(results: BenchResults, better: string[]): string[] {
  if (!results.weight) return [];
  const { ours, peers } = results.weight.value;
  const operation = ours.find((page) => page.name === 'operation');
  const explorer = ours.find((page) => page.name === 'explorer');
  const lines = [
    '## Page weight',
    '',
    ranOn(results.weight.run),
    '',
    'Everything a browser downloads to show the page before anyone clicks or scrolls (until the load event and half a',
    'second of network quiet), as raw / gzip / brotli bytes, each response compressed on its own with node:zlib (gzip 6,',
    'brotli 11); "as served" is what came over the wire from the bench’s server, which sends brotli 11 to Chromium.',
    '',
    '### Our pages',
    '',
    weightTable(ours),
    '',
    '### Peers rendering the same spec (`openapi/payments.yaml`)',
    '',
    weightTable(peers),
    '',
  ];
  const chart = jsChart(results);
  if (chart) lines.push(chartImage(chart), '');
  const blocked = peers.filter((peer) => peer.blocked.length > 0);
  for (const peer of blocked)
    lines.push(`${peer.name} tried to reach another host (blocked by the bench): ${peer.blocked.join(', ')}.`, '');
  if (operation?.built) {
    const rows = peers.map((peer) => [
      peer.name,
      ratio(operation.byKind.total.gzip, peer.byKind.total.gzip),
      ratio(operation.byKind.js.gzip, peer.byKind.js.gzip),
      PER_OPERATION_PEERS.has(peer.name)
        ? 'n/a (a page per operation)'
        : explorer?.built
          ? ratio(explorer.byKind.total.gzip, peer.byKind.total.gzip)
          : 'not built',
    ]);
    lines.push(
      '### Ratios, ours ÷ peer (gzip; below 1 means we send less)',
      '',
      'Our operation page shows one operation; each peer page shows the whole API, because that is the only page',
      'they have. The explorer is our interactive page and the fairer match for a peer.',
      '',
      table(['peer', 'operation page, total', 'operation page, JS', 'explorer, total'], rows),
      '',
    );
    for (const peer of peers) {
      if (!PER_OPERATION_PEERS.has(peer.name) && explorer?.built && explorer.byKind.total.gzip > peer.byKind.total.gzip)
        better.push(
          `${peer.name} sends less than our explorer: ${kB(peer.byKind.total.gzip)} against ${kB(explorer.byKind.total.gzip)} gzip.`,
        );
      if (operation.byKind.total.gzip > peer.byKind.total.gzip)
        better.push(
          `${peer.name} sends less than our operation page (${kB(peer.byKind.total.gzip)} against ${kB(operation.byKind.total.gzip)} gzip).`,
        );
      if (jsBrotli(operation) > jsBrotli(peer))
        better.push(
          `${peer.name} sends less JavaScript before interaction than our operation page (${kB(jsBrotli(peer))} against ${kB(jsBrotli(operation))} brotli).`,
        );
    }
  }
  return lines;
}

function timingSection(results: BenchResults, better: string[]): string[] {
  if (!results.timing) return [];
  const { ours, peers, runs } = results.timing.value;
  const rows = [ours, ...peers].map((entry) => [
    entry.name,
    spread(entry.normal),
    loadRange(entry.load?.normal),
    spread(entry.throttled),
    loadRange(entry.load?.throttled),
    entry === ours ? '1.00×' : ratio(ours.normal.median, entry.normal.median),
    entry === ours ? '1.00×' : ratio(ours.throttled.median, entry.throttled.median),
  ]);
  const chart = timingChart(results);
  for (const peer of peers) {
    if (peer.normal.median < ours.normal.median)
      better.push(
        `${peer.name} shows the operation sooner without throttling (${ms(peer.normal.median)} median against our ${ms(ours.normal.median)}).`,
      );
    if (peer.throttled.median < ours.throttled.median)
      better.push(
        `${peer.name} shows the operation sooner with 4× CPU throttling (${ms(peer.throttled.median)} median against our ${ms(ours.throttled.median)}).`,
      );
  }
  return [
    '## Time to first operation content',
    '',
    ranOn(results.timing.run),
    '',
    `Milliseconds from navigation start until the summary of \`createCustomer\` ("Create a customer") is rendered and`,
    `visible, recorded inside the page on each animation frame. Median (min–max) of ${runs} cold loads each (fresh`,
    'browser context, empty cache) after one untimed load of each page. The loads are interleaved: each run loads',
    'every page once per setting (A B C D E, then B C D E A in the next run), so a burst of load from other jobs lands',
    'on all pages; the load average (one-minute, median and range over the loads) stands beside each figure.',
    'Throttled runs slow the CPU 4× with CDP `Emulation.setCPUThrottlingRate`. Ours is the static operation page.',
    '',
    table(['page', 'no throttling', 'load', '4× CPU throttling', 'load (4×)', 'ours ÷ peer', 'ours ÷ peer (4×)'], rows),
    '',
    ...(chart ? [chartImage(chart), ''] : []),
  ];
}

function lighthouseSection(results: BenchResults, better: string[]): string[] {
  if (!results.lighthouse) return [];
  const { ours, peers } = results.lighthouse.value;
  const row = (entry: (typeof ours)[number]) =>
    entry.built
      ? [
          entry.name,
          String(entry.performance ?? '–'),
          String(entry.accessibility ?? '–'),
          String(entry.seo ?? '–'),
          entry.lcpMs === undefined ? '–' : ms(entry.lcpMs),
          entry.tbtMs === undefined ? '–' : ms(entry.tbtMs),
          entry.loadAverage === undefined ? '–' : entry.loadAverage.toFixed(1),
        ]
      : [entry.name, 'not built', '', '', '', '', ''];
  for (const page of ours.filter((entry) => entry.name === 'operation' || entry.name === 'explorer')) {
    for (const peer of peers.filter((peer) => page.name === 'operation' || !PER_OPERATION_PEERS.has(peer.name))) {
      for (const category of ['performance', 'accessibility', 'seo'] as const) {
        const theirs = peer[category];
        const mine = page[category];
        if (theirs !== undefined && mine !== undefined && theirs > mine)
          better.push(
            `${peer.name} scores higher on Lighthouse ${category} than our ${page.name} page (${theirs} against ${mine}${theirs - mine < 5 ? ', within the 5 points of noise' : ''}).`,
          );
      }
    }
  }
  return [
    '## Lighthouse (mobile)',
    '',
    ranOn(results.lighthouse.run),
    '',
    'Lighthouse 12.2.3 through its Node API, default mobile settings (simulated slow 4G and 4× CPU), one run per page,',
    'served compressed like the other measurements. Scores move by a few points between runs on a shared machine; read',
    'differences under 5 points as noise. "Load" is the one-minute load average as each audit started.',
    '',
    table(['page', 'performance', 'accessibility', 'SEO', 'LCP', 'TBT', 'load'], [...ours, ...peers].map(row)),
    '',
  ];
}

function sandboxSection(results: BenchResults): string[] {
  if (!results.sandbox) return [];
  const { browser, browserGeneric, server, generic } = results.sandbox.value;
  return [
    '## Sandbox',
    '',
    ranOn(results.sandbox.run),
    '',
    table(
      ['measure', 'value'],
      [
        ...(browser
          ? [
              [
                `in-browser round trip through the Service Worker, p50 (${browser.requests} requests after warm-up)`,
                `${browser.p50.toFixed(2)} ms`,
              ],
              ['in-browser round trip, p95', `${browser.p95.toFixed(2)} ms`],
              ...(browser.statuses ? [['in-browser answers', statusLine(browser.statuses)]] : []),
            ]
          : []),
        ...(browserGeneric
          ? [
              [
                `generic mocks in the browser on ${browserGeneric.spec} (${browserGeneric.megabytes.toFixed(1)} MB), \`GET ${browserGeneric.path}\`, p50`,
                `${browserGeneric.p50.toFixed(2)} ms`,
              ],
              ['generic mocks in the browser, p95', `${browserGeneric.p95.toFixed(2)} ms`],
              ['generic mocks in the browser, answers', statusLine(browserGeneric.statuses)],
            ]
          : []),
        [
          'local sandbox server (`npm run sandbox`), autocannon 16 connections',
          `${Math.round(server.requestsPerSecond)} requests/s`,
        ],
        ['local sandbox server, p50 latency', `${server.p50LatencyMs} ms`],
        ['local sandbox server, errors or non-2xx', String(server.errors)],
        ...(generic
          ? [
              [
                `generic mocks on ${generic.spec} (${generic.megabytes.toFixed(1)} MB), \`GET ${generic.path}\``,
                `${Math.round(generic.requestsPerSecond)} requests/s`,
              ],
              ['generic mocks, p50 latency', `${generic.p50LatencyMs} ms`],
              ['generic mocks, errors or non-2xx', String(generic.errors)],
            ]
          : []),
      ],
    ),
    '',
  ];
}

function mcpSection(results: BenchResults): string[] {
  if (!results.mcp) return [];
  const { apis, startup, firstSearch } = results.mcp.value;
  const cpu = (summary: typeof startup.cpuMs) => (summary ? spread(summary) : 'not measured (needs Linux /proc)');
  const verdict = startup.cpuMs
    ? startup.cpuMs.max < STARTUP_CPU_BUDGET_MS
      ? `every run stayed under the ${STARTUP_CPU_BUDGET_MS / 1000} s budget`
      : `over the ${STARTUP_CPU_BUDGET_MS / 1000} s budget in at least one run`
    : 'CPU not measured here';
  return [
    '## MCP server (`npm run mcp`)',
    '',
    ranOn(results.mcp.run),
    '',
    `CPU time (user + system) of the server process, ${apis} APIs, from its start until it has answered`,
    '`initialize` and `tools/list`, which every client sends first; the generated specs were already there. The sandbox,',
    'the reference model and the search index load on first use, so start-up does not grow with the specs; the first',
    `\`search_docs\` pays for building the index over every page. Start-up: ${verdict}.`,
    '',
    table(
      ['measure', 'value'],
      [
        ['start-up CPU', cpu(startup.cpuMs)],
        ['start-up, wall clock', spread(startup.wallMs)],
        ['first `search_docs` (builds the index), CPU', cpu(firstSearch.cpuMs)],
        ['first `search_docs`, wall clock', spread(firstSearch.wallMs)],
      ],
    ),
    '',
  ];
}

function searchSection(results: BenchResults): string[] {
  if (!results.search) return [];
  const { firstQuery, firstQueryWarmed, warmQuery, index } = results.search.value;
  return [
    '## Search (Pagefind)',
    '',
    ranOn(results.search.run),
    '',
    'Through `pagefind.js` in the browser, until the data of the first five results is loaded. The first query includes',
    'loading Pagefind, its WebAssembly and the index chunks it needs; "after warm-up" is the first query once the search',
    'button has loaded Pagefind (it does so when the reader points at or focuses it); warm queries are different words',
    'on the same page.',
    '',
    table(
      ['measure', 'value'],
      [
        ['first query', spread(firstQuery)],
        ...(firstQueryWarmed ? [['first query after warm-up', spread(firstQueryWarmed)]] : []),
        ['warm query', spread(warmQuery)],
        ['index (`dist/pagefind/`)', `${kB(index.bytes)} in ${index.files} files`],
      ],
    ),
    '',
  ];
}

function budgetSection(results: BenchResults): string[] {
  if (!results.weight) return [];
  const rows = results.weight.value.ours
    .filter((page) => page.built)
    .map((page) => {
      const jsLimited = page.name === 'article' || page.name === 'operation';
      return [
        page.name,
        jsLimited
          ? `${kB(page.byKind.js.gzip)} of ${kB(budgets.jsBeforeInteractionGzip)}`
          : `${kB(page.byKind.js.gzip)} (no budget)`,
        `${kB(page.byKind.html.gzip)} of ${kB(budgets.htmlGzip)}`,
      ];
    });
  return [
    '## Byte budgets',
    '',
    '`npm test` enforces these (numbers in `bench/budgets.ts`): the HTML budget on every page of the sitemap',
    '(`e2e/budgets.spec.ts`), and the JavaScript budget and "Scalar on no other page" on every page of the root build,',
    'in the page sweep (`e2e/every-page.spec.ts`). Here is where the measured pages stand. The explorer is exempt from',
    'the JavaScript budget: it is the one page that loads Scalar.',
    '',
    table(['page', 'JS before interaction (gzip)', 'HTML (gzip)'], rows),
    '',
    `\`e2e/budgets.spec.ts\` also holds what interaction costs: the first Send on a guide and on an operation page to ${kB(budgets.firstSendGzip)}`,
    `(MSW, the sandbox core and the one API called, never another API's chunk), the playground's first load (page and`,
    `one API catalogue) to ${kB(budgets.playgroundFirstLoadGzip)}, and the first search query once the button has warmed Pagefind to`,
    `${kB(budgets.searchFirstQueryGzip)} of index chunks and fragments, with nothing else fetched after the reader types.`,
    '',
  ];
}

export function renderReport(results: BenchResults): string {
  const better: string[] = [];
  const runs = Object.values(results).map((part) => part.run as RunInfo);
  const machine = runs.at(-1)?.machine;
  const body = [
    ...buildSection(results),
    ...weightSection(results, better),
    ...budgetSection(results),
    ...timingSection(results, better),
    ...lighthouseSection(results, better),
    ...searchSection(results),
    ...sandboxSection(results),
    ...mcpSection(results),
  ];
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench -- --write` from bench/results.json. Edit bench/report.ts, not this file. -->',
    '',
    'How Engine Room compares with the API reference renderers people would otherwise use (Swagger UI, Redoc, Scalar',
    'and starlight-openapi), on the same spec, the same static server and the same browser; and how its build, search and sandbox',
    'hold up. Absolute times on a shared machine are noisy, so read the ratios and medians, and the spread beside them.',
    '',
    '## Method',
    '',
    '- Run `npm run bench` (everything, about 20 minutes here, most of it the scaling builds; the figures below used',
    '  `--scaling-minutes=9`) or `npm run bench -- --only=weight,timing --quick`;',
    '  `--write` regenerates this page (`--only= --write` rewrites it from the saved results without measuring).',
    '  Parts run alone keep the other parts’ last results (`bench/results.json`). The charts (`docs/benchmarks/*.svg`)',
    '  are written with the page, or alone with `--charts`. `--sandbox-dist=DIR` runs the sandbox part on another build:',
    '  one built with `OPENAPI_EXTRA=../shared/specs/square-api.json` adds the generic mocks’ round trip in the browser.',
    '- Our site is built into `dist-bench/` and served by `scripts/serve-dist.ts --compress` on 127.0.0.1. Swagger UI,',
    '  Redoc and Scalar each get a minimal HTML shell (same title, language and viewport for all) loading its own bundle:',
    '  `swagger-ui-dist`, `redoc/bundles/redoc.standalone.js` and `@scalar/api-reference/dist/browser/standalone.js`;',
    '  starlight-openapi (a Starlight plugin that, like us, prerenders a page per operation) gets the smallest Starlight',
    '  site its guide describes, built for the bench (`bench/starlight-openapi-site.ts`). All are served by the same',
    '  server from a temporary folder, with `openapi/payments.yaml` as their spec. Requests to other hosts are blocked.',
    '- The server compresses as a CDN does: brotli (quality 11) or gzip by `Accept-Encoding`, each file compressed once',
    '  and kept, images and fonts as they are, so page weight, timing and Lighthouse all see compressed responses.',
    '- Browser measurements use Chromium through Playwright, a fresh context (empty cache) per load.',
    ...(machine
      ? [
          '',
          '## Machine',
          '',
          `${machine.cpu}, ${machine.cores} cores available to the bench, ${machine.memoryGb} GB memory, Node ${machine.node}` +
            `${machine.chromium ? `, Chromium ${machine.chromium}` : ''}. The cores are shared with other jobs, which is why every`,
          'timing comes with its spread and the load average (at the start of its part, and beside each timed figure).',
        ]
      : []),
    '',
    '## Reading the comparison fairly',
    '',
    '- The peers are single-page apps: one page holds the whole API, rendered in the browser from the spec, with a',
    '  request console built in. Our reference is one prerendered HTML page per operation, with the sandbox loaded',
    '  only when a reader presses Send. So the peers do more per page load, and our per-page numbers are smaller',
    '  partly by design; the explorer page (which embeds Scalar) is the like-for-like interactive comparison.',
    '- Peer shells use each tool’s defaults. Tuning (Swagger UI’s smaller bundles, Redoc’s server-side rendering)',
    '  could narrow some gaps; we measured what their documentation tells people to paste.',
    '- Redoc and Scalar render the spec into a long page; their first operation appears only after their bundle has',
    '  run, which the timing measures. Our page needs no script to show its content.',
    '- starlight-openapi is the like-for-like match for our operation page: Starlight too, one prerendered page per',
    '  operation, readable without script. It has no request console or sandbox, so it is compared with our operation',
    '  page, never with our explorer.',
    '',
    '## Where the peers do better',
    '',
    ...(better.length > 0
      ? better.map((line) => `- ${line}`)
      : ['- Nothing measured here: we are ahead on every figure above.']),
    '',
    ...body,
  ].join('\n');
}
