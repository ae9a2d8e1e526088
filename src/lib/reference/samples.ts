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

export function codeSamples(
  request: ExampleRequest,
  baseUrl: string,
  pathTemplate: string,
  /** Names of the operation's header parameters, which openapi-fetch takes (typed) in `params.header`. */
  headerParameters: readonly string[] = [],
): CodeSample[] {
  // The query goes into the URL already encoded: snippetz would paste `queryString` values into curl and fetch URLs
  // as they are, so `q=a&b` would arrive as two parameters.
  const query = new URLSearchParams(request.query).toString();
  const url = `${baseUrl}${request.path}${query ? `?${query}` : ''}`;
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
    queryString: [],
    ...(postData ? { postData } : {}),
  };
  const print = (target: string, client: string) =>
    generator.print(target as never, client as never, har as never) ?? '';
  return [
    { label: 'curl', lang: 'sh', code: print('shell', 'curl') },
    { label: 'JavaScript', lang: 'js', code: print('js', 'fetch') },
    { label: 'Python', lang: 'python', code: pythonSample(print('python', 'requests'), postData) },
    { label: 'TypeScript', lang: 'ts', code: openapiFetchSample(request, baseUrl, pathTemplate, headerParameters) },
  ];
}

/**
 * snippetz leaves out the import, and sends multipart fields as `data=`, which requests encodes as a form-encoded
 * body; `files=` with `(None, value)` tuples is how requests sends multipart text fields.
 */
function pythonSample(
  code: string,
  postData: { mimeType: string; params?: { name: string; value: string }[] } | undefined,
) {
  let sample = code;
  if (postData?.mimeType === 'multipart/form-data' && postData.params) {
    const fields = postData.params.map(
      ({ name, value }) => `      ${JSON.stringify(name)}: (None, ${JSON.stringify(value)})`,
    );
    sample = sample.replace(/ {4}data=\{[\s\S]*?\n {4}\}/, `    files={\n${fields.join(',\n')}\n    }`);
  }
  return sample.startsWith('import requests') ? sample : `import requests\n\n${sample}`;
}

/**
 * openapi-fetch checks paths, parameters and bodies against types generated from the same spec. It sends JSON unless
 * told otherwise: a form body goes out form-encoded when its Content-Type says so, and multipart or raw bodies need
 * a `bodySerializer`.
 */
function openapiFetchSample(
  request: ExampleRequest,
  baseUrl: string,
  pathTemplate: string,
  headerParameters: readonly string[],
): string {
  const method = request.method.toUpperCase();
  const isParameter = (name: string) =>
    headerParameters.some((parameter) => parameter.toLowerCase() === name.toLowerCase());
  const headerParams = Object.fromEntries(Object.entries(request.headers).filter(([name]) => isParameter(name)));
  const clientHeaders = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !isParameter(name) && name.toLowerCase() !== 'content-type'),
  );
  const pathParams = pathParameters(pathTemplate, request.path);
  const params: string[] = [];
  if (Object.keys(pathParams).length > 0) params.push(`path: ${literal(pathParams)}`);
  if (Object.keys(request.query).length > 0) params.push(`query: ${literal(request.query)}`);
  if (Object.keys(headerParams).length > 0) params.push(`header: ${literal(headerParams)}`);
  const options: string[] = [];
  if (params.length > 0) options.push(`  params: { ${params.join(', ')} },`);
  const media = request.mediaType ?? '';
  if (request.body instanceof FormData) {
    const fields = Object.fromEntries([...request.body].map(([name, value]) => [name, String(value)]));
    options.push(
      `  body: ${indent(literal(fields, 2))},`,
      '  bodySerializer: (body) => {',
      '    const form = new FormData();',
      '    for (const [name, value] of Object.entries(body)) form.append(name, String(value));',
      '    return form;',
      '  },',
    );
  } else if (typeof request.body === 'string' && media.includes('json')) {
    options.push(`  body: ${indent(request.body)},`);
  } else if (typeof request.body === 'string' && media === 'application/x-www-form-urlencoded') {
    options.push(
      `  body: ${indent(literal(Object.fromEntries(new URLSearchParams(request.body)), 2))},`,
      `  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },`,
    );
  } else if (typeof request.body === 'string') {
    options.push(
      `  body: ${JSON.stringify(request.body)},`,
      '  bodySerializer: (body) => body,',
      `  headers: { 'Content-Type': ${JSON.stringify(media)} },`,
    );
  }
  return [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from './api-types'; // npx openapi-typescript <spec> -o api-types.ts",
    '',
    `const client = createClient<paths>({`,
    `  baseUrl: '${baseUrl}',`,
    ...(Object.keys(clientHeaders).length > 0 ? [`  headers: ${indent(literal(clientHeaders, 2))},`] : []),
    '});',
    '',
    `const { data, error } = await client.${method}('${pathTemplate}'${options.length > 0 ? `, {\n${options.join('\n')}\n}` : ''});`,
  ].join('\n');
}

const literal = (value: unknown, space?: number) => JSON.stringify(value, null, space);
const indent = (text: string) => text.replace(/\n/g, '\n  ');

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
