/**
 * What the playground form holds, and how it becomes an HTTP request to the in-browser sandbox. Pure functions, so
 * that history, share links and the form all agree on one shape.
 */
import type { CatalogOperation } from '../../lib/playground/catalog';
import { KEY_SLOT, READER_KEY } from './key-slot';

export interface PlaygroundRequest {
  api: string;
  operation: string;
  key: string;
  /** Parameter values by `<in>:<name>`, such as `path:id` or `header:Idempotency-Key`. */
  values: Record<string, string>;
  body?: string | undefined;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export const valueName = (where: string, name: string) => `${where}:${name}`;

/** The request as the spec's examples fill it in. */
export function exampleFor(operation: CatalogOperation, key = READER_KEY): PlaygroundRequest {
  return {
    api: operation.api,
    operation: operation.id,
    key,
    values: Object.fromEntries(operation.parameters.map((p) => [valueName(p.in, p.name), p.value])),
    ...(operation.body === undefined ? {} : { body: operation.body }),
  };
}

/** Build the request to send: empty optional fields are left out, the key fills the credential headers. */
export function outgoingRequest(
  operation: CatalogOperation,
  request: PlaygroundRequest,
  base: string,
): OutgoingRequest {
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const parameter of operation.parameters) {
    const value = request.values[valueName(parameter.in, parameter.name)] ?? '';
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(value));
    else if (value === '') continue;
    else if (parameter.in === 'query') query.append(parameter.name, value);
    else if (parameter.in === 'header') headers[parameter.name] = value;
    else cookies.push(`${parameter.name}=${encodeURIComponent(value)}`);
  }
  for (const [name, template] of Object.entries(operation.auth))
    headers[name] = template.replaceAll(KEY_SLOT, request.key);
  if (cookies.length > 0) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ');
  const hasBody = request.body !== undefined && request.body !== '' && operation.method !== 'GET';
  if (hasBody && operation.mediaType) headers['content-type'] = operation.mediaType;
  const search = query.toString();
  return {
    method: operation.method,
    url: `${base.replace(/\/?$/, '/')}sandbox/${operation.root}${path}${search ? `?${search}` : ''}`,
    headers,
    ...(hasBody ? { body: request.body! } : {}),
  };
}
