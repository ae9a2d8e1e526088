import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/bad-frontmatter/', import.meta.url));
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

test('a page whose title is one character too long fails the build, naming the file and the rule', () => {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', fixture], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).not.toBe(0);
  expect(output).toContain('src/content/docs/too-long-title.md');
  expect(output).toContain('title: SEO rule: the `title` is 61 characters; keep it to 60 or fewer');
});
