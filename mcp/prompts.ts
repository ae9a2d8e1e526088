/**
 * Prompts: ready-made tasks that lead a model through the tools in a useful order.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { McpContext } from './context.ts';

export function registerPrompts(server: McpServer, context: McpContext): void {
  if (context.apiNames.includes('payments'))
    server.registerPrompt(
      'integrate_payments',
      {
        title: 'Integrate payments step by step',
        description:
          'Build a payment flow (customer, payment intent, confirmation, webhook) against the payments sandbox, ' +
          'checking each step with real requests before writing code.',
        argsSchema: {
          language: z
            .string()
            .optional()
            .describe('The language or framework of your backend, e.g. "Node.js with Express"'),
        },
      },
      ({ language }) => ({
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: [
                `Help me integrate payments into my backend${language ? ` (${language})` : ''}, step by step, using the Engine Room tools.`,
                '',
                '1. Read the guides first: read_page "guides/payment-apis", then "guides/webhooks". Summarise the flow in a few sentences.',
                '2. describe_operation payments createCustomer, createPaymentIntent and confirmPaymentIntent.',
                '3. With call_sandbox, create a customer, create a payment intent for it (send an Idempotency-Key header), confirm it, and read it back with getPaymentIntent. Show each status and any contract-check problems.',
                '4. list_events for payments: show the payment_intent.succeeded event and its webhook headers, and explain how my endpoint verifies the signature with the webhook secret.',
                '5. Only then write the code for my backend: the calls above, retries with the same Idempotency-Key, and a webhook handler that verifies signatures and ignores duplicates. Cite the guides you used by URL.',
              ].join('\n'),
            },
          },
        ],
      }),
    );

  server.registerPrompt(
    'explore_api',
    {
      title: 'Explore a sandbox API',
      description: 'Get to know one sandbox API: what it models, its main operations, and a first working request.',
      argsSchema: {
        api: z.string().describe(`One of: ${context.apiNames.join(', ')}`),
      },
    },
    ({ api }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Walk me through the Engine Room ${api} API.`,
              '',
              `1. read_page "reference/${api}" for the overview, and search_docs for a guide about it.`,
              `2. list_operations for ${api}; pick the operations a newcomer needs first and say why.`,
              '3. For one that creates something and one that reads it back, describe_operation, then call_sandbox with its example call. Explain the answer, the headers that matter (rate limits, ids) and the contract check.',
              '4. Send one deliberately wrong request (a missing required field or a wrong type) and explain the problem+json answer.',
              '5. reset_sandbox when we are done.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
