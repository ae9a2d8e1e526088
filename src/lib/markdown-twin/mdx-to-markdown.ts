/**
 * Turn an article's MDX source into plain Markdown for its twin: imports and exports go, JSX comments go, every
 * component element becomes whatever Markdown the caller renders for it, and root-relative links become the URLs the
 * caller wants (absolute ones, so the twin still works when it is pasted somewhere else). Code blocks are left alone,
 * since they are where an article shows JSX and imports on purpose.
 */

export type AttributeValue = string | true | { expression: string };

export interface JsxElement {
  name: string;
  attributes: Record<string, AttributeValue>;
  /** The children already converted to Markdown; undefined for a self-closing element. */
  children: string | undefined;
  /** Where the element's component was imported from, when the article imported it. */
  source: string | undefined;
}

export interface MdxConversion {
  /** Markdown for one component element; an empty string drops it. */
  renderComponent: (element: JsxElement) => string;
  /** The URL a root-relative link (`/guides/webhooks/`) should point to in the twin. */
  resolveLink: (href: string) => string;
}

export function mdxToMarkdown(source: string, conversion: MdxConversion): string {
  const imports = importsOf(source);
  return tidy(convertBlock(source, conversion, imports));
}

function convertBlock(source: string, conversion: MdxConversion, imports: Map<string, string>): string {
  const lines = source.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence) {
      out.push(line);
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = undefined;
      continue;
    }
    const opening = /^\s*(`{3,}|~{3,})/.exec(line);
    if (opening) {
      fence = opening[1];
      out.push(line);
      continue;
    }
    if (/^(import|export)\s/.test(line)) {
      while (index < lines.length - 1 && !endsStatement(lines[index]!)) index++;
      continue;
    }
    if (/^\s*\{\/\*[\s\S]*\*\/\}\s*$/.test(line)) continue;
    const element = /^(\s*)<[A-Z]/.exec(line);
    if (element) {
      const indent = element[1]!;
      const rest = lines.slice(index).join('\n');
      const parsed = parseElement(rest, indent.length);
      const children =
        parsed.children === undefined ? undefined : tidy(convertBlock(dedent(parsed.children), conversion, imports));
      const markdown = conversion.renderComponent({
        name: parsed.name,
        attributes: parsed.attributes,
        children,
        source: imports.get(parsed.name.split('.')[0]!),
      });
      out.push('', ...markdown.split('\n').map((text) => (text ? indent + text : text)), '');
      const consumed = rest.slice(0, parsed.end);
      index += consumed.split('\n').length - 1;
      const trailing = rest.slice(parsed.end).split('\n')[0]!;
      if (trailing.trim()) out.push(rewriteLinks(trailing.trim(), conversion.resolveLink));
      continue;
    }
    out.push(rewriteLinks(line, conversion.resolveLink));
  }
  return out.join('\n');
}

const endsStatement = (line: string) => /(['"];?|;)\s*$/.test(line) && !/^\s*import\s*\{\s*$/.test(line);

/** Component names an article imported, with where they came from (`import A, { B, C as D } from '…'`). */
export function importsOf(source: string): Map<string, string> {
  const imports = new Map<string, string>();
  for (const match of source.matchAll(/^import\s+([\s\S]+?)\s+from\s+['"]([^'"]+)['"]/gm)) {
    const [, clause, specifier] = match as unknown as [string, string, string];
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const defaultName = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, ' ')
      .trim();
    if (defaultName) imports.set(defaultName, specifier);
    for (const part of named.split(',')) {
      const local = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (local) imports.set(local, specifier);
    }
  }
  return imports;
}

interface ParsedElement {
  name: string;
  attributes: Record<string, AttributeValue>;
  children: string | undefined;
  /** The offset just after the element in the text it was parsed from. */
  end: number;
}

/** Parse the JSX element that starts at `start` (a `<`), with its attributes and, unless it closes itself, children. */
export function parseElement(text: string, start: number): ParsedElement {
  let at = start + 1;
  const name = /^[A-Za-z][\w.]*/.exec(text.slice(at))?.[0];
  if (!name) throw new Error(`Not a JSX element: ${text.slice(start, start + 40)}`);
  at += name.length;
  const attributes: Record<string, AttributeValue> = {};
  for (;;) {
    while (/\s/.test(text[at] ?? '')) at++;
    if (at >= text.length) throw new Error(`<${name}> is never closed`);
    if (text.startsWith('/>', at)) return { name, attributes, children: undefined, end: at + 2 };
    if (text[at] === '>') break;
    const attribute = /^[\w:-]+/.exec(text.slice(at))?.[0];
    if (!attribute) throw new Error(`Cannot read the attributes of <${name}> near "${text.slice(at, at + 30)}"`);
    at += attribute.length;
    if (text[at] !== '=') {
      attributes[attribute] = true;
      continue;
    }
    at++;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, at + 1);
      attributes[attribute] = text.slice(at + 1, close);
      at = close + 1;
    } else if (quote === '{') {
      const close = matchingBrace(text, at);
      attributes[attribute] = { expression: text.slice(at + 1, close).trim() };
      at = close + 1;
    } else {
      throw new Error(`Cannot read the value of ${attribute} in <${name}>`);
    }
  }
  const bodyStart = at + 1;
  const closing = closingTag(text, name, bodyStart);
  return { name, attributes, children: text.slice(bodyStart, closing), end: closing + `</${name}>`.length };
}

/** The offset of the `}` that closes the `{` at `open`, skipping braces inside strings. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    const char = text[at]!;
    if (char === '"' || char === "'" || char === '`') {
      at = text.indexOf(char, at + 1);
      if (at < 0) break;
    } else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return at;
  }
  throw new Error(`Unbalanced braces in a JSX attribute: ${text.slice(open, open + 40)}`);
}

function closingTag(text: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name.replace('.', '\\.')}(?![\\w.])[^>]*?(/?)>`, 'g');
  tags.lastIndex = from;
  let depth = 1;
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    if (match[2]) continue;
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index;
  }
  throw new Error(`<${name}> is never closed`);
}

function dedent(text: string): string {
  const lines = text.replace(/^\n+|\s+$/g, '').split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)![0].length);
  const cut = Math.min(...indents, Number.MAX_SAFE_INTEGER);
  return lines.map((line) => line.slice(Math.min(cut, line.length))).join('\n');
}

/** Rewrite root-relative link targets, in inline links and link definitions, but never inside inline code. */
export function rewriteLinks(line: string, resolve: (href: string) => string): string {
  const definition = /^(\s*\[[^\]]+\]:\s*)(\/\S*)(.*)$/.exec(line);
  if (definition) return `${definition[1]}${resolve(definition[2]!)}${definition[3]}`;
  return line.replace(/(`+)[\s\S]*?\1|\]\((\/(?!\/)[^)\s]*)\)/g, (match, ticks: string | undefined, href?: string) =>
    ticks || !href ? match : `](${resolve(href)})`,
  );
}

/** At most one blank line in a row and no trailing spaces, outside code blocks, where spacing may matter. */
function tidy(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of markdown.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (fence) {
      out.push(raw);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && !raw.trim().slice(marker.length)) {
        fence = undefined;
      }
      continue;
    }
    if (marker) fence = marker;
    const line = marker ? raw : raw.replace(/[ \t]+$/, '');
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  return out.join('\n').trim();
}
