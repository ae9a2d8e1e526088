/** The sections comparing us with the peers (page weight, timing, Lighthouse): each notes where a peer does better. */
import { chartImage } from './charts.ts';
import { kB, ms, ranOn, ratio, spread, table } from './format.ts';
import type { BenchResults } from './results.ts';
import type { PageWeight } from './page-weight.ts';
import { jsBrotli, jsChart, PER_OPERATION_PEERS, timingChart } from './report-peer-charts.ts';
import type { LoadSpread } from './timing.ts';

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

const loadRange = (load: LoadSpread | undefined) =>
  load ? `${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)})` : '–';

export function weightSection(results: BenchResults, better: string[]): string[] {
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

export function timingSection(results: BenchResults, better: string[]): string[] {
  if (!results.timing) return [];
  const { ours, explorer, peers, runs } = results.timing.value;
  const rows = [ours, ...(explorer ? [explorer] : []), ...peers].map((entry) => [
    entry.name,
    spread(entry.normal),
    loadRange(entry.load?.normal),
    spread(entry.throttled),
    loadRange(entry.load?.throttled),
    entry === ours ? '1.00×' : entry === explorer ? 'n/a' : ratio(ours.normal.median, entry.normal.median),
    entry === ours ? '1.00×' : entry === explorer ? 'n/a' : ratio(ours.throttled.median, entry.throttled.median),
  ]);
  const scalar = peers.find((peer) => peer.name === 'Scalar');
  const explorerNote =
    explorer && scalar
      ? [
          `Our explorer is Scalar too, with our sandbox and settings, so Scalar's own page is its match: with 4× CPU it`,
          `showed the operation in ${ms(explorer.throttled.median)} against Scalar's ${ms(scalar.throttled.median)}` +
            ` (${ratio(explorer.throttled.median, scalar.throttled.median)}), and in ${ms(explorer.normal.median)} against` +
            ` ${ms(scalar.normal.median)} without throttling.`,
          '',
        ]
      : [];
  if (explorer && scalar && scalar.throttled.median < explorer.throttled.median)
    better.push(
      `Scalar on its own shows the operation sooner than our explorer with 4× CPU throttling (${ms(scalar.throttled.median)} median against ${ms(explorer.throttled.median)}).`,
    );
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
    'visible as content, recorded inside the page on each animation frame. A sidebar or menu entry with the same',
    'words does not count (Scalar and starlight-openapi list every operation in theirs, and paint it first; figures',
    `before 2026-12-02 14:40 UTC counted it). Median (min–max) of ${runs} cold loads each (fresh`,
    'browser context, empty cache) after one untimed load of each page. The loads are interleaved: each run loads',
    'every page once per setting (A B C D E, then B C D E A in the next run), so a burst of load from other jobs lands',
    'on all pages; the load average (one-minute, median and range over the loads) stands beside each figure.',
    'Throttled runs slow the CPU 4× with CDP `Emulation.setCPUThrottlingRate`. The ratios are those of our static',
    'operation page; our explorer (Scalar with our sandbox) and Scalar open at Scalar’s link to the operation.',
    '',
    table(['page', 'no throttling', 'load', '4× CPU throttling', 'load (4×)', 'ours ÷ peer', 'ours ÷ peer (4×)'], rows),
    '',
    ...explorerNote,
    ...(chart ? [chartImage(chart), ''] : []),
  ];
}

export function lighthouseSection(results: BenchResults, better: string[]): string[] {
  if (!results.lighthouse) return [];
  const { ours, peers } = results.lighthouse.value;
  const row = (entry: (typeof ours)[number]) =>
    entry.built
      ? [
          entry.name,
          String(entry.performance ?? '–'),
          String(entry.accessibility ?? '–'),
          String(entry.bestPractices ?? '–'),
          String(entry.seo ?? '–'),
          entry.lcpMs === undefined ? '–' : ms(entry.lcpMs),
          entry.tbtMs === undefined ? '–' : ms(entry.tbtMs),
          entry.loadAverage === undefined ? '–' : entry.loadAverage.toFixed(1),
        ]
      : [entry.name, 'not built', '', '', '', '', '', ''];
  for (const page of ours.filter((entry) => entry.name === 'operation' || entry.name === 'explorer')) {
    for (const peer of peers.filter((peer) => page.name === 'operation' || !PER_OPERATION_PEERS.has(peer.name))) {
      for (const category of ['performance', 'accessibility', 'bestPractices', 'seo'] as const) {
        const theirs = peer[category];
        const mine = page[category];
        if (theirs !== undefined && mine !== undefined && theirs > mine)
          better.push(
            `${peer.name} scores higher on Lighthouse ${category === 'bestPractices' ? 'best practices' : category} than our ${page.name} page (${theirs} against ${mine}${theirs - mine < 5 ? ', within the 5 points of noise' : ''}).`,
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
    table(
      ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT', 'load'],
      [...ours, ...peers].map(row),
    ),
    '',
  ];
}
