/**
 * Resources: each API's OpenAPI document as its author wrote it (as JSON, like `/openapi/<api>.json` on the site)
 * and the site's llms.txt and llms-full.txt. The list comes from `npm run generate`, so OPENAPI_EXTRA specs are here.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { McpContext } from './context.ts';

export function registerResources(server: McpServer, context: McpContext): void {
  for (const api of context.apiNames) {
    const uri = `engine-room://openapi/${api}.json`;
    server.registerResource(
      `openapi-${api}`,
      uri,
      {
        title: `OpenAPI document of the ${api} API`,
        description: `The ${api} sandbox API's OpenAPI document, as published at /openapi/${api}.json`,
        mimeType: 'application/json',
      },
      async () => {
        const { openapiSources, sourceAs } = await import('../src/lib/markdown-twin/openapi-sources.ts');
        const source = openapiSources().find((candidate) => candidate.api === api);
        if (!source) throw new Error(`${uri}: the ${api} spec is gone; run npm run generate and restart the server`);
        return { contents: [{ uri, mimeType: 'application/json', text: sourceAs(source, 'json') }] };
      },
    );
  }
  const { site, base } = context.address;
  for (const { name, file, description, make } of LLMS_FILES) {
    server.registerResource(
      name,
      `engine-room://${file}`,
      { title: file, description, mimeType: 'text/markdown' },
      async (uri) => {
        const documents = await import('../src/lib/markdown-twin/llms-documents.ts');
        const text = documents[make](await context.guides(), site, base);
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
      },
    );
  }
}

/** The site's two llms.txt files, and the function in llms-documents.ts that writes each. */
const LLMS_FILES = [
  {
    name: 'llms-txt',
    file: 'llms.txt',
    description: 'The site’s llms.txt: every guide and reference page with its Markdown URL (read_page reads them)',
    make: 'llmsIndex',
  },
  {
    name: 'llms-full-txt',
    file: 'llms-full.txt',
    description: 'Every guide and every API and operation twin in one Markdown file (large)',
    make: 'llmsFull',
  },
] as const;
