/** The charts against the peers and the sentences ending them; the sections and run.ts both draw them. */
import type { BarChart } from './charts.ts';
import { kB, ms } from './format.ts';
import type { BenchResults } from './results.ts';
import { STARLIGHT_OPENAPI } from './starlight-openapi-site.ts';
import type { PageWeight } from './page-weight.ts';
import type { TimingResult } from './timing.ts';

/** JavaScript before interaction as served (brotli), or computed brotli for results from before the server compressed. */
export const jsBrotli = (page: PageWeight) => page.byKind.js.wire ?? page.byKind.js.brotli;

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
export const PER_OPERATION_PEERS: ReadonlySet<string> = new Set([STARLIGHT_OPENAPI.name]);

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

export function jsChart(results: BenchResults): BarChart | undefined {
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
export function timingChart(results: BenchResults): BarChart | undefined {
  if (!results.timing) return undefined;
  const { ours, explorer, peers, runs } = results.timing.value;
  const entries: TimingResult[] = [ours, ...(explorer ? [explorer] : []), ...peers];
  const bars = entries.map((entry) => ({
    label: entry === ours ? 'Engine Room, operation page' : entry === explorer ? 'Engine Room, explorer' : entry.name,
    value: entry.throttled.median,
    ours: entry === ours || entry === explorer,
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
