import { parse as parseYaml } from 'yaml';
import { importsOf, MdxSyntaxError, parseMdx } from '../mdx-tree.ts';
import { lineOf, type MdNode } from './mdast.ts';
import type { Problem } from './problem.ts';

export interface Page {
  /** The path printed in problems, relative to the repository root. */
  file: string;
  /** The URL path the page is served at: `/`, `/guides/webhooks/`. */
  route: string;
  source: string;
  tree: MdNode;
  /** What each imported name comes from (`import Flow from './diagrams/Flow.astro'` → Flow). */
  imports: Map<string, string>;
  frontmatter: Record<string, unknown>;
  /** The frontmatter's first line inside the `---` fences, or 0 without frontmatter. */
  frontmatterLine: number;
  /** The line of the first body node, after frontmatter and imports. */
  bodyLine: number;
  /** Problems found while parsing (invalid MDX or YAML). */
  parseProblems: Problem[];
}

/** `guides/webhooks.mdx` → `/guides/webhooks/`; `index.mdx` → `/`; `reference/index.md` → `/reference/`. */
export function routeFor(docsRelativePath: string): string {
  const withoutExtension = docsRelativePath
    .replace(/\\/g, '/')
    .replace(/\.mdx?$/, '')
    .toLowerCase();
  const path = withoutExtension === 'index' ? '' : withoutExtension.replace(/\/index$/, '');
  return path ? `/${path}/` : '/';
}

export function parsePage(file: string, route: string, source: string): Page {
  const parseProblems: Problem[] = [];
  let tree: MdNode = { type: 'root', children: [] };
  let imports = new Map<string, string>();
  const mdx = file.endsWith('.mdx');
  try {
    tree = parseMdx(source, { format: mdx ? 'mdx' : 'md' }) as unknown as MdNode;
    imports = importsOf(tree);
  } catch (error) {
    const at = error instanceof MdxSyntaxError ? error : undefined;
    parseProblems.push({
      file,
      line: at?.line ?? 1,
      message: `does not parse as ${mdx ? 'MDX' : 'Markdown'}: ${at?.reason ?? (error as Error).message}`,
    });
  }
  const children = tree.children ?? [];
  const yamlNode = children.find((node) => node.type === 'yaml');
  let frontmatter: Record<string, unknown> = {};
  if (yamlNode?.value !== undefined) {
    try {
      const parsed: unknown = parseYaml(yamlNode.value);
      if (parsed && typeof parsed === 'object') frontmatter = parsed as Record<string, unknown>;
    } catch (error) {
      parseProblems.push({ file, line: lineOf(yamlNode), message: `frontmatter is not valid YAML: ${error}` });
    }
  }
  const firstBody = children.find((node) => !['yaml', 'toml', 'mdxjsEsm'].includes(node.type));
  const frontmatterEnd = yamlNode?.position?.end.line ?? 0;
  return {
    file,
    route,
    source,
    tree,
    imports,
    frontmatter,
    frontmatterLine: yamlNode ? lineOf(yamlNode) + 1 : 0,
    bodyLine: firstBody ? lineOf(firstBody) : frontmatterEnd + 1,
    parseProblems,
  };
}
