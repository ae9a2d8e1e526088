/**
 * The Markdown twins of the API reference, from the same model the HTML pages render: an API overview with its
 * operations, and one operation with its parameters, bodies and responses as tables, JSON examples and a curl call.
 */
import { metaTitle } from '../reference/meta';
import { schemaIndexTitle } from '../seo/social-card';
import type { ApiView, BodyView, OperationView, SchemaView, WebhookView } from '../reference/model';
import type { SchemaRow } from '../reference/schema-rows';
import { apiPath, openapiPath, operationPath, schemaIndexPath, twinPathOf } from './twin-paths';

export interface ReferenceLinks {
  /** A root-relative site path as the absolute URL the twin should carry. */
  absolute: (path: string) => string;
}

export function apiMarkdown(view: ApiView, links: ReferenceLinks): string {
  // The heading is the page's own title, so the twin and the page it stands for say the same thing.
  const out = [`# ${metaTitle(view.title)}`, ''];
  if (view.summary) out.push(`> ${oneLine(view.summary)}`, '');
  out.push(
    `Version ${view.version}. Reference page: ${links.absolute(apiPath(view.api))}. OpenAPI document: ` +
      `[YAML](${links.absolute(openapiPath(view.api, 'yaml'))}) · [JSON](${links.absolute(openapiPath(view.api, 'json'))}).`,
    '',
  );
  if (view.description) out.push(view.description.trim(), '');
  out.push(
    '## Servers',
    '',
    `- \`${view.sandbox.browser}\`: in-browser sandbox (answers inside your browser tab)`,
    `- \`${view.sandbox.local}\`: local sandbox server (\`npm run sandbox\`)`,
    '',
    ...(view.servers.length > 0
      ? [
          'The document also lists these servers; the sandbox serves the same paths under its own root:',
          '',
          ...view.servers.map(
            (server) => `- \`${server.url}\`${server.description ? `: ${oneLine(server.description)}` : ''}`,
          ),
          '',
        ]
      : []),
    '## Authentication',
    '',
  );
  if (view.security.length === 0) out.push('This API needs no credentials.', '');
  for (const scheme of view.security) {
    out.push(`- \`${scheme.name}\` (${scheme.type})${scheme.description ? `: ${oneLine(scheme.description)}` : ''}`);
  }
  if (view.security.length > 0) out.push('');
  for (const group of view.groups) {
    out.push(`## ${group.tag}`, '');
    if (group.description) out.push(group.description.trim(), '');
    for (const operation of group.operations) {
      const href = links.absolute(twinPathOf(operationPath(view.api, operation.slug)));
      out.push(`- [${operation.summary}](${href}): \`${operation.method} ${operation.path}\``);
    }
    out.push('');
  }
  const { callbacks } = view;
  if (callbacks.length > 0) {
    out.push('## Callbacks', '', 'Requests this API sends to an address your request gives.', '');
    for (const { operation, callback } of callbacks) {
      const href = links.absolute(twinPathOf(operationPath(view.api, operation.slug)));
      out.push(
        `- \`${callback.name}\`: \`${callback.method} ${callback.expression}\`, after [${operation.summary}](${href})`,
      );
    }
    out.push('');
  }
  if (view.webhooks.length > 0) {
    const intro = view.eventsListed
      ? 'Events this API sends, signed per Standard Webhooks. They are also listed by `GET /events`.'
      : 'Events this API sends to the webhook endpoint you register with it.';
    out.push('## Webhooks', '', intro, '');
    for (const webhook of view.webhooks)
      out.push(
        `- [\`${webhook.name}\`](${links.absolute(twinPathOf(`/reference/${view.api}/webhooks/${webhook.slug}/`))})` +
          (webhook.summary ? `: ${webhook.summary}` : ''),
      );
    out.push('');
  }
  if (view.schemas.length > 0) {
    out.push(
      '## Schemas',
      '',
      `${view.schemas.length} named schemas, each with a page: ${links.absolute(schemaIndexPath(view.api))}`,
      '',
    );
  }
  return out.join('\n').trim() + '\n';
}

export function operationMarkdown(api: ApiView, operation: OperationView, links: ReferenceLinks): string {
  const out = [`# ${operation.title}`, ''];
  out.push(`\`${operation.method} ${operation.path}\`${operation.deprecated ? ' (deprecated)' : ''}`, '');
  if (operation.lead) out.push(operation.lead.trim(), '');
  if (operation.pathKey) out.push(`Listed in the document under the path key \`${operation.pathKey}\`.`, '');
  const credentials =
    operation.security.length > 0 ? `Needs ${operation.security.join(' or ')}.` : 'Needs no credentials.';
  out.push(
    `Part of the [${api.title}](${links.absolute(twinPathOf(apiPath(api.api)))}), ${operation.tag}. ${credentials} ` +
      `Base URL: \`${api.sandbox.browser}\` in the browser, \`${api.sandbox.local}\` locally.`,
    '',
  );
  if (operation.description) out.push(operation.description.trim(), '');

  out.push('## Request', '');
  if (operation.parameters.length > 0) {
    out.push('### Parameters', '', '| Name | In | Type | Required | Description |', '| --- | --- | --- | --- | --- |');
    for (const parameter of operation.parameters) {
      out.push(
        row([
          code(parameter.name),
          parameter.in,
          code(parameter.type),
          parameter.required ? 'yes' : 'no',
          describe(parameter.description ?? parameter.rows[0]?.description, parameter.rows[0]?.constraints ?? []),
        ]),
      );
    }
    out.push('');
  }
  if (operation.requestBody) {
    out.push(`### Request body (${operation.requestBody.required ? 'required' : 'optional'})`, '');
    if (operation.requestBody.description) out.push(operation.requestBody.description.trim(), '');
    for (const body of operation.requestBody.bodies)
      out.push(...bodyMarkdown(body, 'Example request body', links.absolute));
  }
  if (operation.parameters.length === 0 && !operation.requestBody) {
    out.push('This operation takes no parameters and no body.', '');
  }

  out.push('## Responses', '');
  for (const response of operation.responses) {
    out.push(`### ${response.status}`, '');
    if (response.description) out.push(response.description.trim(), '');
    if (response.headers.length > 0) out.push(`Headers: ${response.headers.map(code).join(', ')}.`, '');
    for (const body of response.bodies)
      out.push(...bodyMarkdown(body, `Example ${response.status} response`, links.absolute));
  }

  if (operation.callbacks.length > 0) {
    out.push('## Callbacks', '', 'Requests this API sends to your server after this operation.', '');
    for (const callback of operation.callbacks) {
      out.push(`### ${callback.name}`, '', `\`${callback.method} ${callback.expression}\``, '');
      if (callback.summary) out.push(callback.summary.trim(), '');
      if (callback.description) out.push(callback.description.trim(), '');
      for (const body of callback.requestBody?.bodies ?? [])
        out.push(...bodyMarkdown(body, `Example ${callback.name} body`, links.absolute));
      if (callback.responses.length > 0) {
        out.push('| Your answer | Meaning |', '| --- | --- |');
        for (const response of callback.responses)
          out.push(row([code(response.status), oneLine(response.description ?? '')]));
        out.push('');
      }
    }
  }

  const curl = operation.samples.find((sample) => sample.label === 'curl');
  if (curl?.code) {
    out.push('## Code sample', '', 'For the local sandbox (`npm run sandbox`):', '', '```sh', curl.code, '```', '');
  }
  out.push(
    '## Try it',
    '',
    `Send this request from the reference page, where the sandbox answers inside your browser: ` +
      `${links.absolute(operationPath(api.api, operation.slug))}#try-it`,
  );
  return out.join('\n').trim() + '\n';
}

function bodyMarkdown(body: BodyView, exampleLabel: string, absolute: (path: string) => string): string[] {
  const out = [`Media type: \`${body.mediaType}\``, ''];
  if (body.rows.length > 0) out.push(...schemaTable(body.rows, absolute), '');
  if (body.example !== undefined) {
    const lang = body.mediaType.includes('json') ? 'json' : '';
    out.push(`${exampleLabel}:`, '', '```' + lang, body.example, '```', '');
  }
  return out;
}

/** A schema table in Markdown: named types link to their pages, and folded fields follow their parent row. */
export function schemaTable(rows: readonly SchemaRow[], absolute: (path: string) => string = (path) => path): string[] {
  const out = ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |'];
  const type = (schemaRow: SchemaRow) => {
    if (schemaRow.missing) return `${code(schemaRow.type)} (a type this document does not define)`;
    if (!schemaRow.link) return code(schemaRow.type);
    const link = `[${schemaRow.schema}](${absolute(twinPathOf(schemaRow.link))})`;
    return schemaRow.type === schemaRow.schema ? link : `${code(schemaRow.type)} (${link})`;
  };
  const visit = (list: readonly SchemaRow[]) => {
    for (const schemaRow of list) {
      if (schemaRow.variant) {
        out.push(
          row([
            `_${schemaRow.variant}_${schemaRow.path ? ` (${code(schemaRow.path)})` : ''}`,
            type(schemaRow),
            '',
            schemaRow.circularTo ? 'Recursive: the same fields as above.' : '',
          ]),
        );
        continue;
      }
      const recursive = schemaRow.circularTo ? ['Recursive: the same fields as above.'] : [];
      out.push(
        row([
          code(schemaRow.path),
          type(schemaRow),
          schemaRow.required ? 'yes' : 'no',
          describe(schemaRow.description, [...schemaRow.constraints, ...recursive]),
        ]),
      );
      if (schemaRow.folded) visit(schemaRow.folded);
    }
  };
  visit(rows);
  return out;
}

/** The twin of a webhook page: the request the API sends and what to answer. */
export function webhookMarkdown(api: ApiView, webhook: WebhookView, links: ReferenceLinks): string {
  const out = [`# ${webhook.title}`, ''];
  out.push(
    `A webhook of the [${api.title}](${links.absolute(twinPathOf(apiPath(api.api)))}): the API sends ` +
      `\`${webhook.request.method}\` requests to the endpoint you register with it.`,
    '',
  );
  if (webhook.description) out.push(webhook.description.trim(), '');
  for (const body of webhook.request.requestBody?.bodies ?? [])
    out.push(...bodyMarkdown(body, `Example ${webhook.name} body`, links.absolute));
  if (webhook.request.responses.length > 0) {
    out.push('| Your answer | Meaning |', '| --- | --- |');
    for (const response of webhook.request.responses)
      out.push(row([code(response.status), oneLine(response.description ?? '')]));
    out.push('');
  }
  return out.join('\n').trim() + '\n';
}

/** The twin of an API's schema list: every schema with a link to its twin. */
export function schemaIndexMarkdown(api: ApiView, links: ReferenceLinks): string {
  const out = [`# ${schemaIndexTitle(api)}`, ''];
  out.push(`The objects the [${api.title}](${links.absolute(twinPathOf(apiPath(api.api)))}) sends and receives.`, '');
  for (const schema of [...api.schemas].sort((a, b) => a.name.localeCompare(b.name)))
    out.push(`- [${schema.name}](${links.absolute(twinPathOf(schema.href))}): \`${schema.type}\``);
  return out.join('\n').trim() + '\n';
}

/** The twin of a schema page: its fields, an example, and the operations and schemas that use it. */
export function schemaMarkdown(api: ApiView, schema: SchemaView, links: ReferenceLinks): string {
  const out = [`# ${schema.title}`, ''];
  out.push(
    `A schema of the [${api.title}](${links.absolute(twinPathOf(apiPath(api.api)))}): \`${schema.type}\`. ` +
      `All schemas: ${links.absolute(schemaIndexPath(api.api))}`,
    '',
  );
  if (schema.description) out.push(schema.description.trim(), '');
  if (schema.rows.length > 0) out.push('## Fields', '', ...schemaTable(schema.rows, links.absolute), '');
  if (schema.example !== undefined) out.push('## Example', '', '```json', schema.example, '```', '');
  if (schema.usedBy.length > 0) {
    out.push('## Used by', '');
    for (const operation of schema.usedBy)
      out.push(
        `- [${operation.title}](${links.absolute(twinPathOf(operation.href))}): \`${operation.method} ${operation.path}\``,
      );
    out.push('');
  }
  if (schema.usedIn.length > 0) {
    out.push('## Used in schemas', '');
    for (const other of schema.usedIn) out.push(`- [${other.name}](${links.absolute(twinPathOf(other.href))})`);
    out.push('');
  }
  return out.join('\n').trim() + '\n';
}

function describe(description: string | undefined, constraints: readonly string[]): string {
  const rules = constraints.length > 0 ? `(${constraints.join('; ')})` : '';
  return [oneLine(description ?? ''), rules].filter(Boolean).join(' ');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const row = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
