/**
 * The playground's menu of requests, computed at build time from every spec in openapi/: each operation with its
 * parameters pre-filled from the spec's examples (the same values Try it and the contract tests send). The page
 * carries only the list of APIs; each API's catalogue is a static JSON file (`/playground/<api>.json`) that the
 * browser fetches when the reader picks that API, so the browser never parses a spec and the page stays small however
 * large the specs grow. Build-time only: browser code imports nothing but this module's types.
 */
import { plainText } from '../reference/meta';
import { KEY_SLOT } from '../../browser/playground/key-slot';
import { exampleRequest } from '../../../mocks/core/example-request.ts';
import { sandboxLocation } from '../../../mocks/core/sandbox-location.ts';
import { listOperations, type OpenApiDocument, type Operation } from '../../../mocks/core/openapi.ts';

// A key that cannot appear in any example, so that finding it in the example request shows where credentials go.
const MARKER = 'sk_test_playground_marker';

export interface CatalogParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** The example value, or empty when the spec gives none and the parameter is optional. */
  value: string;
  description?: string | undefined;
}

export interface CatalogOperation {
  api: string;
  /** Where the API's sandbox lives under the sandbox's root: its name and its server's path (`payments/v1`). */
  root: string;
  id: string;
  method: string;
  path: string;
  summary: string;
  parameters: CatalogParameter[];
  /** Credential headers, with {@link KEY_SLOT} where the sandbox key goes; empty for public operations. */
  auth: Record<string, string>;
  mediaType?: string | undefined;
  body?: string | undefined;
}

export interface CatalogApi {
  api: string;
  title: string;
  operations: CatalogOperation[];
}

/** What the page itself carries about one API: enough for the menu and a link to its static reference. */
export interface PlaygroundApi {
  api: string;
  title: string;
  operationCount: number;
}

export function playgroundApis(specs: Record<string, OpenApiDocument>): PlaygroundApi[] {
  return Object.keys(specs)
    .sort()
    .map((api) => ({ api, title: specs[api]!.info.title, operationCount: listOperations(specs[api]!).length }));
}

/** One API's catalogue: what `/playground/<api>.json` serves. */
export function catalogApi(api: string, document: OpenApiDocument): CatalogApi {
  return {
    api,
    title: document.info.title,
    operations: listOperations(document).map((operation) => catalogOperation(api, document, operation)),
  };
}

export function playgroundCatalog(specs: Record<string, OpenApiDocument>): CatalogApi[] {
  return Object.keys(specs)
    .sort()
    .map((api) => catalogApi(api, specs[api]!));
}

export function catalogOperation(api: string, document: OpenApiDocument, operation: Operation): CatalogOperation {
  const example = exampleRequest(document, operation, MARKER);
  const templateSegments = operation.path.split('/');
  const filledSegments = example.path.split('/');
  const declared = operation.parameters.filter(
    (parameter) => !(parameter.in === 'header' && parameter.name.toLowerCase() === 'authorization'),
  );
  const parameters: CatalogParameter[] = declared.map((parameter) => {
    const position = templateSegments.indexOf(`{${parameter.name}}`);
    const value =
      parameter.in === 'path'
        ? decodeURIComponent(filledSegments[position] ?? '')
        : parameter.in === 'query'
          ? (example.query[parameter.name] ?? '')
          : (example.headers[parameter.name] ?? '');
    return {
      name: parameter.name,
      in: parameter.in,
      required: Boolean(parameter.required || parameter.in === 'path'),
      value,
      description: firstSentence(parameter.description),
    };
  });
  // deepObject parameters arrive as `name[field]` entries, which the declared names do not cover.
  for (const [name, value] of Object.entries(example.query)) {
    if (!parameters.some((parameter) => parameter.in === 'query' && parameter.name === name))
      parameters.push({ name, in: 'query', required: false, value });
  }
  const auth: Record<string, string> = {};
  for (const [name, value] of Object.entries(example.headers)) {
    if (value.includes(MARKER)) auth[name] = value.replaceAll(MARKER, KEY_SLOT);
  }
  return {
    api,
    root: sandboxLocation(api, document).root,
    id: operation.id,
    method: example.method,
    path: operation.path,
    summary: plainText(operation.operation.summary) || operation.id,
    parameters,
    auth,
    ...(typeof example.body === 'string' ? { mediaType: example.mediaType, body: example.body } : {}),
  };
}

function firstSentence(text: string | undefined): string | undefined {
  const plain = text?.replace(/\s+/g, ' ').trim();
  if (!plain) return undefined;
  const end = plain.search(/\.(\s|$)/);
  return (end < 0 ? plain : plain.slice(0, end + 1)).replace(/[`*_]/g, '');
}
