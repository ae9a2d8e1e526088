import { budgets } from './budgets.ts';
import { kB, ms, ranOn, ratio, spread, table } from './format.ts';
import { STARTUP_CPU_BUDGET_MS } from './mcp.ts';
import { buildSection } from './report-build.ts';
import type { BenchResults, RunInfo } from './results.ts';
import type { PageWeight } from './page-weight.ts';

/**
 * Turn bench results into Markdown: the same text `npm run bench` prints and `--write` saves as docs/benchmarks.md.
 * Comparisons are computed, so a sentence saying a peer does better appears whenever the numbers say so.
 */

const weightCell = (bytes: { bytes: number; gzip: number; brotli: number }) =>
  `${kB(bytes.bytes)} / ${kB(bytes.gzip)} / ${kB(bytes.brotli)}`;

function weightTable(pages: readonly PageWeight[]): string {
  return table(
    ['page', 'requests', 'JS', 'CSS', 'HTML', 'other', 'total'],
    pages.map((page) =>
      page.built
        ? [
            page.name,
            String(page.requests),
            ...(['js', 'css', 'html', 'other', 'total'] as const).map((kind) => weightCell(page.byKind[kind])),
          ]
        : [page.name, 'not built', '', '', '', '', ''],
    ),
  );
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
    'second of network quiet), as raw / gzip / brotli bytes. Each response is compressed on its own, as served.',
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
  const blocked = peers.filter((peer) => peer.blocked.length > 0);
  for (const peer of blocked)
    lines.push(`${peer.name} tried to reach another host (blocked by the bench): ${peer.blocked.join(', ')}.`, '');
  if (operation?.built) {
    const rows = peers.map((peer) => [
      peer.name,
      ratio(operation.byKind.total.gzip, peer.byKind.total.gzip),
      ratio(operation.byKind.js.gzip, peer.byKind.js.gzip),
      explorer?.built ? ratio(explorer.byKind.total.gzip, peer.byKind.total.gzip) : 'not built',
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
      if (explorer?.built && explorer.byKind.total.gzip > peer.byKind.total.gzip)
        better.push(
          `${peer.name} sends less than our explorer: ${kB(peer.byKind.total.gzip)} against ${kB(explorer.byKind.total.gzip)} gzip.`,
        );
      if (operation.byKind.total.gzip > peer.byKind.total.gzip)
        better.push(`${peer.name} sends less than our operation page (${kB(peer.byKind.total.gzip)} gzip).`);
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
    spread(entry.throttled),
    entry === ours ? '1.00×' : ratio(ours.normal.median, entry.normal.median),
    entry === ours ? '1.00×' : ratio(ours.throttled.median, entry.throttled.median),
  ]);
  for (const peer of peers) {
    if (peer.normal.median < ours.normal.median)
      better.push(`${peer.name} shows the operation sooner without throttling (${ms(peer.normal.median)} median).`);
    if (peer.throttled.median < ours.throttled.median)
      better.push(
        `${peer.name} shows the operation sooner with 4× CPU throttling (${ms(peer.throttled.median)} median).`,
      );
  }
  return [
    '## Time to first operation content',
    '',
    ranOn(results.timing.run),
    '',
    `Milliseconds from navigation start until the summary of \`createCustomer\` ("Create a customer") is rendered and`,
    `visible, recorded inside the page on each animation frame. Median (min–max) of ${runs} cold loads each (fresh`,
    'browser context, empty cache), runs interleaved across pages and settings; throttled runs slow the CPU 4× with',
    'CDP `Emulation.setCPUThrottlingRate`. Ours is the static operation page.',
    '',
    table(['page', 'no throttling', '4× CPU throttling', 'ours ÷ peer', 'ours ÷ peer (4×)'], rows),
    '',
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
        ]
      : [entry.name, 'not built', '', '', '', ''];
  for (const page of ours.filter((entry) => entry.name === 'operation' || entry.name === 'explorer')) {
    for (const peer of peers) {
      for (const category of ['performance', 'accessibility', 'seo'] as const) {
        const theirs = peer[category];
        const mine = page[category];
        if (theirs !== undefined && mine !== undefined && theirs > mine)
          better.push(
            `${peer.name} scores higher on Lighthouse ${category} than our ${page.name} page (${theirs} against ${mine}).`,
          );
      }
    }
  }
  return [
    '## Lighthouse (mobile)',
    '',
    ranOn(results.lighthouse.run),
    '',
    'Lighthouse 12.2.3 through its Node API, default mobile settings (simulated slow 4G and 4× CPU), one run per page.',
    'Scores move by a few points between runs on a shared machine; read differences under 5 points as noise.',
    '',
    table(['page', 'performance', 'accessibility', 'SEO', 'LCP', 'TBT'], [...ours, ...peers].map(row)),
    '',
  ];
}

function sandboxSection(results: BenchResults): string[] {
  if (!results.sandbox) return [];
  const { browser, server, generic } = results.sandbox.value;
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
    'How Engine Room compares with the API reference renderers people would otherwise use (Swagger UI, Redoc and',
    'Scalar), on the same spec, the same static server and the same browser; and how its build, search and sandbox',
    'hold up. Absolute times on a shared machine are noisy, so read the ratios and medians, and the spread beside them.',
    '',
    '## Method',
    '',
    '- Run `npm run bench` (everything, about 20 minutes here, most of it the scaling builds; the figures below used',
    '  `--scaling-minutes=9`) or `npm run bench -- --only=weight,timing --quick`;',
    '  `--write` regenerates this page (`--only= --write` rewrites it from the saved results without measuring).',
    '  Parts run alone keep the other parts’ last results (`bench/results.json`).',
    '- Our site is built into `dist-bench/` and served by `scripts/serve-dist.ts` on 127.0.0.1. Each peer gets a minimal',
    '  HTML shell (same title, language and viewport for all) loading its own bundle: `swagger-ui-dist`,',
    '  `redoc/bundles/redoc.standalone.js` and `@scalar/api-reference/dist/browser/standalone.js`, served by the same',
    '  server from a temporary folder, with `openapi/payments.yaml` as their spec. Requests to other hosts are blocked.',
    '- Browser measurements use Chromium through Playwright, a fresh context (empty cache) per load, no HTTP',
    '  compression on the wire; compressed sizes are computed with node:zlib per response.',
    ...(machine
      ? [
          '',
          '## Machine',
          '',
          `${machine.cpu}, ${machine.cores} cores available to the bench, ${machine.memoryGb} GB memory, Node ${machine.node}` +
            `${machine.chromium ? `, Chromium ${machine.chromium}` : ''}. The cores are shared with other jobs, which is why every`,
          'timing comes with its spread and the load average when it started.',
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
