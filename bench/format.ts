import type { RunInfo } from './results.ts';
import type { Summary } from './stats.ts';

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : 'n/a');
/** A median with its range, e.g. `412 ms (380–530, n=5)`. */
export const spread = (summary: Summary) =>
  `${Math.round(summary.median)} ms (${Math.round(summary.min)}–${Math.round(summary.max)}, n=${summary.runs})`;

/** A Markdown table; cells are written as given. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The line under each section's heading: when its part ran, in which mode, and how busy the machine was. */
export const ranOn = (run: RunInfo) =>
  `_Measured ${run.at.slice(0, 16).replace('T', ' ')} UTC${run.quick ? ' in `--quick` mode' : ''}, load average ${run.machine.loadAverage.toFixed(1)} at the start, ${Math.round(run.seconds)} s._`;

/** `200 ×200` or `200 ×150, 429 ×50`: the answers the timed requests got. */
export const statusLine = (statuses: Record<string, number> | undefined) =>
  statuses
    ? Object.entries(statuses)
        .map(([status, count]) => `${status} ×${count}`)
        .join(', ')
    : 'not recorded';
