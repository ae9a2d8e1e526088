/** The sections measuring Engine Room alone (byte budgets, search, sandbox, MCP server): no peer to compare with. */
import { budgets } from './budgets.ts';
import { kB, ranOn, spread, statusLine, table } from './format.ts';
import { STARTUP_CPU_BUDGET_MS } from './mcp.ts';
import type { BenchResults } from './results.ts';

/** A round trip through the Service Worker: p50, p95 and the answers' statuses. */
function roundTripRows(
  label: string,
  short: string,
  trip: { p50: number; p95: number; statuses?: Record<string, number> | undefined },
) {
  return [
    [`${label}, p50`, `${trip.p50.toFixed(2)} ms`],
    [`${short}, p95`, `${trip.p95.toFixed(2)} ms`],
    ...(trip.statuses ? [[`${short}, answers`, statusLine(trip.statuses)]] : []),
  ];
}

/** Autocannon against a server: throughput, p50 and p95 latency (p95 is missing from results before 2026-12-02). */
function throughputRows(
  label: string,
  short: string,
  run: { requestsPerSecond: number; p50LatencyMs: number; p95LatencyMs?: number | undefined; errors: number },
) {
  return [
    [label, `${Math.round(run.requestsPerSecond)} requests/s`],
    [`${short}, p50 latency`, `${run.p50LatencyMs} ms`],
    ...(run.p95LatencyMs === undefined ? [] : [[`${short}, p95 latency`, `${run.p95LatencyMs.toFixed(2)} ms`]]),
    [`${short}, errors or non-2xx`, String(run.errors)],
  ];
}

export function sandboxSection(results: BenchResults): string[] {
  if (!results.sandbox) return [];
  const { browser, browserGeneric, floors, server, generic } = results.sandbox.value;
  return [
    '## Sandbox',
    '',
    ranOn(results.sandbox.run),
    '',
    table(
      ['measure', 'value'],
      [
        ...(browser
          ? roundTripRows(
              `in-browser round trip through the Service Worker (${browser.requests} requests after warm-up)`,
              'in-browser round trip',
              browser,
            )
          : []),
        ...(floors
          ? [
              // A floor's answer is canned, so its statuses say nothing.
              ...roundTripRows('floor: a Service Worker answering the same requests by itself', 'floor, worker', {
                ...floors.worker,
                statuses: undefined,
              }),
              ...roundTripRows('floor: MSW with a handler returning the same answer', 'floor, MSW', {
                ...floors.msw,
                statuses: undefined,
              }),
            ]
          : []),
        ...(browserGeneric
          ? roundTripRows(
              `generic mocks in the browser on ${browserGeneric.spec} (${browserGeneric.megabytes.toFixed(1)} MB), \`GET ${browserGeneric.path}\``,
              'generic mocks in the browser',
              browserGeneric,
            )
          : []),
        ...throughputRows(
          'local sandbox server (`npm run sandbox`), autocannon 16 connections',
          'local sandbox server',
          server,
        ),
        ...(generic
          ? throughputRows(
              `generic mocks on ${generic.spec} (${generic.megabytes.toFixed(1)} MB), \`GET ${generic.path}\``,
              'generic mocks',
              generic,
            )
          : []),
      ],
    ),
    '',
    ...(browser && floors ? [floorSentence(browser.p50, floors.worker.p50, floors.msw.p50), ''] : []),
  ];
}

/** How the round trip splits between the browser, MSW and the sandbox, from the p50s of one run. */
export function floorSentence(ours: number, worker: number, msw: number): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  // Two medians of noisy runs can differ either way; a negative share is noise, not a saving.
  const share = (value: number) => (value > 0 ? ms(value) : 'nothing measurable');
  return (
    `Of the sandbox's ${ms(ours)} at p50, ${ms(worker)} is what this browser takes for any answer from a Service ` +
    `Worker (the floor: a worker that answers by itself), MSW's trip from its worker to the page and back adds ` +
    `${share(msw - worker)}, and the sandbox itself (routing, auth, rate limit, validation, state) ${share(ours - msw)}. ` +
    'The floors give the same body and headers and ran in the same browser straight after the sandbox.'
  );
}

export function mcpSection(results: BenchResults): string[] {
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

export function searchSection(results: BenchResults): string[] {
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

export function budgetSection(results: BenchResults): string[] {
  if (!results.weight) return [];
  const rows = results.weight.value.ours
    .filter((page) => page.built)
    .map((page) => {
      // As e2e/support/script-budget.ts applies it: every page but the two apps.
      const jsLimited = page.name !== 'explorer' && page.name !== 'playground';
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
    'in the page sweep (`e2e/every-page.spec.ts`). Here is where the measured pages stand. Two apps are exempt from',
    'the JavaScript budget: the explorer, the one page that loads Scalar, and the playground, held to its first-load',
    'budget below.',
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
