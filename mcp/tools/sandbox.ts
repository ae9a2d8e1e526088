/**
 * `call_sandbox`, `list_events` and `reset_sandbox`: requests to the sandbox APIs, answered in this process by the
 * same core as the browser and `npm run sandbox`, with state per key.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DEFAULT_KEY, type McpContext } from '../context.ts';
import { jsonResult } from './json-result.ts';

/** The sandbox's own rule for keys (mocks/core/auth.ts); each key has its own state. */
const keyFormat = z
  .string()
  .regex(/^sk_test_[A-Za-z0-9_]{8,}$/, 'a sandbox key is sk_test_ and 8 or more letters, digits or _');
const key = keyFormat
  .default(DEFAULT_KEY)
  .describe(`The sandbox key whose state to use (default ${DEFAULT_KEY}); each key has its own customers, events…`);

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export function registerSandboxTools(server: McpServer, context: McpContext, api: z.ZodType<string>): void {
  server.registerTool(
    'call_sandbox',
    {
      title: 'Send a request to the sandbox',
      description:
        'Sends one request to an Engine Room sandbox API and returns the status, headers and body, plus the live ' +
        'contract check: what the OpenAPI document says is wrong with the request and with the answer (empty ' +
        'lists when both match). The sandbox is stateful per key, validates like a real API (400/422 problems ' +
        'naming the field), signs webhook events, and never reaches the internet; URLs for any other host are ' +
        'refused. Name the operation (operationId, with params for its path and query parameters) or give method ' +
        'and path. The key is sent the way the operation authenticates; set a header to "" to leave it out.',
      inputSchema: {
        api,
        operationId: z.string().trim().min(1).optional().describe('e.g. createPaymentIntent'),
        method: z
          .string()
          .transform((value) => value.toUpperCase())
          .pipe(z.enum(METHODS))
          .optional()
          .describe('With path, when no operationId is given'),
        path: z
          .string()
          .min(1)
          .max(4000)
          .optional()
          .describe('Relative to the API (/payment_intents/pi_123?limit=2) or a sandbox URL'),
        params: z
          .record(z.string(), z.union([scalar, z.array(scalar)]))
          .optional()
          .describe('Path parameters by name ({ id: "pi_123" }) and query parameters'),
        headers: z.record(z.string(), z.string()).optional().describe('e.g. { "Idempotency-Key": "order-42" }'),
        body: z.unknown().optional().describe('The request body: a JSON value, or text for non-JSON media types'),
        key,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async (input) => {
      // The sandbox core and the contract check load on the first call, not at start-up.
      const { callSandbox } = await import('../sandbox-request.ts');
      const answer = await callSandbox(await context.sandbox(), input, context.address);
      const problems = answer.contract.request.length + answer.contract.response.length;
      const check =
        problems === 0
          ? 'contract check passed'
          : `contract check: ${answer.contract.request.length} request and ${answer.contract.response.length} response problems`;
      return jsonResult(answer, `${answer.request.method} ${answer.request.url} → ${answer.status}; ${check}.`);
    },
  );

  server.registerTool(
    'list_events',
    {
      title: 'List webhook events',
      description:
        'The events one sandbox API recorded for a key, newest first, each with the webhook delivery the sandbox ' +
        'signed for it: the Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) and the ' +
        'exact body that was signed, plus the key’s webhook secret to verify them with.',
      inputSchema: {
        api,
        type: z.string().optional().describe('Only events of this type, e.g. payment_intent.succeeded'),
        limit: z.number().int().min(1).max(100).default(10),
        key,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ api: name, type, limit, key: sandboxKey }) => {
      const state = (await context.sandbox()).state(sandboxKey, name);
      const deliveries = new Map(state.deliveries.map((delivery) => [delivery.event, delivery]));
      const events = state.events.filter((event) => !type || event.type === type).slice(0, limit);
      return jsonResult(
        {
          webhook_secret: state.webhookSecret,
          verify:
            'signature = base64(HMAC-SHA256(base64-decoded secret after "whsec_", `${webhook-id}.${webhook-timestamp}.${body}`)), sent as "v1,<signature>"',
          events: events.map((event) => {
            const delivery = deliveries.get(event.id);
            return {
              ...event,
              webhook: delivery
                ? { headers: delivery.headers, body: delivery.body }
                : 'none: an example event the sandbox starts with',
            };
          }),
        },
        `${events.length} of ${state.events.length} events of the ${name} API for ${sandboxKey}.`,
      );
    },
  );

  server.registerTool(
    'reset_sandbox',
    {
      title: 'Reset the sandbox',
      description:
        'Forgets everything one key created (objects, events, idempotency keys) and returns it to the seeded ' +
        'state, in every API. Without a key, resets every key. Rate-limit windows restart too.',
      inputSchema: {
        key: keyFormat.optional().describe('The key to reset; every key when left out'),
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ key: sandboxKey }) => {
      (await context.sandbox()).reset(sandboxKey);
      return jsonResult(
        { reset: sandboxKey ?? 'every key' },
        sandboxKey ? `The sandbox state of ${sandboxKey} is back to its seed.` : 'Every key is back to its seed.',
      );
    },
  );
}
