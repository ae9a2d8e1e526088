import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A Node child process of ours, started from the project root, and the line that said it was ready. */
export interface Started {
  child: ChildProcess;
  match: RegExpExecArray;
  stop: () => Promise<void>;
}

/** Start `node <args>` and wait (up to 10 s) until its output matches `ready`. */
export async function startNode(args: string[], ready: RegExp, cwd = process.cwd()): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  for (let i = 0; i < 100 && !ready.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const match = ready.exec(output);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    await once(child, 'exit');
  };
  if (!match) {
    await stop();
    throw new Error(`node ${args.join(' ')} did not start:\n${output}`);
  }
  return { child, match, stop };
}

/** Serve a folder the way the site is deployed (scripts/serve-dist.ts), brotli or gzip as a CDN sends it, on 127.0.0.1. */
export async function serveStatic(dir: string, port: number): Promise<Started & { origin: string }> {
  const started = await startNode(
    ['scripts/serve-dist.ts', '--dir', dir, '--port', String(port), '--compress'],
    /Serving/,
  );
  return { ...started, origin: `http://127.0.0.1:${port}` };
}
