/**
 * The MCP server's start-up cost (`npm run mcp`), measured, never asserted in tests: CPU time of the server process
 * from its start until it has answered `initialize` and `tools/list` (what every client sends first), and the cost
 * of the first `search_docs`, which builds the search index over every page on first use.
 * CPU time comes from /proc/<pid>/stat, so it is measured on Linux only; wall-clock times are reported everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { SOURCES_FILE } from '../mcp/context.ts';
import { summarize, type Summary } from './stats.ts';

/** What the issue asks of the server on the shared 2-core machine. */
export const STARTUP_CPU_BUDGET_MS = 1000;

export interface McpBench {
  apis: number;
  startup: { cpuMs?: Summary | undefined; wallMs: Summary };
  firstSearch: { cpuMs?: Summary | undefined; wallMs: Summary };
}

/** User plus system CPU time of a process so far, in milliseconds; undefined where there is no /proc. */
function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

// Linux reports CPU time in clock ticks, 100 per second almost everywhere.
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

export async function measureMcp(runs: number): Promise<McpBench> {
  // `npm run mcp` generates first; here that is not timed, and specs generated already (with OPENAPI_EXTRA) are kept.
  if (!existsSync(SOURCES_FILE))
    spawnSync(process.execPath, ['scripts/generate-sandbox.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const startup = { cpu: [] as number[], wall: [] as number[] };
  const search = { cpu: [] as number[], wall: [] as number[] };
  let apis = 0;
  for (let run = 0; run < runs; run++) {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['mcp/main.ts'],
      env: process.env as Record<string, string>,
      stderr: 'ignore',
    });
    const client = new Client({ name: 'engine-room-bench', version: '1.0.0' });
    const started = performance.now();
    try {
      await client.connect(transport);
      const { tools } = await client.listTools();
      startup.wall.push(performance.now() - started);
      const pid = transport.pid!;
      const atStart = cpuMs(pid);
      if (atStart !== undefined) startup.cpu.push(atStart);
      const api = tools.find((tool) => tool.name === 'call_sandbox')?.inputSchema.properties?.['api'] as
        { enum?: string[] } | undefined;
      apis = api?.enum?.length ?? 0;

      const searched = performance.now();
      await client.callTool({ name: 'search_docs', arguments: { query: 'verify webhook signatures' } });
      search.wall.push(performance.now() - searched);
      const afterSearch = cpuMs(pid);
      if (atStart !== undefined && afterSearch !== undefined) search.cpu.push(afterSearch - atStart);
    } finally {
      await client.close();
    }
  }
  const summary = (values: number[]) => (values.length > 0 ? summarize(values) : undefined);
  return {
    apis,
    startup: { cpuMs: summary(startup.cpu), wallMs: summarize(startup.wall) },
    firstSearch: { cpuMs: summary(search.cpu), wallMs: summarize(search.wall) },
  };
}

if (import.meta.main) console.log(JSON.stringify(await measureMcp(Number(process.argv[2] ?? 5)), null, 2));
