import type { Page } from './page.ts';
import type { Problem } from './problem.ts';

/** The line of a top-level frontmatter key. */
function frontmatterKeyLine(page: Page, key: string): number {
  const lines = page.source.split('\n');
  const index = lines.findIndex((text, i) => i >= page.frontmatterLine - 1 && new RegExp(`^${key}\\s*:`).test(text));
  return index >= 0 ? index + 1 : Math.max(page.frontmatterLine, 1);
}

/** Titles and descriptions that more than one page uses, reported on each of those pages. */
export function checkUniqueFrontmatter(pages: Page[]): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['title', 'description']) {
    const byValue = new Map<string, Page[]>();
    for (const page of pages) {
      const value = page.frontmatter[key];
      if (typeof value !== 'string' || !value.trim()) continue;
      const normalized = value.trim().toLowerCase();
      byValue.set(normalized, [...(byValue.get(normalized) ?? []), page]);
    }
    for (const same of byValue.values()) {
      if (same.length < 2) continue;
      for (const page of same) {
        const others = same
          .filter((other) => other !== page)
          .map((other) => `${other.file}:${frontmatterKeyLine(other, key)}`);
        problems.push({
          file: page.file,
          line: frontmatterKeyLine(page, key),
          message: `${key} "${String(page.frontmatter[key])}" is also used by ${others.join(', ')}`,
        });
      }
    }
  }
  return problems;
}
