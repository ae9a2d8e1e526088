/**
 * `npm run mcp`: the Engine Room MCP server over stdio, for AI assistants (see README, "Use with an AI assistant").
 * Standard output carries the protocol, so everything else goes to standard error.
 */
import { fileURLToPath } from 'node:url';
import './extensionless-imports.ts';

// Anything a module prints with console.log would corrupt the protocol stream.
console.log = console.info = console.debug = console.error;
// Relative paths in the reference model (git log of openapi/) and the content readers start at the project root.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
const { createContext } = await import('./context.ts');
const { createMcpServer } = await import('./server.ts');

const { siteConfig } = await import('../src/lib/site-config.ts');
const context = createContext(siteConfig);
const server = createMcpServer(context);
await server.connect(new StdioServerTransport());
console.error(`Engine Room MCP server ready on stdio: ${context.apiNames.join(', ')}`);

// The client ends the session by closing our standard input.
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
