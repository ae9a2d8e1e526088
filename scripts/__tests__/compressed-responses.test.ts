/**
 * Serving a build compressed, as a CDN does (`serve-dist.ts --compress`, used by the bench): the encoding a browser
 * gets for its Accept-Encoding, bodies that decode to the file on disk, and the plain server the browser tests use
 * left as it was.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCompressionCache, isCompressible, negotiateEncoding } from '../compressed-responses.ts';

describe('negotiateEncoding', () => {
  test.each([
    // What Chromium sends to 127.0.0.1 and to HTTPS origins: brotli wins over gzip.
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    // No header, or only encodings we cannot produce: the file as it is.
    [undefined, 'identity'],
    ['', 'identity'],
    ['deflate, zstd', 'identity'],
    // q-values decide before our preference does.
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=1.0', 'br'],
    // `*` stands for anything not named.
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    // Identity refused and nothing else offered: still identity, the only body we have.
    ['identity;q=0', 'identity'],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('isCompressible', () => {
  test.each([
    ['text/html; charset=utf-8', true],
    ['text/javascript; charset=utf-8', true],
    ['application/json', true],
    ['image/svg+xml', true],
    ['application/wasm', true],
    ['image/png', false],
    ['font/woff2', false],
    ['application/octet-stream', false],
  ])('%s → %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});

describe('createCompressionCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compression-'));
  const script = join(dir, 'app.js');
  const text = 'export const greeting = "hello";\n'.repeat(200);
  writeFileSync(script, text);

  test('brotli and gzip bodies decode to the file, and are smaller', async () => {
    const cache = createCompressionCache();
    const br = await cache.get(script, 'gzip, br');
    expect(br.encoding).toBe('br');
    expect(br.body.length).toBeLessThan(text.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    const gz = await cache.get(script, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(text);
  });

  test('a file compressed once is answered from memory, and again after it changes', async () => {
    const cache = createCompressionCache();
    const file = join(dir, 'changing.js');
    writeFileSync(file, 'a'.repeat(5000));
    const [first, second] = await Promise.all([cache.get(file, 'br'), cache.get(file, 'br')]);
    expect(cache.size).toBe(1);
    expect(second.body).toBe(first.body);
    writeFileSync(file, 'b'.repeat(6000));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(brotliDecompressSync((await cache.get(file, 'br')).body).toString()).toBe('b'.repeat(6000));
  });

  test('a body compression would not shrink goes out as it is', async () => {
    const cache = createCompressionCache();
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, 'x');
    expect(await cache.get(tiny, 'br')).toEqual({ encoding: 'identity', body: Buffer.from('x') });
  });
});

/** Start scripts/serve-dist.ts and wait until it says it is serving. */
async function serve(dir: string, port: number, flags: readonly string[]) {
  const child = spawn(process.execPath, ['scripts/serve-dist.ts', '--dir', dir, '--port', String(port), ...flags], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  for (let i = 0; i < 100 && !/Serving/.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return { child, output };
}

describe('serve-dist.ts', () => {
  const site = mkdtempSync(join(tmpdir(), 'serve-dist-'));
  mkdirSync(join(site, 'guide'));
  const page = `<!doctype html><title>Guide</title>${'<p>Backends answer requests.</p>'.repeat(100)}`;
  writeFileSync(join(site, 'guide', 'index.html'), page);
  writeFileSync(join(site, 'logo.png'), Buffer.alloc(2000, 1));
  const servers: Awaited<ReturnType<typeof serve>>['child'][] = [];
  let compressed = '';
  let plain = '';

  beforeAll(async () => {
    // The server prints the port it was given, not the one port 0 would pick: take two unlikely to be in use.
    for (const [flags, set] of [
      [['--compress'], (origin: string) => (compressed = origin)],
      [[], (origin: string) => (plain = origin)],
    ] as const) {
      const port = 4700 + servers.length * 200 + Math.floor(Math.random() * 200);
      const { child, output } = await serve(site, port, flags);
      servers.push(child);
      expect(output).toContain('Serving');
      set(`http://127.0.0.1:${port}`);
    }
  });
  afterAll(async () => {
    for (const child of servers) {
      child.kill('SIGINT');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });

  // fetch() would decode the body and hide the encoding; node:http shows what went over the wire.
  async function raw(url: string, acceptEncoding?: string) {
    const { request } = await import('node:http');
    return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
      request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', fail)
        .end();
    });
  }

  test('with --compress, a page goes out as brotli to a browser that accepts it, gzip to one that does not', async () => {
    const br = await raw(`${compressed}/guide/`, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    const gz = await raw(`${compressed}/guide/`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
    const none = await raw(`${compressed}/guide/`);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(page);
  });

  test('with --compress, images go out as they are', async () => {
    const png = await raw(`${compressed}/logo.png`, 'br');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body).toEqual(readFileSync(join(site, 'logo.png')));
  });

  test('without --compress (the browser tests), nothing is compressed', async () => {
    const response = await raw(`${plain}/guide/`, 'gzip, deflate, br');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(page);
  });
});
