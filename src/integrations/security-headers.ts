import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  contentSecurityPolicy,
  headersFile,
  inlineScripts,
  scriptHash,
  securityHeaders,
} from '../lib/security-headers.ts';

/**
 * After the build, hash every inline script the pages contain and write `_headers` with a Content-Security-Policy
 * that allows exactly those. Hashing the output (not the sources) keeps the policy right whatever Astro or
 * Starlight decide to inline.
 */
export function securityHeadersFile(base: string): AstroIntegration {
  return {
    name: 'engine-room:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const hashes = new Set<string>();
        const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
        for (const page of pages)
          for (const script of inlineScripts(readFileSync(join(out, page), 'utf8'))) hashes.add(scriptHash(script));
        writeFileSync(join(out, '_headers'), headersFile(base, securityHeaders(contentSecurityPolicy(hashes))));
        logger.info(`_headers written: a Content-Security-Policy with ${hashes.size} inline-script hashes`);
      },
    },
  };
}
