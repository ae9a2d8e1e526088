/** One operation as its reference page shows it: parameters, request body, responses, callbacks and code samples. */
import { exampleRequest } from '../../../mocks/core/example-request.ts';
import {
  deref,
  finalPointer,
  type MediaTypeObject,
  type OpenApiDocument,
  type Operation,
} from '../../../mocks/core/openapi.ts';
import { requestPath } from '../../../mocks/core/router.ts';
import { sandboxLocation } from '../../../mocks/core/sandbox-location.ts';
import { bodies, responseViews, type BodyView, type ResponseView } from './body-views';
import { callbackViews, type CallbackView } from './callback-views';
import { metaTitle, plainText } from './meta';
import { codeSamples, type CodeSample } from './samples';
import { withLinks, type SchemaLinks } from './schema-pages';
import { linkedSchemas, schemaRows, type SchemaRow } from './schema-rows';
import { typeOf } from './schema-words';
import { READER_KEY } from '../../browser/playground/key-slot';

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description?: string | undefined;
  rows: SchemaRow[];
}

export interface OperationView {
  api: string;
  slug: string;
  id: string;
  method: string;
  /** The path requests go to: the document's path key without a `#…` or `?…` that some vendors add to it. */
  path: string;
  /** The path key as the document writes it, when it differs from `path` (`/engage#import`). */
  pathKey?: string | undefined;
  /** The summary as plain text: the operation's name in links, cards and structured data. */
  summary: string;
  /** The page title: the summary, shortened at a word when it is longer than a title may be. */
  title: string;
  /** The summary as written (CommonMark), shown on the page when the title cannot say all of it. */
  lead?: string | undefined;
  description?: string | undefined;
  tag: string;
  deprecated: boolean;
  security: string[];
  parameters: ParameterView[];
  requestBody?: { required: boolean; description?: string | undefined; bodies: BodyView[] };
  responses: ResponseView[];
  callbacks: CallbackView[];
  samples: CodeSample[];
  /** The named schemas this page links to (each lists the page under "Used by"). */
  schemas: string[];
}

export function operationView(
  api: string,
  document: OpenApiDocument,
  operation: Operation,
  slug: string,
  links: SchemaLinks,
): OperationView {
  const { operation: spec } = operation;
  const idPrefix = slug;
  const path = requestPath(operation.path);
  const rows = (schema: Parameters<typeof schemaRows>[1], prefix: string) =>
    withLinks(schemaRows(document, schema, prefix), links);
  const parameters = operation.parameters
    .filter((parameter) => !(parameter.in === 'header' && parameter.name.toLowerCase() === 'authorization'))
    .map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: Boolean(parameter.required || parameter.in === 'path'),
      type: typeOf(document, parameter.schema),
      description: parameter.description,
      rows: rows(
        { type: 'object', properties: { [parameter.name]: parameter.schema ?? {} } },
        `${idPrefix}-${parameter.in}`,
      ),
    }));
  const bodyPointer = spec.requestBody ? finalPointer(document, `${operation.pointer}/requestBody`) : undefined;
  const body = bodyPointer
    ? deref<{ required?: boolean; description?: string | undefined; content?: Record<string, MediaTypeObject> }>(
        document,
        { $ref: bodyPointer },
      )
    : undefined;
  const example = safeExample(document, operation);
  // Generated specs (Twilio's) often say `summary: ""`; a page and its link still need a name.
  const written = spec.summary?.trim() ?? '';
  const summary = plainText(written) || `${operation.method.toUpperCase()} ${path}`;
  const title = metaTitle(summary);
  const view: Omit<OperationView, 'schemas'> = {
    api,
    slug,
    id: operation.id,
    method: operation.method.toUpperCase(),
    path,
    ...(path !== operation.path ? { pathKey: operation.path } : {}),
    summary,
    title,
    ...(written && (title !== summary || summary !== written) && title !== written ? { lead: written } : {}),
    description: spec.description,
    tag: spec.tags?.[0] ?? `/${operation.path.split('/').filter(Boolean)[0] ?? ''}`,
    deprecated: Boolean(spec.deprecated),
    security: (spec.security ?? document.security ?? []).flatMap((requirement) => Object.keys(requirement)),
    parameters,
    ...(body?.content
      ? {
          requestBody: {
            required: Boolean(body.required),
            description: body.description,
            bodies: bodies(document, body.content, `${idPrefix}-body`, links),
          },
        }
      : {}),
    responses: responseViews(document, spec.responses, idPrefix, links),
    callbacks: callbackViews(document, spec.callbacks, idPrefix, links),
    samples: example
      ? codeSamples(
          example,
          sandboxLocation(api, document).local,
          path,
          operation.parameters.filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name),
        )
      : [],
  };
  return { ...view, schemas: linkedSchemas(pageRows(view)) };
}

/** Every schema row one operation page shows: parameters, request bodies, responses and callbacks. */
export function pageRows(operation: Omit<OperationView, 'schemas'>): SchemaRow[] {
  return [
    ...operation.parameters.flatMap((parameter) => parameter.rows),
    ...(operation.requestBody?.bodies ?? []).flatMap((body) => body.rows),
    ...operation.responses.flatMap((response) => response.bodies.flatMap((body) => body.rows)),
    ...operation.callbacks.flatMap((callback) => [
      ...(callback.requestBody?.bodies ?? []).flatMap((body) => body.rows),
      ...callback.responses.flatMap((response) => response.bodies.flatMap((body) => body.rows)),
    ]),
  ];
}

function safeExample(document: OpenApiDocument, operation: Operation) {
  try {
    return exampleRequest(document, operation, READER_KEY);
  } catch {
    return undefined;
  }
}
