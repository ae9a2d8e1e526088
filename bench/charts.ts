/**
 * Bar charts for docs/benchmarks.md, as plain SVG strings (no chart library): one horizontal bar per page, its value
 * written beside it, our pages in the accent colour. Each chart carries a <title> and a <desc> that say what it shows
 * in words, for screen readers and for anyone reading the file as text; the tables beside it keep the exact numbers.
 */

export interface Bar {
  label: string;
  value: number;
  /** Drawn in the accent colour: our own pages. */
  ours?: boolean | undefined;
}

export interface BarChart {
  /** File name under docs/benchmarks/, e.g. `js-before-interaction.svg`. */
  file: string;
  title: string;
  /** One or two sentences saying what the bars show: the <desc>, and the image's alt text in Markdown. */
  description: string;
  bars: readonly Bar[];
  /** How a value is written beside its bar (`24.9 kB`, `1294 ms`). */
  format: (value: number) => string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const WIDTH = 720;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 90;
const ROW = 30;
const BAR = 20;
const TOP = 40;
const BOTTOM = 12;
const OURS = '#6d28d9';
const PEER = '#94a3b8';

/** The chart as an SVG document. Bars are scaled to the largest value; a zero or negative value draws no bar. */
export function barChartSvg(chart: BarChart): string {
  const height = TOP + chart.bars.length * ROW + BOTTOM;
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const largest = Math.max(0, ...chart.bars.map((bar) => bar.value));
  const rows = chart.bars.map((bar, index) => {
    const y = TOP + index * ROW;
    const width = largest > 0 && bar.value > 0 ? Math.max(1, (bar.value / largest) * plot) : 0;
    const middle = y + BAR / 2;
    return [
      `  <g>`,
      `    <text x="${LABEL_WIDTH - 8}" y="${middle}" text-anchor="end" dominant-baseline="central">${escapeXml(bar.label)}</text>`,
      `    <rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" rx="2" fill="${bar.ours ? OURS : PEER}"/>`,
      `    <text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${middle}" dominant-baseline="central">${escapeXml(chart.format(bar.value))}</text>`,
      `  </g>`,
    ].join('\n');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc" font-family="system-ui, sans-serif" font-size="13" fill="#1e293b">`,
    `  <title id="title">${escapeXml(chart.title)}</title>`,
    `  <desc id="desc">${escapeXml(chart.description)}</desc>`,
    `  <rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `  <text x="${LABEL_WIDTH}" y="22" font-size="15" font-weight="600">${escapeXml(chart.title)}</text>`,
    ...rows,
    `</svg>`,
    '',
  ].join('\n');
}

/** The Markdown that shows the chart from docs/benchmarks.md, its alt text the chart's description. */
export const chartImage = (chart: BarChart) =>
  `![${chart.title}: ${chart.description.replace(/[[\]]/g, '')}](benchmarks/${chart.file})`;
