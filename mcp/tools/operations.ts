/**
 * `list_operations` and `describe_operation`: what each API can do, from the reference model (the same views the
 * operation pages render), with an example call that `call_sandbox` accepts as it is.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { requestPath } from '../../mocks/core/router.ts';
import type { OperationView } from '../../src/lib/reference/model.ts';
import type { SchemaRow } from '../../src/lib/reference/schema-rows.ts';
import { DEFAULT_KEY, type McpContext } from '../context.ts';
import { pageUrls } from '../page-lookup.ts';
import { ToolInputError } from '../tool-error.ts';
import { jsonResult } from './json-result.ts';

export function registerOperationTools(server: McpServer, context: McpContext, api: z.ZodType<string>): void {
  server.registerTool(
    'list_operations',
    {
      title: 'List the operations of the sandbox APIs',
      description:
        `Every operation of one sandbox API (or of all of them: ${context.apiNames.join(', ')}), with its ` +
        'operationId, method, path and summary, grouped as the reference groups them. Use describe_operation for ' +
        'the parameters and body of one.',
      inputSchema: { api: api.optional().describe('Only this API') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ api: only }) => {
      const views = (await context.apis()).filter((view) => !only || view.api === only);
      return jsonResult(
        views.map((view) => ({
          api: view.api,
          title: view.title,
          operations: view.operations.map((operation) => ({
            operationId: operation.id,
            method: operation.method,
            path: operation.path,
            summary: operation.summary,
            tag: operation.tag,
            ...(operation.deprecated ? { deprecated: true } : {}),
          })),
        })),
      );
    },
  );

  server.registerTool(
    'describe_operation',
    {
      title: 'Describe one operation',
      description:
        'One operation of a sandbox API, from its OpenAPI document: method and path, what it does, its ' +
        'parameters, the fields of its request body, its responses, and an example call (arguments for ' +
        'call_sandbox, and the same request as curl for `npm run sandbox`).',
      inputSchema: {
        api,
        operationId: z.string().trim().min(1).describe('As list_operations gives it, e.g. createPaymentIntent'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ api: name, operationId }) => {
      const view = await context.api(name);
      const operation = view.operations.find((candidate) => candidate.id === operationId);
      if (!operation)
        throw new ToolInputError(
          'operationId',
          `the ${name} API has no operation "${operationId}"; list_operations lists its operations`,
        );
      const page = (await context.pages()).find(
        (candidate) => candidate.path === `/reference/${name}/${operation.slug}/`,
      );
      return jsonResult({
        api: name,
        operationId: operation.id,
        method: operation.method,
        path: operation.path,
        summary: operation.summary,
        ...(operation.description ? { description: operation.description } : {}),
        ...(operation.deprecated ? { deprecated: true } : {}),
        security: operation.security,
        parameters: operation.parameters.map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required,
          type: parameter.type,
          ...(parameter.description ? { description: parameter.description } : {}),
        })),
        ...(operation.requestBody
          ? {
              requestBody: {
                required: operation.requestBody.required,
                content: operation.requestBody.bodies.map((body) => ({
                  mediaType: body.mediaType,
                  fields: fields(body.rows),
                  ...(body.example !== undefined ? { example: body.example } : {}),
                })),
              },
            }
          : {}),
        responses: operation.responses.map((response) => ({
          status: response.status,
          ...(response.description ? { description: response.description } : {}),
          content: response.bodies.map((body) => ({ mediaType: body.mediaType, fields: fields(body.rows) })),
          ...(response.headers.length > 0 ? { headers: response.headers } : {}),
        })),
        example: await exampleCall(context, name, operation),
        ...(page ? pageUrls(page, context.address) : {}),
      });
    },
  );
}

/** Schema rows as a model reads them best: one entry per field, nested fields by their dotted path. */
function fields(rows: readonly SchemaRow[]): object[] {
  return rows.flatMap((row) => [
    {
      field: row.variant ? `(${row.variant})` : row.path,
      type: row.type,
      required: row.required,
      ...(row.description ? { description: row.description.replace(/\s+/g, ' ').trim() } : {}),
      ...(row.constraints.length > 0 ? { constraints: row.constraints } : {}),
      ...(row.schema ? { schema: row.schema } : {}),
    },
    ...fields(row.folded ?? []),
  ]);
}

/** The documented example request, as call_sandbox arguments (the tool adds the key's credentials itself). */
async function exampleCall(context: McpContext, api: string, view: OperationView) {
  const { exampleRequest, parameterExample } = await import('../../mocks/core/example-request.ts');
  const engine = (await context.sandbox()).engine(api);
  const operation = engine.router.operations.find((candidate) => candidate.id === view.id);
  if (!operation) return undefined;
  let example;
  try {
    example = exampleRequest(engine.document, operation, DEFAULT_KEY);
  } catch {
    return undefined;
  }
  const params: Record<string, unknown> = {};
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path'))
    params[parameter.name] = parameterExample(engine.document, parameter);
  const declared = new Set(operation.parameters.map((parameter) => parameter.name.toLowerCase()));
  // The fixed query of a path key (`/search?type=user`) is added by call_sandbox; credentials by the key.
  const fixed = new URLSearchParams(operation.path.split('?')[1]?.split('#')[0] ?? '');
  for (const [name, value] of Object.entries(example.query))
    if (declared.has(name.toLowerCase()) && !fixed.has(name)) params[name] = value;
  const headers = Object.fromEntries(
    Object.entries(example.headers).filter(
      ([name]) => declared.has(name.toLowerCase()) && name.toLowerCase() !== 'authorization',
    ),
  );
  let body: unknown = example.body;
  if (typeof body === 'string' && /json/.test(example.mediaType ?? '')) body = JSON.parse(body);
  if (body instanceof FormData) body = Object.fromEntries(body as unknown as Iterable<[string, unknown]>);
  return {
    call_sandbox: {
      api,
      operationId: view.id,
      ...(Object.keys(params).length > 0 ? { params } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(body !== undefined ? { body } : {}),
    },
    request: `${view.method} ${requestPath(view.path)}`,
    curl: view.samples.find((sample) => sample.label === 'curl')?.code,
  };
}
