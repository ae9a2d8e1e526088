/**
 * `search_docs` and `read_page`: the guides and the reference, found by words and read as their Markdown twins.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { McpContext } from '../context.ts';
import { findPage, pageUrls } from '../page-lookup.ts';
import { ToolInputError } from '../tool-error.ts';
import { jsonResult } from './json-result.ts';

const KINDS = ['guide', 'api', 'operation', 'schema', 'webhook'] as const;

export function registerDocsTools(server: McpServer, context: McpContext): void {
  server.registerTool(
    'search_docs',
    {
      title: 'Search the Engine Room docs',
      description:
        'Full-text search over the Engine Room guides (plain-language articles on APIs, webhooks, auth, errors, ' +
        'pagination, testing…) and the API reference (API overviews, operations, schemas, webhooks). Returns the ' +
        'best matches first, each with its title, kind, URL, Markdown URL and a short excerpt. Follow up with ' +
        'read_page to read one in full.',
      inputSchema: {
        query: z.string().trim().min(2).max(400).describe('Words to look for, e.g. "verify webhook signature"'),
        kind: z.enum(KINDS).optional().describe('Only pages of this kind'),
        limit: z.number().int().min(1).max(25).default(8).describe('How many results, at most'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, kind, limit }) => {
      const hits = (await context.search()).search(query, { kind, limit });
      return jsonResult(
        hits.map(({ page, score, excerpt }) => ({
          title: page.title,
          kind: page.kind,
          ...pageUrls(page, context.address),
          excerpt,
          score,
        })),
        hits.length > 0 ? `${hits.length} results for "${query}".` : `Nothing matches "${query}". Try other words.`,
      );
    },
  );

  server.registerTool(
    'read_page',
    {
      title: 'Read a docs page as Markdown',
      description:
        'The Markdown twin of one Engine Room page: a guide, an API overview, an operation, a schema or a webhook. ' +
        'Give its URL (the page or its .md twin, as search_docs and llms.txt list them), its path ' +
        '(/guides/webhooks/), a guide slug (webhooks) or an operation (payments/createPaymentIntent).',
      inputSchema: {
        page: z
          .string()
          .trim()
          .min(1)
          .max(2000)
          .describe('URL, path, guide slug or api/operationId of the page, e.g. "guides/webhooks"'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ page }) => {
      const found = findPage(await context.pages(), page, context.address);
      if (!found) {
        const near = (await context.search())
          .search(page.replace(/[/._-]+/g, ' '), { limit: 3 })
          .map((hit) => hit.page.path);
        throw new ToolInputError(
          'page',
          `no page matches "${page}"${near.length ? `; the closest are ${near.join(', ')}` : ''}. search_docs finds pages by words.`,
        );
      }
      return { content: [{ type: 'text', text: found.markdown() }] };
    },
  );
}
