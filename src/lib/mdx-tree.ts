/**
 * The one place that parses an article: its MDX (or Markdown) source becomes a standard mdast tree, with satteri, the
 * same parser the site builds with. The content lint checks that tree and the Markdown twins are made from it, so a
 * component, a code block or a heading is the same thing to both as to the page readers get.
 */
import { parse as parseJavaScript } from 'acorn';
import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';

export interface ParseOptions {
  /** `mdx` (the default): JSX, `{expressions}` and `import`/`export` are MDX syntax; `md`: they are plain text. */
  format?: 'mdx' | 'md';
  /** Whether a leading `---` block is YAML frontmatter (the default); off for a body whose frontmatter is gone. */
  frontmatter?: boolean;
}

/** A source that does not parse, with where (1-based, as editors count) and the parser's own reason. */
export class MdxSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.name = 'MdxSyntaxError';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

export function parseMdx(source: string, options: ParseOptions = {}): Root {
  const parse = options.format === 'md' ? markdownToMdast : mdxToMdast;
  try {
    return parse(source, { features: { frontmatter: options.frontmatter ?? true } }) as Root;
  } catch (error) {
    // satteri reports `line:column: reason`; keep the place apart so callers can name the file's line.
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    if (!at) throw error;
    throw new MdxSyntaxError(Number(at[1]), Number(at[2]), at[3]!);
  }
}

interface EsmNode {
  type: string;
  value?: string | undefined;
  position?: { start: { line: number } } | undefined;
}

/** The part of a tree `importsOf` reads: its top-level `mdxjsEsm` nodes. */
interface EsmHolder {
  children?: ReadonlyArray<EsmNode> | undefined;
}

/** An `import`/`export` block as JavaScript. MDX ends the block at a blank line, so prose right under it is in it. */
function parseEsm(node: EsmNode) {
  try {
    return parseJavaScript(node.value ?? '', { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const line = (node.position?.start.line ?? 1) + (loc ? loc.line - 1 : 0);
    const reason = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    throw new MdxSyntaxError(line, (loc?.column ?? 0) + 1, `the import/export block is not JavaScript: ${reason}`);
  }
}

/**
 * What each name an article imports comes from (`import A, { B, C as D } from '…'` → A, B and D), read from the
 * tree's `import`/`export` blocks with a JavaScript parser, so an import shown inside a code block is not one.
 */
export function importsOf(tree: EsmHolder): Map<string, string> {
  const imports = new Map<string, string>();
  for (const node of tree.children ?? []) {
    if (node.type !== 'mdxjsEsm' || !node.value) continue;
    const program = parseEsm(node);
    for (const statement of program.body) {
      if (statement.type !== 'ImportDeclaration') continue;
      for (const specifier of statement.specifiers) {
        imports.set(specifier.local.name, String(statement.source.value));
      }
    }
  }
  return imports;
}
