/**
 * The import boundaries in eslint.config.js, tried on small files placed where real ones live: each rule must refuse
 * what it exists to refuse, and let through what the project relies on (type imports, import(), the Astro adapters).
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint();

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  test.each([
    [
      'mocks/ importing the site',
      'mocks/core/example.ts',
      "import { x } from '../../src/lib/reference/model';",
      /mocks\/ never imports src\//,
    ],
    [
      'build code importing browser code',
      'src/lib/example.ts',
      "import { x } from '../browser/sandbox-client';",
      /Build-time code never imports browser code/,
    ],
    [
      'build code importing the in-browser sandbox',
      'mcp/example.ts',
      "import { x } from '../mocks/browser.ts';",
      /Build-time code never imports browser code/,
    ],
    [
      'build code importing an Astro runtime module',
      'src/lib/reference/example.ts',
      "import { getCollection } from 'astro:content';",
      /run in plain Node/,
    ],
    [
      'browser code importing build code',
      'src/browser/example.ts',
      "import { apiView } from '../lib/reference/model';",
      /Browser code never imports build-time code/,
    ],
    [
      // A component's build-time half (a walkthrough's step checks) belongs in src/lib/, under the build-time rule.
      'a component module importing build code',
      'src/components/walkthrough/example.ts',
      "import { findOperation } from '../../lib/spec-catalog';",
      /Browser code never imports build-time code/,
    ],
    [
      'a component script importing Scalar eagerly',
      'src/components/explorer/example.ts',
      "import { createApiReference } from '@scalar/api-reference';",
      /import\(\)/,
    ],
    [
      'a component script importing every spec',
      'src/components/example.ts',
      "import { specs } from '../../mocks/generated/specs.ts';",
      /import\(\)/,
    ],
    [
      'a page script importing MSW eagerly',
      'src/pages/example.astro',
      "---\n---\n<script>\nimport { setupWorker } from 'msw/browser';\nsetupWorker();\n</script>\n",
      /import\(\)/,
    ],
  ])('refuse %s', async (_name, file, code, message) => {
    const found = await refusals(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  test.each([
    [
      'a type import across the line',
      'src/lib/example.ts',
      "import type { SentRequest } from '../browser/sandbox-client';",
    ],
    [
      'the catalogue key slot both sides share',
      'src/lib/playground/example.ts',
      "import { KEY_SLOT } from '../../browser/playground/key-slot';",
    ],
    [
      'an Astro adapter reading the docs collection',
      'src/lib/markdown-twin/site-twins.ts',
      "import { getCollection } from 'astro:content';",
    ],
    [
      "a component module taking its build-time half's types",
      'src/components/walkthrough/example.ts',
      "import type { PreparedStep } from '../../lib/walkthrough/prepare';",
    ],
    [
      'Scalar loaded on demand',
      'src/components/explorer/example.ts',
      "export const load = () => import('@scalar/api-reference');",
    ],
    [
      'a browser module using the sandbox (itself loaded on demand)',
      'src/browser/example.ts',
      "import { startBrowserSandbox } from '../../mocks/browser.ts';",
    ],
    [
      'page frontmatter reading the specs at build time',
      'src/pages/example.astro',
      "---\nimport { specs } from '../../mocks/generated/specs.ts';\n---\n<p>{Object.keys(specs).length}</p>\n",
    ],
  ])('allow %s', async (_name, file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });
});
