import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureBuild, type BuildMeasurement } from './measure-build.ts';
import { linearFit } from './stats.ts';
import { syntheticArticle, syntheticSpec } from './synthetic-content.ts';

export interface ScalingPoint extends BuildMeasurement {
  extraOperations: number;
  extraArticles: number;
  msPerPage: number;
}

export interface RealSpec {
  file: string;
  operations: number;
  /** Named schemas: each is a page of its own, with its Markdown twin and social card. */
  schemas: number;
  megabytes: number;
}

export type RealSpecBuild = BuildMeasurement &
  RealSpec & {
    msPerPage: number;
    /** The heaviest HTML page of the build, gzip-compressed as a CDN serves it, against the 60 kB budget. */
    largestPage: { path: string; gzipBytes: number };
  };

export interface ScalingResult {
  points: ScalingPoint[];
  /** Sizes not built because the projected build time would have overrun the time budget. */
  skipped: { extra: number; projectedSeconds: number }[];
  budgetSeconds: number;
  /** Straight-line fit of build seconds against pages, and how the per-page cost changes from the smallest build. */
  fit: { secondsPerPage: number; r2: number; perPageGrowth: number };
  /** The largest real specs in ../shared/specs, each built as an extra API (Square's 3 MB, Discord's). */
  realSpecs?: RealSpecBuild[] | undefined;
  realSpecsSkipped?: { file: string; operations: number; projectedSeconds: number }[] | undefined;
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

/** How many real specs the scaling part builds: the largest by operations (Square's and Discord's today). */
const REAL_SPECS = 2;

/** The largest documents in ../shared/specs, smallest first, so the per-page cost can be read as the spec grows. */
function pickRealSpecs(): RealSpec[] {
  let files: string[];
  try {
    files = readdirSync(SHARED_SPECS).filter((file) => /\.json$/.test(file));
  } catch {
    return [];
  }
  return files
    .map((file) => {
      const text = readFileSync(join(SHARED_SPECS, file), 'utf8');
      const document = JSON.parse(text) as Parameters<typeof countOperations>[0] & {
        components?: { schemas?: object };
        definitions?: object;
      };
      return {
        file,
        operations: countOperations(document),
        schemas: Object.keys(document.components?.schemas ?? document.definitions ?? {}).length,
        megabytes: text.length / 1e6,
      };
    })
    .sort((a, b) => b.operations - a.operations)
    .slice(0, REAL_SPECS)
    .reverse();
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

function largestPage(dir: string): { path: string; gzipBytes: number } {
  let largest = { path: '', gzipBytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const gzipBytes = gzipSync(readFileSync(file)).length;
    if (gzipBytes > largest.gzipBytes) largest = { path: relative(dir, file), gzipBytes };
  }
  return largest;
}

/** Build a copy of the project with one real spec added as an extra API, the way a reader drops it into openapi/. */
async function buildRealSpec(spec: RealSpec): Promise<RealSpecBuild> {
  const dir = copyProject();
  try {
    cpSync(join(SHARED_SPECS, spec.file), join(dir, 'openapi', spec.file));
    const build = await measureBuild(dir, OUT);
    return {
      ...spec,
      ...build,
      msPerPage: (build.seconds * 1000) / build.pages,
      largestPage: largestPage(join(dir, OUT)),
    };
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
  for (const spec of withRealSpec ? pickRealSpecs() : []) {
    // An operation brings its page and its twin; a schema the same. Cards and search make this a lower bound.
    const projected = projectSeconds(points, spec.operations + spec.schemas);
    if (elapsed() + projected > budgetSeconds) {
      log(`scaling: skipping the real spec ${spec.file} (projected ${Math.round(projected)} s)`);
      (result.realSpecsSkipped ??= []).push({
        file: spec.file,
        operations: spec.operations,
        projectedSeconds: projected,
      });
      continue;
    }
    log(`scaling: building with the real spec ${spec.file}`);
    (result.realSpecs ??= []).push(await buildRealSpec(spec));
  }
  return result;
}
