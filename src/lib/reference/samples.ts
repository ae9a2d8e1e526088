/**
 * Code samples for an operation, generated from the same example request that Try it sends: curl, JavaScript fetch
 * and Python requests through @scalar/snippetz, and a typed TypeScript call with openapi-fetch.
 */
import { snippetz } from '@scalar/snippetz';
import type { ExampleRequest } from '../../../mocks/core/example-request.ts';

export interface CodeSample {
  label: string;
  lang: string;
  code: string;
}

const generator = snippetz();

export function codeSamples(request: ExampleRequest, baseUrl: string, pathTemplate: string): CodeSample[] {
  const url = `${baseUrl}${request.path}`;
  const body = typeof request.body === 'string' ? request.body : undefined;
  const headers = Object.entries(request.headers).map(([name, value]) => ({ name, value }));
  let postData: { mimeType: string; text?: string; params?: { name: string; value: string }[] } | undefined;
  if (request.mediaType === 'application/x-www-form-urlencoded' && body) {
    postData = {
      mimeType: request.mediaType,
      params: [...new URLSearchParams(body)].map(([name, value]) => ({ name, value })),
    };
  } else if (request.mediaType === 'multipart/form-data' && request.body instanceof FormData) {
    postData = {
      mimeType: request.mediaType,
      params: [...request.body].map(([name, value]) => ({ name, value: String(value) })),
    };
  } else if (body !== undefined && request.mediaType) {
    postData = { mimeType: request.mediaType, text: body };
  }
  const har = {
    method: request.method,
    url,
    headers,
    queryString: Object.entries(request.query).map(([name, value]) => ({ name, value })),
    ...(postData ? { postData } : {}),
  };
  const print = (target: string, client: string) =>
    generator.print(target as never, client as never, har as never) ?? '';
  return [
    { label: 'curl', lang: 'sh', code: print('shell', 'curl') },
    { label: 'JavaScript', lang: 'js', code: print('js', 'fetch') },
    { label: 'Python', lang: 'python', code: print('python', 'requests') },
    { label: 'TypeScript', lang: 'ts', code: openapiFetchSample(request, baseUrl, pathTemplate, postData?.text) },
  ];
}

/** openapi-fetch checks paths, parameters and bodies against types generated from the same spec. */
function openapiFetchSample(
  request: ExampleRequest,
  baseUrl: string,
  pathTemplate: string,
  jsonBody: string | undefined,
): string {
  const method = request.method.toUpperCase();
  const pathParams = pathParameters(pathTemplate, request.path);
  const params: string[] = [];
  if (Object.keys(pathParams).length > 0) params.push(`path: ${JSON.stringify(pathParams)}`);
  if (Object.keys(request.query).length > 0) params.push(`query: ${JSON.stringify(request.query)}`);
  const options: string[] = [];
  if (params.length > 0) options.push(`  params: { ${params.join(', ')} },`);
  if (jsonBody !== undefined && request.mediaType?.includes('json'))
    options.push(`  body: ${jsonBody.replace(/\n/g, '\n  ')},`);
  const auth = request.headers.authorization ?? request.headers.Authorization;
  return [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from './api-types'; // npx openapi-typescript <spec> -o api-types.ts",
    '',
    `const client = createClient<paths>({`,
    `  baseUrl: '${baseUrl}',`,
    auth
      ? `  headers: { Authorization: \`Bearer \${process.env.SANDBOX_KEY}\` }, // ${auth.replace(/^Bearer /, '')}`
      : '',
    '});',
    '',
    `const { data, error } = await client.${method}('${pathTemplate}'${options.length > 0 ? `, {\n${options.join('\n')}\n}` : ''});`,
  ]
    .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
    .join('\n');
}

function pathParameters(template: string, filled: string): Record<string, string> {
  const names = template.split('/');
  const values = filled.split('/');
  const params: Record<string, string> = {};
  names.forEach((segment, index) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name) params[name] = decodeURIComponent(values[index] ?? '');
  });
  return params;
}
