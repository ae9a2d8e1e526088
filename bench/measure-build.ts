import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuildMeasurement {
  /** Wall-clock seconds for `npm run build`'s two steps: generating sandbox files, then `astro build`. */
  seconds: number;
  generateSeconds: number;
  astroSeconds: number;
  /** Highest sum of resident memory over the build's process tree, sampled every 100 ms. */
  peakTreeRssMb: number;
  /** GNU time's maximum resident set size of the largest single process, when /usr/bin/time exists. */
  maxProcessRssMb?: number | undefined;
  pages: number;
}

const TIME = '/usr/bin/time';

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function treeRssKb(root: number): number {
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rssKb(pid);
    queue.push(...childrenOf(pid));
  }
  return total;
}

/** Run `node <args>` in `cwd`, returning its wall time and memory peaks; rejects with its output if it fails. */
async function measured(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; peakTreeKb: number; maxProcessKb?: number | undefined }> {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const commandArgs = useTime ? ['-v', process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let peakTreeKb = 0;
  const sampler = setInterval(() => (peakTreeKb = Math.max(peakTreeKb, treeRssKb(child.pid!))), 100);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`node ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${output.slice(-4000)}`);
  const maxProcess = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  return { seconds, peakTreeKb, maxProcessKb: maxProcess ? Number(maxProcess) : undefined };
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.html'),
  ).length;
}

/** Build the project in `cwd` into `outDir` (relative to it) the way `npm run build` does, measuring both steps. */
export async function measureBuild(
  cwd: string,
  outDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<BuildMeasurement> {
  const buildEnv = { ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: outDir, ...env };
  const generate = await measured(['scripts/generate-sandbox.ts'], cwd, buildEnv);
  const astro = await measured([resolve('node_modules/astro/bin/astro.mjs'), 'build'], cwd, buildEnv);
  const maxProcess = Math.max(generate.maxProcessKb ?? 0, astro.maxProcessKb ?? 0);
  return {
    seconds: generate.seconds + astro.seconds,
    generateSeconds: generate.seconds,
    astroSeconds: astro.seconds,
    peakTreeRssMb: Math.max(generate.peakTreeKb, astro.peakTreeKb) / 1024,
    maxProcessRssMb: maxProcess > 0 ? maxProcess / 1024 : undefined,
    pages: countPages(join(cwd, outDir)),
  };
}
