import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DOCS_DIR, readGuides } from '../guides.ts';

describe('readGuides: the articles without Astro', () => {
  test('every article in src/content/docs/guides, in learning-path order, without the home and 404 pages', () => {
    const guides = readGuides();
    const files = readdirSync(join(DOCS_DIR, 'guides')).filter((file) => /\.mdx?$/.test(file));
    expect(guides.map((guide) => guide.id).sort()).toEqual(
      files.map((file) => `guides/${file.replace(/\.mdx?$/, '')}`).sort(),
    );
    const orders = guides.map((guide) => guide.data.sidebar.order ?? Number.MAX_SAFE_INTEGER);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const webhooks = guides.find((guide) => guide.id === 'guides/webhooks')!;
    expect(webhooks.filePath).toBe('src/content/docs/guides/webhooks.mdx');
    expect(webhooks.data.updated).toBeInstanceOf(Date);
    expect(webhooks.body).not.toMatch(/^---/);
  });

  test('an article whose frontmatter lacks what a twin needs is skipped with a warning naming it', () => {
    const root = mkdtempSync(join(tmpdir(), 'mcp-guides-'));
    try {
      mkdirSync(join(root, DOCS_DIR, 'guides'), { recursive: true });
      writeFileSync(join(root, DOCS_DIR, 'index.mdx'), '---\ntitle: Home\nupdated: 2026-01-01\n---\nHome');
      writeFileSync(join(root, DOCS_DIR, 'guides', 'good.mdx'), '---\ntitle: Good\nupdated: 2026-01-01\n---\nText');
      writeFileSync(join(root, DOCS_DIR, 'guides', 'bad.mdx'), '---\ndescription: no title\n---\nText');
      const warnings: string[] = [];
      const guides = readGuides(root, (message) => warnings.push(message));
      expect(guides.map((guide) => guide.id)).toEqual(['guides/good']);
      expect(warnings).toEqual([expect.stringMatching(/bad\.mdx: skipped, its frontmatter needs title, updated/)]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
