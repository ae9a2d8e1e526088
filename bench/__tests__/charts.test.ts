/**
 * The report's SVG bar charts: a reader of docs/benchmarks.md (or a screen reader) gets the comparison in words from
 * the title, the description and the alt text, and the bars are drawn to scale.
 */
import { describe, expect, test } from 'vitest';
import { barChartSvg, chartImage, type BarChart } from '../charts.ts';
import type { PageWeight } from '../page-weight.ts';
import { renderReport, reportCharts } from '../report.ts';
import type { BenchResults, RunInfo } from '../results.ts';
import type { TimingResult } from '../timing.ts';

const chart: BarChart = {
  file: 'example.svg',
  title: 'JavaScript <before> interaction',
  description: 'Ours 25 kB, Swagger UI & friends 350 kB.',
  bars: [
    { label: 'Engine Room', value: 25, ours: true },
    { label: 'Swagger UI & co', value: 350 },
    { label: 'Nothing', value: 0 },
  ],
  format: (value) => `${value} kB`,
};

const widths = (svg: string) => [...svg.matchAll(/<rect x="\d+" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('barChartSvg', () => {
  const svg = barChartSvg(chart);

  test('is an SVG image named by its title and described by its description, text escaped', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="title desc"/);
    expect(svg).toContain('<title id="title">JavaScript &lt;before&gt; interaction</title>');
    expect(svg).toContain('<desc id="desc">Ours 25 kB, Swagger UI &amp; friends 350 kB.</desc>');
    expect(svg).toContain('>Swagger UI &amp; co</text>');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  test('draws bars to scale, the largest across the plot, a zero as no bar, with each value written beside it', () => {
    const [ours, peer, nothing] = widths(svg);
    expect(peer).toBe(400);
    expect(ours! / peer!).toBeCloseTo(25 / 350, 2);
    expect(nothing).toBe(0);
    expect(svg).toContain('>350 kB</text>');
    expect(svg).toContain('>0 kB</text>');
  });

  test('colours our bars apart from the peers', () => {
    const fills = [...svg.matchAll(/<rect x="\d+" y="\d+"[^>]* fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(fills[0]).not.toBe(fills[1]);
    expect(fills[1]).toBe(fills[2]);
  });

  test('the Markdown image points into docs/benchmarks/ with the comparison as alt text', () => {
    expect(chartImage(chart)).toBe(
      '![JavaScript <before> interaction: Ours 25 kB, Swagger UI & friends 350 kB.](benchmarks/example.svg)',
    );
  });
});

const run: RunInfo = {
  at: '2026-12-02T10:00:00.000Z',
  quick: false,
  seconds: 60,
  machine: { cpu: 'test', cores: 2, memoryGb: 24, loadAverage: 1.5, node: 'v24' },
};

function weight(name: string, jsBrotli: number): PageWeight {
  const bytes = { bytes: jsBrotli * 4, gzip: jsBrotli * 1.2, brotli: jsBrotli, wire: jsBrotli };
  const zero = { bytes: 0, gzip: 0, brotli: 0, wire: 0 };
  return {
    name,
    url: `http://127.0.0.1/${name}`,
    built: true,
    requests: 3,
    blocked: [],
    byKind: { js: bytes, css: zero, html: zero, other: zero, total: bytes },
  };
}

function timing(name: string, throttled: number, load: number): TimingResult {
  const summary = (median: number) => ({ runs: 5, median, min: median * 0.9, max: median * 1.2, p95: median * 1.1 });
  const spread = { median: load, min: load - 0.5, max: load + 0.5 };
  return {
    name,
    url: '',
    normal: summary(throttled / 3),
    throttled: summary(throttled),
    load: { normal: spread, throttled: spread },
  };
}

const results: BenchResults = {
  weight: {
    run,
    value: {
      ours: [weight('operation', 25 * 1024), weight('explorer', 890 * 1024)],
      peers: [weight('Swagger UI', 350 * 1024), weight('Redoc', 250 * 1024)],
    },
  },
  timing: {
    run,
    value: {
      ours: timing('Engine Room (operation page)', 1000, 2),
      peers: [timing('Swagger UI', 6000, 3), timing('Redoc', 5000, 4)],
      runs: 5,
    },
  },
};

describe('reportCharts', () => {
  const [js, time] = reportCharts(results);

  test('JavaScript chart: every page with its size, and how far ours is below the lightest peer', () => {
    expect(js!.file).toBe('js-before-interaction.svg');
    expect(js!.bars.map((bar) => bar.label)).toEqual([
      'Engine Room, operation page',
      'Engine Room, explorer',
      'Swagger UI',
      'Redoc',
    ]);
    expect(js!.description).toContain('Engine Room, operation page 25.0 kB');
    expect(js!.description).toContain('Our operation page sends 10.0× less than Redoc, the lightest peer.');
  });

  test('timing chart: the 4× CPU medians, the load average and how much sooner ours is than the fastest peer', () => {
    expect(time!.file).toBe('title-visible-4x-cpu.svg');
    expect(time!.bars.map((bar) => bar.value)).toEqual([1000, 6000, 5000]);
    expect(time!.description).toContain('load average 1.5–4.5 on 2 cores');
    expect(time!.description).toContain('Our page shows it 5.0× sooner than Redoc, the fastest peer.');
  });

  test('says "more" and "later" when a peer does better', () => {
    const slower = structuredClone(results);
    slower.timing!.value.ours = timing('Engine Room (operation page)', 10_000, 2);
    expect(reportCharts(slower)[1]!.description).toContain('2.0× later than Redoc, the fastest peer.');
  });

  test('the report shows both charts beside their tables, with load averages in the timing table', () => {
    const report = renderReport(results);
    expect(report).toContain(chartImage(js!));
    expect(report).toContain(chartImage(time!));
    expect(report).toMatch(/\| Redoc \| 1667 ms \(1500–2000, n=5\) \| 4\.0 \(3\.5–4\.5\) \| 5000 ms/);
  });

  test('says "about as much as" within 5 %, where 1.0× would hide which way it goes', () => {
    const close = structuredClone(results);
    close.weight!.value.peers.push(weight('starlight-openapi', 24.5 * 1024));
    expect(reportCharts(close)[0]!.description).toContain(
      'Our operation page sends about as much as starlight-openapi, the lightest peer, and 10.0× less than Redoc, the lightest single-page app.',
    );
  });

  test('a peer with a page per operation is compared with our operation page, never with our explorer', () => {
    const withStarlight = structuredClone(results);
    withStarlight.weight!.value.peers.push(weight('starlight-openapi', 20 * 1024));
    const report = renderReport(withStarlight);
    expect(report).toMatch(/\| starlight-openapi \| [\d.]+× \| [\d.]+× \| n\/a \(a page per operation\) \|/);
    expect(report).not.toContain('starlight-openapi sends less than our explorer');
    expect(report).toContain(
      'starlight-openapi sends less JavaScript before interaction than our operation page (20.0 kB against 25.0 kB brotli).',
    );
  });

  test('our explorer is timed beside Scalar, its like-for-like match, and never counts as a peer', () => {
    const withExplorer = structuredClone(results);
    withExplorer.timing!.value.explorer = timing('Engine Room (explorer)', 6600, 2);
    withExplorer.timing!.value.peers.push(timing('Scalar', 6000, 3));
    const report = renderReport(withExplorer);
    expect(report).toMatch(/\| Engine Room \(explorer\) \| .* \| n\/a \| n\/a \|/);
    expect(report).toContain("with 4× CPU it\nshowed the operation in 6600 ms against Scalar's 6000 ms (1.10×)");
    expect(report).toContain('Scalar on its own shows the operation sooner than our explorer with 4× CPU throttling');
    expect(report).not.toContain('Engine Room (explorer) shows the operation sooner');
    const bars = reportCharts(withExplorer)[1]!.bars;
    expect(bars.filter((bar) => bar.ours).map((bar) => bar.label)).toEqual([
      'Engine Room, operation page',
      'Engine Room, explorer',
    ]);
  });

  test('no weight or timing results, no charts', () => {
    expect(reportCharts({})).toEqual([]);
  });
});
