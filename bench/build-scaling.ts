import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measureBuild, type BuildMeasurement } from './measure-build.ts';
import { linearFit } from './stats.ts';
import { syntheticArticle, syntheticSpec } from './synthetic-content.ts';

export interface ScalingPoint extends BuildMeasurement {
  extraOperations: number;
  extraArticles: number;
  msPerPage: number;
}

export interface ScalingResult {
  points: ScalingPoint[];
  /** Sizes not built because the projected build time would have overrun the time budget. */
  skipped: { extra: number; projectedSeconds: number }[];
  budgetSeconds: number;
  /** Straight-line fit of build seconds against pages, and how the per-page cost changes from the smallest build. */
  fit: { secondsPerPage: number; r2: number; perPageGrowth: number };
  realSpec?: (BuildMeasurement & { file: string; operations: number; note: string }) | undefined;
  realSpecSkipped?: { file: string; operations: number; projectedSeconds: number } | undefined;
}

// Top-level entries a build does not read; tests stay behind so no test runner ever finds a second copy of them.
const SKIP = new Set([
  'node_modules',
  '.git',
  '.astro',
  '.ci',
  'test-results',
  'playwright-report',
  'blob-report',
  'tests',
  'e2e',
  '__tests__',
  'bench',
  'docs',
]);
const OUT = 'dist';
const SHARED_SPECS = resolve('../shared/specs');

/**
 * A throwaway copy of the project's sources, so generated files never touch the real tree. It lives in an ignored
 * `dist-bench-scale-*` folder inside the project rather than in /tmp with a linked node_modules: Astro's compiler
 * loses track of its own components when node_modules is reached through a symlink from outside the project root.
 */
function copyProject(): string {
  const dir = mkdtempSync(join(process.cwd(), 'dist-bench-scale-'));
  const keep = (name: string) => !SKIP.has(name) && !name.startsWith('dist') && !name.endsWith('.tmp.mjs');
  const keepNested = (source: string) => !/(^|\/)(__tests__|node_modules)(\/|$)|^mocks\/generated/.test(source);
  try {
    // Entry by entry: the copy sits inside the project, and Node refuses to copy a folder into itself.
    for (const entry of readdirSync('.')) {
      if (!keep(entry)) continue;
      cpSync(entry, join(dir, entry), { recursive: true, filter: keepNested });
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

function countOperations(document: { paths?: Record<string, Record<string, unknown>> }): number {
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  return Object.values(document.paths ?? {}).reduce(
    (sum, item) => sum + Object.keys(item).filter((key) => methods.has(key)).length,
    0,
  );
}

/** The spec in ../shared/specs with 300–400 operations, or failing that the largest one (and a note saying so). */
function pickRealSpec(): { file: string; operations: number; note: string } | undefined {
  let files: string[];
  try {
    files = readdirSync(SHARED_SPECS).filter((file) => /\.json$/.test(file));
  } catch {
    return undefined;
  }
  const specs = files
    .map((file) => ({ file, operations: countOperations(JSON.parse(readFileSync(join(SHARED_SPECS, file), 'utf8'))) }))
    .sort((a, b) => b.operations - a.operations);
  const inRange = specs.find((spec) => spec.operations >= 300 && spec.operations <= 400);
  if (inRange) return { ...inRange, note: 'has 300–400 operations' };
  const largest = specs[0];
  return largest && { ...largest, note: 'the largest spec present; none has 300–400 operations' };
}

async function buildWith(extra: number): Promise<ScalingPoint> {
  const dir = copyProject();
  try {
    if (extra > 0) {
      writeFileSync(join(dir, 'openapi/synthetic.json'), JSON.stringify(syntheticSpec(extra)));
      for (let n = 1; n <= extra; n++) {
        writeFileSync(
          join(dir, `src/content/docs/guides/synthetic-${String(n).padStart(4, '0')}.md`),
          syntheticArticle(n),
        );
      }
    }
    const build = await measureBuild(dir, OUT);
    return { ...build, extraOperations: extra, extraArticles: extra, msPerPage: (build.seconds * 1000) / build.pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Build the project with the large real spec from ../shared/specs added as an extra API (undefined if none). */
export async function measureRealSpec(): Promise<ScalingResult['realSpec']> {
  const spec = pickRealSpec();
  return spec && buildRealSpec(spec);
}

async function buildRealSpec(spec: { file: string; operations: number; note: string }) {
  const dir = copyProject();
  try {
    cpSync(join(SHARED_SPECS, spec.file), join(dir, 'openapi', spec.file));
    return { ...spec, ...(await measureBuild(dir, OUT)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Seconds a build with `extraPages` more pages should take, extrapolating from the builds so far (per extra page
 * once two exist, else the smallest build's average per page). Used only to skip builds that would overrun.
 */
function projectSeconds(points: readonly ScalingPoint[], extraPages: number): number {
  const base = points[0]!;
  const last = points.at(-1)!;
  const perExtra =
    points.length > 1 ? (last.seconds - base.seconds) / (last.pages - base.pages) : base.seconds / base.pages;
  return base.seconds + perExtra * extraPages;
}

/**
 * Build copies of the project with more and more synthetic operations and articles, and one with a large real spec
 * added. Builds run one after another so they do not compete for the cores; a build whose projected time would take
 * the total past `budgetSeconds` is skipped and reported with its projection instead (raise the budget with
 * `--scaling-minutes` on a quiet machine).
 */
export async function measureScaling(
  sizes: readonly number[],
  withRealSpec: boolean,
  budgetSeconds: number,
  log: (line: string) => void,
): Promise<ScalingResult> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const points: ScalingPoint[] = [];
  const skipped: ScalingResult['skipped'] = [];
  for (const extra of sizes) {
    // Each operation and each article is a page; operations add a page per tag too, which this ignores.
    const projected = points.length > 0 ? projectSeconds(points, 2 * extra) : 0;
    if (points.length > 0 && elapsed() + projected > budgetSeconds) {
      log(`scaling: skipping ${extra} extra operations and articles (projected ${Math.round(projected)} s)`);
      skipped.push({ extra, projectedSeconds: projected });
      continue;
    }
    log(`scaling: building with ${extra} extra operations and articles`);
    points.push(await buildWith(extra));
  }
  const { slope, r2 } = linearFit(points.map((point) => ({ x: point.pages, y: point.seconds })));
  const result: ScalingResult = {
    points,
    skipped,
    budgetSeconds,
    fit: { secondsPerPage: slope, r2, perPageGrowth: points.at(-1)!.msPerPage / points[0]!.msPerPage },
  };
  const spec = withRealSpec ? pickRealSpec() : undefined;
  if (spec) {
    const projected = projectSeconds(points, spec.operations);
    if (elapsed() + projected > budgetSeconds) {
      log(`scaling: skipping the real spec ${spec.file} (projected ${Math.round(projected)} s)`);
      result.realSpecSkipped = { file: spec.file, operations: spec.operations, projectedSeconds: projected };
    } else {
      log(`scaling: building with the real spec ${spec.file}`);
      result.realSpec = await buildRealSpec(spec);
    }
  }
  return result;
}
