/**
 * The MCP server as an assistant meets it: `npm run mcp` started as a child process, spoken to by the SDK's own
 * client over stdio. Each test is one thing an assistant would do with it.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specs } from '../../mocks/generated/specs.ts';
import { verifyWebhook } from '../../mocks/core/webhooks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const KEY = 'sk_test_mcp_server_test';
let client: Client;
let stderr = '';

beforeAll(async () => {
  const transport = new StdioClientTransport({
    command: 'npm',
    args: ['run', '--silent', 'mcp'],
    cwd: root,
    env: process.env as Record<string, string>,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  client = new Client({ name: 'engine-room-tests', version: '1.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const textOf = (result: CallToolResult) =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');

/** The JSON after the tool's headline. */
function jsonOf<T>(result: CallToolResult): T {
  expect(result.isError, textOf(result)).toBeFalsy();
  const text = textOf(result);
  return JSON.parse(text.slice(text.search(/^[[{]/m))) as T;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  contract: { request: { pointer: string; detail: string }[]; response: { pointer: string; detail: string }[] };
}

describe('npm run mcp', () => {
  test('lists its tools, with the specs’ APIs as the choices for api', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'call_sandbox',
      'describe_operation',
      'list_events',
      'list_operations',
      'read_page',
      'reset_sandbox',
      'search_docs',
    ]);
    for (const tool of tools) expect(tool.description?.length, tool.name).toBeGreaterThan(60);
    const callSandbox = tools.find((tool) => tool.name === 'call_sandbox')!;
    const api = callSandbox.inputSchema.properties?.['api'] as { enum?: string[] };
    expect(api.enum).toEqual(Object.keys(specs).sort());
    expect(stderr).toContain('Engine Room MCP server ready');
  });

  test('search finds a guide and an operation, and read_page reads them', async () => {
    const guides = jsonOf<{ kind: string; url: string; markdown_url: string; excerpt: string }[]>(
      await call('search_docs', { query: 'verify webhook signatures' }),
    );
    const guide = guides.find((hit) => hit.kind === 'guide')!;
    expect(guide.url).toMatch(/\/guides\/webhooks\/$/);
    expect(guide.excerpt.length).toBeGreaterThan(20);

    const operations = jsonOf<{ kind: string; url: string }[]>(
      await call('search_docs', { query: 'create a payment intent', kind: 'operation', limit: 3 }),
    );
    expect(operations[0]!.url).toMatch(/\/reference\/payments\/create-payment-intent\/$/);

    const page = textOf(await call('read_page', { page: guide.markdown_url }));
    expect(page).toMatch(/^# /);
    expect(page).toContain(`Web page: ${guide.url}`);
    expect(textOf(await call('read_page', { page: 'webhooks' }))).toBe(page);
    expect(textOf(await call('read_page', { page: 'payments/createPaymentIntent' }))).toContain(
      '`POST /payment_intents`',
    );
  });

  test('describe_operation gives the fields and an example call that call_sandbox accepts', async () => {
    const described = jsonOf<{
      method: string;
      requestBody: { content: { fields: { field: string; required: boolean }[] }[] };
      example: { call_sandbox: Record<string, unknown> };
    }>(await call('describe_operation', { api: 'payments', operationId: 'createPaymentIntent' }));
    expect(described.method).toBe('POST');
    expect(described.requestBody.content[0]!.fields).toContainEqual(
      expect.objectContaining({ field: 'amount', required: true }),
    );
    const answer = jsonOf<Answer>(await call('call_sandbox', { ...described.example.call_sandbox, key: KEY }));
    expect(answer.status).toBe(201);
    expect(answer.contract).toEqual({ request: [], response: [] });
  });

  test('creates a payment intent, reads it back, and lists its signed webhook event', async () => {
    const created = jsonOf<Answer>(
      await call('call_sandbox', {
        api: 'payments',
        operationId: 'createPaymentIntent',
        headers: { 'Idempotency-Key': 'mcp-test-order-1' },
        body: { amount: 2500, currency: 'usd' },
        key: KEY,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.contract).toEqual({ request: [], response: [] });
    const id = created.body['id'] as string;
    expect(id).toMatch(/^pi_/);

    for (const target of [
      { operationId: 'getPaymentIntent', params: { id } },
      { method: 'get', path: `/payment_intents/${id}` },
      { method: 'GET', path: `http://localhost:4010/payments/v1/payment_intents/${id}` },
    ]) {
      const read = jsonOf<Answer>(await call('call_sandbox', { api: 'payments', ...target, key: KEY }));
      expect(read.status, JSON.stringify(target)).toBe(200);
      expect(read.body['amount']).toBe(2500);
      expect(read.contract).toEqual({ request: [], response: [] });
    }

    const listed = jsonOf<{
      webhook_secret: string;
      events: {
        type: string;
        data: { object: { id: string } };
        webhook: { headers: Record<string, string>; body: string };
      }[];
    }>(await call('list_events', { api: 'payments', type: 'payment_intent.created', key: KEY }));
    const event = listed.events.find((candidate) => candidate.data.object.id === id)!;
    expect(event.type).toBe('payment_intent.created');
    expect(event.webhook.headers['webhook-signature']).toMatch(/^v1,/);
    expect(await verifyWebhook(listed.webhook_secret, event.webhook.headers, event.webhook.body)).toEqual({
      valid: true,
    });
  });

  test('a wrong-typed body fails the contract check and gets the sandbox’s 422, as a result, not a tool error', async () => {
    const answer = jsonOf<Answer>(
      await call('call_sandbox', {
        api: 'payments',
        operationId: 'createPaymentIntent',
        body: { amount: 'ten dollars', currency: 'usd' },
        key: KEY,
      }),
    );
    expect(answer.status).toBe(422);
    expect(answer.contract.request).toContainEqual(expect.objectContaining({ pointer: '/body/amount' }));
    expect(answer.contract.response).toEqual([]);
    expect(answer.body['errors']).toContainEqual(expect.objectContaining({ pointer: '/body/amount' }));
  });

  test('bad input comes back as a tool error naming the field, and the server keeps answering', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ api: 'payments', method: 'GET', path: 'https://api.stripe.com/v1/customers' }, /^path: .*api\.stripe\.com/],
      [{ api: 'payments', method: 'GET', path: '//evil.example/customers' }, /^path: .*evil\.example/],
      [{ api: 'payments', operationId: 'getPaymentIntent' }, /^params\.id: is required/],
      [{ api: 'payments', operationId: 'chargeEveryone' }, /^operationId: /],
      [{ api: 'payments', operationId: 'getPaymentIntent', params: { id: 'pi_1' }, body: {} }, /^body: /],
      [{ api: 'payments', path: '/customers' }, /^method: /],
      [{ api: 'nowhere', method: 'GET', path: '/customers' }, /\bapi\b/],
      [{ api: 'payments', method: 'GET', path: '/customers', key: 'sk_live_123' }, /\bkey\b/],
    ];
    for (const [args, message] of cases) {
      const result = await call('call_sandbox', args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(textOf(result), JSON.stringify(args)).toMatch(message);
    }
    const page = await call('read_page', { page: '/guides/no-such-guide/' });
    expect(page.isError).toBe(true);
    expect(textOf(page)).toMatch(/^page: /);
    expect((await client.listTools()).tools.length).toBe(7);
  });

  test('reset_sandbox forgets what a key created', async () => {
    const created = jsonOf<Answer>(
      await call('call_sandbox', {
        api: 'payments',
        operationId: 'createCustomer',
        body: { email: 'ada@example.com', name: 'Ada' },
        key: KEY,
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    jsonOf(await call('reset_sandbox', { key: KEY }));
    const read = jsonOf<Answer>(
      await call('call_sandbox', { api: 'payments', operationId: 'getCustomer', params: { id }, key: KEY }),
    );
    expect(read.status).toBe(404);
    const events = jsonOf<{ events: { data: { object: { id: string } } }[] }>(
      await call('list_events', { api: 'payments', key: KEY, limit: 100 }),
    );
    expect(events.events.map((event) => event.data.object.id)).not.toContain(id);
  });

  test('serves each API’s OpenAPI document and llms.txt as resources, and offers prompts', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    for (const api of Object.keys(specs)) expect(uris).toContain(`engine-room://openapi/${api}.json`);
    const [openapi] = (await client.readResource({ uri: 'engine-room://openapi/payments.json' })).contents;
    expect(JSON.parse((openapi as { text: string }).text)).toMatchObject({
      info: { title: 'Engine Room Payments API' },
    });
    const [llms] = (await client.readResource({ uri: 'engine-room://llms.txt' })).contents;
    expect((llms as { text: string }).text).toMatch(/^# Engine Room\n[\s\S]*## Guides\n[\s\S]*\/guides\/webhooks\.md/);

    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(['integrate_payments', 'explore_api']);
    const prompt = await client.getPrompt({ name: 'integrate_payments', arguments: { language: 'Go' } });
    expect(JSON.stringify(prompt.messages)).toContain('call_sandbox');
  });
});
