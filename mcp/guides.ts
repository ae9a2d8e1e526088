/**
 * The articles, read from src/content/docs/ as the site's docs collection holds them (id, file, body, frontmatter),
 * without Astro: the MCP server runs with no build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { inLearningPathOrder, type GuideSource } from '../src/lib/markdown-twin/guide-markdown.ts';

export const DOCS_DIR = 'src/content/docs';

/** The fields a twin and a search result need; the content collection checks the rest at build time. */
const frontmatter = z.object({
  title: z.string(),
  description: z.string().optional(),
  updated: z.coerce.date(),
  sidebar: z.object({ order: z.number().optional() }).default({}),
});

/** Every article (not the home page nor the 404 page), in learning-path order. `root` is the project folder. */
export function readGuides(root = '.', warn: (message: string) => void = console.error): GuideSource[] {
  const guides: GuideSource[] = [];
  for (const file of markdownFiles(join(root, DOCS_DIR))) {
    const id = relative(join(root, DOCS_DIR), file)
      .replace(/\.mdx?$/, '')
      .split('\\')
      .join('/');
    if (id === 'index' || id === '404') continue;
    const source = readFileSync(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
    const parsed = frontmatter.safeParse(match ? parse(match[1]!) : {});
    if (!parsed.success) {
      warn(`${file}: skipped, its frontmatter needs ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      continue;
    }
    guides.push({
      id,
      filePath: relative(root, file),
      body: match ? source.slice(match[0].length) : source,
      data: parsed.data,
    });
  }
  return guides.sort(inLearningPathOrder);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return /\.mdx?$/.test(entry.name) ? [path] : [];
  });
}
