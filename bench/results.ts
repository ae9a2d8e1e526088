import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine.ts';
import type { BuildMeasurement } from './measure-build.ts';
import type { LighthouseScores } from './lighthouse.ts';
import type { McpBench } from './mcp.ts';
import type { PageWeight } from './page-weight.ts';
import type { SandboxBench } from './sandbox.ts';
import type { ScalingResult } from './build-scaling.ts';
import type { SearchResult } from './search.ts';
import type { TimingResult } from './timing.ts';

export const PARTS = ['build', 'weight', 'timing', 'lighthouse', 'sandbox', 'search', 'scaling', 'mcp'] as const;
export type Part = (typeof PARTS)[number];

/** When and how a part last ran; parts run alone (`--only`) keep the other parts' last figures. */
export interface RunInfo {
  at: string;
  quick: boolean;
  machine: Machine;
  seconds: number;
}

export interface BenchResults {
  build?: { run: RunInfo; value: BuildMeasurement };
  weight?: { run: RunInfo; value: { ours: PageWeight[]; peers: PageWeight[] } };
  timing?: {
    run: RunInfo;
    /** `explorer` is our Scalar page, timed beside the others since 2026-12-02 (older results have none). */
    value: { ours: TimingResult; explorer?: TimingResult | undefined; peers: TimingResult[]; runs: number };
  };
  lighthouse?: { run: RunInfo; value: { ours: LighthouseScores[]; peers: LighthouseScores[] } };
  sandbox?: { run: RunInfo; value: SandboxBench };
  search?: { run: RunInfo; value: SearchResult };
  scaling?: { run: RunInfo; value: ScalingResult };
  mcp?: { run: RunInfo; value: McpBench };
}

export const RESULTS_FILE = 'bench/results.json';

export function readResults(file = RESULTS_FILE): BenchResults {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : {};
}

export function writeResults(results: BenchResults, file = RESULTS_FILE): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
