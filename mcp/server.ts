/**
 * The Engine Room MCP server: the guides and the reference to read and search, and the sandbox to run requests
 * against, as tools, resources and prompts. Transport-agnostic; `main.ts` serves it over stdio.
 */
import { readFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { McpContext } from './context.ts';
import { registerPrompts } from './prompts.ts';
import { registerResources } from './resources.ts';
import { registerDocsTools } from './tools/docs.ts';
import { registerOperationTools } from './tools/operations.ts';
import { registerSandboxTools } from './tools/sandbox.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const INSTRUCTIONS = `Engine Room teaches backend integration and APIs. This server gives you its guides and API
reference (search_docs, read_page, list_operations, describe_operation) and its sandbox APIs (call_sandbox,
list_events, reset_sandbox): fictional but realistic APIs that validate requests, keep state per sandbox key, sign
webhook events and answer here, with no network and nothing real charged or sent. Prefer trying a request in the
sandbox over guessing what an API returns, and cite pages by the URLs the tools give.`.replace(/\n/g, ' ');

export function createMcpServer(context: McpContext): McpServer {
  const server = new McpServer({ name: 'engine-room', title: 'Engine Room', version }, { instructions: INSTRUCTIONS });
  // The APIs are whatever specs `npm run generate` found, so the schema lists exactly those.
  const [first, ...rest] = context.apiNames;
  if (!first) throw new Error('No sandbox APIs: put an OpenAPI document in openapi/ and run npm run generate.');
  const api = z.enum([first, ...rest]).describe(`The sandbox API: ${context.apiNames.join(', ')}`);
  registerDocsTools(server, context);
  registerOperationTools(server, context, api);
  registerSandboxTools(server, context, api);
  registerResources(server, context);
  registerPrompts(server, context);
  return server;
}
