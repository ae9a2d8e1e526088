/**
 * The code samples on operation pages, run for real: each one (curl, JavaScript fetch, Python requests, TypeScript
 * openapi-fetch) is executed against a local HTTP server that records what arrives, and what arrives must be the
 * request Try it would send, for JSON, form-encoded, multipart and raw bodies. curl and Python (with requests) come
 * from the system, not from npm: CI installs them (.ci/run) and there every sample must run, so a missing one fails
 * its tests. On other machines their tests are skipped, with one warning naming them, so that a green local run does
 * not hide that they did not run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExampleRequest } from '../../../../mocks/core/example-request.ts';
import { codeSamples } from '../samples';

const run = promisify(execFile);
const works = async (command: string, args: string[]) =>
  run(command, args).then(
    () => true,
    () => false,
  );
const inCI = ['1', 'true'].includes(process.env.CI?.toLowerCase() ?? '');
/** Why a sample cannot run on this machine, by sample label. */
const missing: Record<string, string> = {};
if (!(await works('curl', ['--version']))) missing.curl = 'curl is not installed';
if (!(await works('python3', ['-c', 'import requests']))) missing.Python = 'python3 cannot import requests';
const LABELS = ['curl', 'JavaScript', 'Python', 'TypeScript'];
// The ES module build, so that the sample's `import createClient from 'openapi-fetch'` works from a temporary folder.
const openapiFetch = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('openapi-fetch')
    .replace(/\.cjs$/, '.mjs'),
).href;
const scratch = mkdtempSync(join(tmpdir(), 'samples-'));

interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
let server: Server;
let base = '';
const received: Received[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url!, 'http://localhost');
      received.push({
        method: request.method!,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}/demo/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const form = new FormData();
form.append('purpose', 'avatar');
form.append('file', 'hello, multipart');

const auth = { authorization: 'Bearer sk_test_engine_room_reader' };
const cases: [string, ExampleRequest, string[]][] = [
  [
    'JSON body with a header parameter',
    {
      method: 'POST',
      path: '/orders',
      query: {},
      headers: { ...auth, 'Idempotency-Key': 'order-42', 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 1250, items: [{ sku: 'tea', quantity: 2 }], note: 'it\'s "quoted"' }, null, 2),
      mediaType: 'application/json',
    },
    ['Idempotency-Key'],
  ],
  [
    'form-encoded body',
    {
      method: 'POST',
      path: '/oauth/token',
      query: {},
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=sac_Q3r8&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fa%3D1%26b%3D2',
      mediaType: 'application/x-www-form-urlencoded',
    },
    [],
  ],
  [
    'multipart body',
    { method: 'POST', path: '/files', query: {}, headers: auth, body: form, mediaType: 'multipart/form-data' },
    [],
  ],
  [
    'raw body',
    {
      method: 'PUT',
      path: '/buckets/b1/objects/notes%2Ftoday.txt',
      query: {},
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: 'plain bytes: 1 2 3',
      mediaType: 'application/octet-stream',
    },
    [],
  ],
  [
    'no body, path and query parameters',
    { method: 'GET', path: '/users/u%201/posts', query: { limit: '2', q: 'a&b' }, headers: auth },
    [],
  ],
];
const templates: Record<string, string> = {
  '/buckets/b1/objects/notes%2Ftoday.txt': '/buckets/{bucket}/objects/{key}',
  '/users/u%201/posts': '/users/{id}/posts',
};

/** Runs one sample and returns the request the server received. */
async function send(label: string, code: string, name: string): Promise<Received> {
  const before = received.length;
  const file = join(scratch, `${name.replace(/\W+/g, '-')}-${label}`);
  if (label === 'curl') await run('sh', ['-c', `${code} --silent --show-error --output /dev/null`]);
  else if (label === 'Python') await run('python3', ['-c', code]);
  else if (label === 'JavaScript') {
    writeFileSync(`${file}.mjs`, code.replace(/^fetch\(/m, 'await fetch('));
    await run(process.execPath, [`${file}.mjs`]);
  } else {
    writeFileSync(`${file}.ts`, code.replace("from 'openapi-fetch'", `from '${openapiFetch}'`));
    await run(process.execPath, [`${file}.ts`]);
  }
  expect(received.length, `${label} reached the server`).toBe(before + 1);
  return received[before]!;
}

/** A body as a server reads it (JSON value, form fields in order, or text), whatever the encoding on the wire. */
async function parsedBody(body: BodyInit | null, contentType: string | null | undefined, media: string | undefined) {
  if (body === null || media === undefined) return undefined;
  const parsed = new Response(body, { headers: contentType ? { 'content-type': contentType } : {} });
  if (media.includes('json')) return { json: await parsed.json() };
  if (media === 'multipart/form-data' || media === 'application/x-www-form-urlencoded')
    return { fields: [...(await parsed.formData())].map(([key, value]) => [key, String(value)]) };
  return { text: await parsed.text() };
}

if (!inCI) {
  for (const [label, reason] of Object.entries(missing)) {
    const names = cases.map(([name]) => `"${name} > the ${label} sample sends that request"`);
    console.warn(`Skipping ${names.length} tests because ${reason} (CI installs it: .ci/run): ${names.join(', ')}`);
  }
}

describe.each(cases)('%s', (name, request, headerParameters) => {
  const samples = () => codeSamples(request, base, templates[request.path] ?? request.path, headerParameters);
  // What Try it sends, encoded the way fetch encodes it (a FormData gets its boundary here).
  const expected = async () => {
    const probe = new Request('http://x/', { method: 'POST', headers: request.headers, body: request.body ?? null });
    return parsedBody(
      request.body === undefined ? null : await probe.arrayBuffer(),
      probe.headers.get('content-type'),
      request.mediaType,
    );
  };

  for (const label of LABELS)
    test.skipIf(label in missing && !inCI)(`the ${label} sample sends that request`, async () => {
      if (label in missing) throw new Error(`${missing[label]}; CI must run every sample (.ci/run installs it).`);
      const sample = samples().find((candidate) => candidate.label === label)!;
      const got = await send(label, sample.code, name);
      expect(got.method).toBe(request.method);
      expect(got.path).toBe(new URL(`${base}${request.path}`).pathname);
      expect(got.query).toEqual(request.query);
      for (const [header, value] of Object.entries(request.headers)) {
        const arrived = String(got.headers[header.toLowerCase()] ?? '');
        if (header.toLowerCase() === 'content-type') expect(arrived.split(';')[0]).toBe(value);
        else expect(arrived, header).toBe(value);
      }
      if (request.mediaType === 'multipart/form-data')
        expect(got.headers['content-type']).toMatch(/^multipart\/form-data; ?boundary=/);
      const gotBody = await parsedBody(
        got.body.length > 0 ? new Uint8Array(got.body) : null,
        got.headers['content-type'],
        request.mediaType,
      );
      expect(gotBody).toEqual(await expected());
    });
});
