/**
 * Compression the way a CDN or a static host serves a build: brotli or gzip by the request's Accept-Encoding, each
 * file compressed once at the highest level (brotli 11, gzip 9, as hosts that precompress do) and kept in memory
 * until the file changes. Used by scripts/serve-dist.ts with `--compress` (the bench); the browser tests serve
 * uncompressed, as they always have.
 */
import { stat, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Encodings we compress with, best first: when a client accepts both equally, brotli wins, as on every major CDN. */
const PREFERENCE = ['br', 'gzip'] as const;

/**
 * The encoding to answer with for an Accept-Encoding header (RFC 9110 §12.5.3): of br and gzip, the one with the
 * highest q-value above 0, ties broken by PREFERENCE; `*` stands for any encoding not named. When neither is
 * acceptable the file goes out as it is (identity), which is acceptable by default and the only other body we have.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(token, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of PREFERENCE) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/**
 * Content types worth compressing: text, scripts, JSON, SVG, XML, YAML and WebAssembly. Images, fonts and Pagefind's
 * index chunks (served as octet-stream) are compressed already, and hosts send them as they are.
 */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    ['application/json', 'application/xml', 'application/yaml', 'application/wasm', 'image/svg+xml'].includes(type)
  );
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      })
    : gzipAsync(body, { level: 9 });
}

export interface CompressedBody {
  encoding: Encoding;
  body: Buffer;
}

/**
 * A per-file cache of compressed bodies. `get` answers with the encoding to send and the bytes: compressed when the
 * client accepts an encoding and that makes the file smaller, otherwise the file as it is. Concurrent requests for
 * the same file share one compression; a file whose size or modification time changed is compressed again.
 */
export function createCompressionCache() {
  const cache = new Map<string, { version: string; body: Promise<Buffer> }>();
  return {
    async get(file: string, acceptEncoding: string | undefined): Promise<CompressedBody> {
      const encoding = negotiateEncoding(acceptEncoding);
      const info = await stat(file);
      const version = `${info.size}:${info.mtimeMs}`;
      if (encoding === 'identity') return { encoding, body: await readFile(file) };
      const key = `${encoding}:${file}`;
      let entry = cache.get(key);
      if (!entry || entry.version !== version) {
        entry = { version, body: readFile(file).then((raw) => compress(raw, encoding)) };
        cache.set(key, entry);
        // A failed read or compression is not kept: the next request tries again.
        entry.body.catch(() => cache.delete(key));
      }
      const body = await entry.body;
      if (body.length < info.size) return { encoding, body };
      return { encoding: 'identity', body: await readFile(file) };
    },
    /** Compressed bodies held, for tests. */
    get size() {
      return cache.size;
    },
  };
}
