/** The build and build-scaling sections of docs/benchmarks.md: one build timed, then copies with more pages. */
import type { RealSpecBuild } from './build-scaling.ts';
import { linearFit } from './stats.ts';
import { ms, ranOn, table } from './format.ts';
import type { BenchResults } from './results.ts';

export function buildSection(results: BenchResults): string[] {
  const lines: string[] = [];
  if (results.build) {
    const build = results.build.value;
    lines.push(
      '## Build',
      '',
      ranOn(results.build.run),
      '',
      table(
        ['measure', 'value'],
        [
          ['total (`generate` + `astro build`)', `${build.seconds.toFixed(1)} s`],
          ['`astro build` alone', `${build.astroSeconds.toFixed(1)} s`],
          ['pages', String(build.pages)],
          ['peak memory, whole process tree', `${Math.round(build.peakTreeRssMb)} MB`],
          [
            'peak memory, largest process (GNU time)',
            build.maxProcessRssMb ? `${Math.round(build.maxProcessRssMb)} MB` : '–',
          ],
        ],
      ),
      '',
    );
  }
  if (results.scaling) {
    const { points, fit, realSpecs = [], skipped, realSpecsSkipped = [], budgetSeconds } = results.scaling.value;
    lines.push(
      '## Build scaling',
      '',
      ranOn(results.scaling.run),
      '',
      'Copies of the project with N synthetic operations (payments operations repeated under numbered paths, one extra',
      'API) and N synthetic articles (about a real guide’s length, valid SEO frontmatter) added, built one after another,',
      `within a ${Math.round(budgetSeconds / 60)}-minute budget for this part (\`--scaling-minutes\`; the default of 6 skips the largest size on this machine).`,
      '',
      table(
        ['extra operations + articles', 'pages', 'build', 'per page', 'peak memory (tree)'],
        points.map((point) => [
          `${point.extraOperations} + ${point.extraArticles}`,
          String(point.pages),
          `${point.seconds.toFixed(1)} s`,
          ms(point.msPerPage),
          `${Math.round(point.peakTreeRssMb)} MB`,
        ]),
      ),
      '',
      scalingVerdict(points, fit),
      '',
    );
    for (const skip of skipped)
      lines.push(
        `Not built: ${skip.extra} + ${skip.extra}, projected at ${Math.round(skip.projectedSeconds / 60)} min or more, past the ` +
          `${Math.round(budgetSeconds / 60)}-minute budget for this part (\`--scaling-minutes\` raises it on a quieter machine).`,
        '',
      );
    for (const skip of realSpecsSkipped)
      lines.push(
        `Not built: the real spec \`${skip.file}\` (${skip.operations} operations), projected at ` +
          `${Math.round(skip.projectedSeconds / 60)} min, past the budget.`,
        '',
      );
    if (realSpecs.length > 0) lines.push(...realSpecLines(realSpecs, points[0]));
  }
  return lines;
}

/**
 * Real vendor documents dropped in as an extra API, each in its own build: the size, the pages it adds (operations,
 * schemas, webhooks and their twins), time and memory, and what each extra page cost against the base build.
 */
function realSpecLines(
  specs: readonly RealSpecBuild[],
  base: { pages: number; seconds: number } | undefined,
): string[] {
  const extra = (spec: RealSpecBuild) =>
    base ? ms(((spec.seconds - base.seconds) * 1000) / (spec.pages - base.pages)) : '–';
  const fit = base ? linearFit([base, ...specs].map((point) => ({ x: point.pages, y: point.seconds }))) : undefined;
  return [
    '### Real specs added as an extra API',
    '',
    'Each document from `../shared/specs` is copied into `openapi/` of a fresh copy of the project and built, as a ' +
      'reader would add it. Every operation, schema and webhook gets a page and a Markdown twin. ' +
      'The target: a 3 MB, 400-operation document in at most 2 minutes and 4 GB.',
    '',
    table(
      [
        'document',
        'size',
        'operations',
        'schemas',
        'pages',
        'build',
        'per page',
        'per extra page',
        'peak memory (tree)',
        'largest page (gzip)',
      ],
      specs.map((spec) => [
        `\`${spec.file}\``,
        `${spec.megabytes.toFixed(1)} MB`,
        String(spec.operations),
        String(spec.schemas),
        String(spec.pages),
        `${spec.seconds.toFixed(1)} s`,
        ms(spec.msPerPage),
        extra(spec),
        `${Math.round(spec.peakTreeRssMb)} MB`,
        spec.largestPage ? `${(spec.largestPage.gzipBytes / 1024).toFixed(1)} kB` : '–',
      ]),
    ),
    '',
    ...(fit
      ? [
          `A straight line through the base build and these: ${ms(fit.slope * 1000)} per page, R² ${fit.r2.toFixed(3)}. ` +
            'The cost of a page does not grow with the size of the document it comes from.',
          '',
        ]
      : []),
  ];
}

/**
 * Linear growth means each extra page costs the same; compare the marginal cost per page of the last step with the
 * first (the fixed start-up cost cancels out). Fewer than three builds cannot tell a curve from a line.
 */
function scalingVerdict(
  points: readonly { pages: number; seconds: number; msPerPage: number }[],
  fit: { secondsPerPage: number; r2: number },
): string {
  if (points.length < 2) return 'One build only: no growth to judge.';
  const marginal = points
    .slice(1)
    .map((point, index) => ((point.seconds - points[index]!.seconds) * 1000) / (point.pages - points[index]!.pages));
  const line = `Each extra page cost ${marginal.map((value) => ms(value)).join(', then ')} (least-squares line: ${ms(fit.secondsPerPage * 1000)} per page, R² ${fit.r2.toFixed(3)}).`;
  if (marginal.length < 2) return `${line} Two builds cannot show whether growth is linear.`;
  const growth = marginal.at(-1)! / marginal[0]!;
  return growth > 1.5
    ? `${line} The cost per extra page grew ${growth.toFixed(1)}× between the steps, so growth is faster than linear: every page carries the whole sidebar, so each added article makes every other page larger too.`
    : `${line} The cost per extra page stayed within ${growth.toFixed(1)}× between the steps: growth is close to linear.`;
}
