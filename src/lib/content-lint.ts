/**
 * Content quality rules for the articles in `src/content/docs/`: prose length, paragraph length, heading order,
 * internal links, alt text, sandbox references, article structure and unique frontmatter.
 *
 * Everything here is pure: pages come in as source text and come out as problems (`file:line: message`), so the
 * rules are unit-testable on small strings. Reading the files is the caller's job (see `tests/content.test.ts`).
 * Pages are parsed with satteri, the same Markdown/MDX parser the site builds with, so paragraphs, headings and
 * component tags are exactly what readers get, with real line numbers.
 */
import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import {
  deref,
  finalPointer,
  listOperations,
  type MediaTypeObject,
  type OpenApiDocument,
} from '../../mocks/core/openapi.ts';
import { uniqueSlugs } from './reference/slugs.ts';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export const formatProblem = (problem: Problem): string => `${problem.file}:${problem.line}: ${problem.message}`;

// ---------------------------------------------------------------------------------------------------------------------
// Parsing

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** The parts of an mdast/MDX node the rules read (satteri returns standard mdast with MDX extensions). */
export interface MdNode {
  type: string;
  position?: { start: Point; end: Point };
  children?: MdNode[];
  value?: string;
  depth?: number;
  url?: string;
  alt?: string | null;
  name?: string | null;
  attributes?: MdxAttribute[];
}

interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

export interface Page {
  /** The path printed in problems, relative to the repository root. */
  file: string;
  /** The URL path the page is served at: `/`, `/guides/webhooks/`. */
  route: string;
  source: string;
  tree: MdNode;
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
  try {
    tree = (file.endsWith('.mdx') ? mdxToMdast(source) : markdownToMdast(source)) as unknown as MdNode;
  } catch (error) {
    const message = (error as Error).message;
    const at = /^(\d+):\d+: ([\s\S]*)$/.exec(message);
    parseProblems.push({
      file,
      line: at ? Number(at[1]) : 1,
      message: `does not parse as ${file.endsWith('.mdx') ? 'MDX' : 'Markdown'}: ${at ? at[2] : message}`,
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
    frontmatter,
    frontmatterLine: yamlNode ? lineOf(yamlNode) + 1 : 0,
    bodyLine: firstBody ? lineOf(firstBody) : frontmatterEnd + 1,
    parseProblems,
  };
}

const lineOf = (node: MdNode): number => node.position?.start.line ?? 1;

/** Visit every node depth-first, in document order, with its ancestors (nearest last). */
function walk(node: MdNode, visit: (node: MdNode, ancestors: MdNode[]) => void, ancestors: MdNode[] = []): void {
  visit(node, ancestors);
  for (const child of node.children ?? []) walk(child, visit, [...ancestors, node]);
}

const isJsx = (node: MdNode): boolean => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

function jsxElements(page: Page, name: string | RegExp): MdNode[] {
  const found: MdNode[] = [];
  walk(page.tree, (node) => {
    if (!isJsx(node) || !node.name) return;
    if (typeof name === 'string' ? node.name === name : name.test(node.name)) found.push(node);
  });
  return found;
}

type AttributeValue =
  { kind: 'missing' } | { kind: 'string'; value: string } | { kind: 'expression'; value: string } | { kind: 'boolean' };

/** A JSX attribute; an expression that is only a string literal (`{'x'}`) counts as a string. */
function attribute(node: MdNode, name: string): AttributeValue {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!found) return { kind: 'missing' };
  const value = found.value;
  if (value === null || value === undefined) return { kind: 'boolean' };
  if (typeof value === 'string') return { kind: 'string', value };
  const literal = /^\s*(['"`])([^'"`$]*)\1\s*$/.exec(value.value);
  return literal ? { kind: 'string', value: literal[2] ?? '' } : { kind: 'expression', value: value.value };
}

const stringAttribute = (node: MdNode, name: string): string | undefined => {
  const value = attribute(node, name);
  return value.kind === 'string' ? value.value : undefined;
};

/** The line of `name=` inside an element's opening tag, falling back to the element's first line. */
function attributeLine(page: Page, node: MdNode, name: string): number {
  const start = node.position?.start;
  if (start?.offset === undefined) return lineOf(node);
  const text = page.source.slice(start.offset, node.position?.end.offset ?? start.offset);
  const match = new RegExp(`[\\s<]${name}\\s*=`).exec(text);
  return match ? start.line + countNewlines(text.slice(0, match.index + 1)) : start.line;
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

/** The plain text of a node: what readers see, with inline code kept as `code` says. */
function textOf(node: MdNode, code: (value: string) => string = (value) => value): string {
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'inlineCode') return code(node.value ?? '');
  if (node.type === 'break') return ' ';
  if (['mdxTextExpression', 'mdxFlowExpression', 'html', 'image', 'imageReference'].includes(node.type)) return '';
  return (node.children ?? []).map((child) => textOf(child, code)).join('');
}

// ---------------------------------------------------------------------------------------------------------------------
// Words and sentences

/** A URL in prose; trailing punctuation belongs to the sentence, not the URL. */
const URL_PATTERN = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/gi;

/** Words in a piece of prose: whitespace-separated tokens with at least one letter or digit, URLs left out. */
export function countWords(text: string): number {
  return text
    .replace(URL_PATTERN, ' ')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Abbreviations that never end a sentence, compared lower-case and without the final dot. */
const NEVER_FINAL = new Set([
  'e.g',
  'eg',
  'i.e',
  'ie',
  'cf',
  'vs',
  'viz',
  'approx',
  'incl',
  'ca',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'fig',
  'figs',
]);

/**
 * Split prose into sentences at `.`, `?` or `!` (plus closing quotes or brackets) followed by a space or the end.
 * Not a boundary: a known abbreviation (`e.g.`, `i.e.`, `vs.`), `No.` before a number, an ellipsis (`...`), or a
 * mark followed by a lower-case word (`etc. and`, a quoted question mid-sentence). Dots inside numbers (`2.5`,
 * `v1.2.3`), domains and URLs are never followed by a space, so they never split. Replace inline code before calling
 * this (see `paragraphSentences`) so dots inside it are ignored too.
 */
export function splitSentences(text: string): string[] {
  const clean = text.replace(URL_PATTERN, 'URL').replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  for (const match of clean.matchAll(/([.?!]+)(["'”’)\]]*)(?=\s|$)/g)) {
    const marks = match[1] ?? '';
    const end = match.index + match[0].length;
    const word = (/\S*$/.exec(clean.slice(start, match.index))?.[0] ?? '')
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .toLowerCase();
    const next = clean.slice(end).trimStart();
    if (marks.includes('..')) continue;
    if (marks === '.' && NEVER_FINAL.has(word)) continue;
    if (marks === '.' && word === 'no' && /^\d/.test(next)) continue;
    if (/^\p{Ll}/u.test(next)) continue;
    sentences.push(clean.slice(start, end).trim());
    start = end;
  }
  sentences.push(clean.slice(start).trim());
  return sentences.filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

export const countSentences = (text: string): number => splitSentences(text).length;

/** A paragraph node's sentences; inline code counts as one opaque word, so its dots never split. */
const paragraphSentences = (node: MdNode): string[] => splitSentences(textOf(node, () => 'Code'));

// ---------------------------------------------------------------------------------------------------------------------
// Rule 1: enough prose

/** Node types that are not prose: metadata, code, tables, headings, expressions and raw HTML. */
const NOT_PROSE = new Set([
  'yaml',
  'toml',
  'mdxjsEsm',
  'code',
  'inlineCode',
  'table',
  'heading',
  'html',
  'mdxFlowExpression',
  'mdxTextExpression',
  'definition',
  'image',
  'imageReference',
  'thematicBreak',
]);

/**
 * Words of body prose: paragraphs, lists, quotes and text inside components. Frontmatter, imports and exports,
 * code, inline code, component tags and props, tables, headings and URLs do not count.
 */
export function proseWordCount(page: Page): number {
  let words = 0;
  const visit = (node: MdNode): void => {
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'paragraph') words += countWords(textOf(node, () => ''));
    else if (node.type === 'text') words += countWords(node.value ?? '');
    else for (const child of node.children ?? []) visit(child);
  };
  visit(page.tree);
  return words;
}

export function checkWordCount(page: Page, min: number): Problem[] {
  const words = proseWordCount(page);
  return words >= min
    ? []
    : [{ file: page.file, line: page.bodyLine, message: `body has ${words} words of prose (min ${min})` }];
}

// ---------------------------------------------------------------------------------------------------------------------
// Rule 2: short paragraphs

/** Prose paragraphs: paragraphs at the top level or in block quotes; lists, tables and components are not. */
export function checkParagraphs(page: Page, maxSentences: number): Problem[] {
  const problems: Problem[] = [];
  walk(page.tree, (node, ancestors) => {
    if (node.type !== 'paragraph') return;
    if (ancestors.some((a) => a.type === 'list' || a.type === 'listItem' || a.type === 'table' || isJsx(a))) return;
    const sentences = paragraphSentences(node).length;
    if (sentences > maxSentences)
      problems.push({
        file: page.file,
        line: lineOf(node),
        message: `paragraph has ${sentences} sentences (max ${maxSentences})`,
      });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// Rule 3: heading order

interface Heading {
  depth: number;
  text: string;
  line: number;
  /** An explicit `id`, for JSX headings. */
  id?: string;
}

function headingsOf(page: Page): Heading[] {
  const headings: Heading[] = [];
  walk(page.tree, (node) => {
    if (node.type === 'heading' && node.depth !== undefined)
      headings.push({ depth: node.depth, text: textOf(node).trim(), line: lineOf(node) });
    else if (isJsx(node) && node.name && /^h[1-6]$/.test(node.name)) {
      const id = stringAttribute(node, 'id');
      headings.push({
        depth: Number(node.name[1]),
        text: textOf(node).trim(),
        line: lineOf(node),
        ...(id === undefined ? {} : { id }),
      });
    }
  });
  return headings;
}

export function checkHeadings(page: Page): Problem[] {
  const problems: Problem[] = [];
  const report = (heading: Heading, message: string) =>
    problems.push({ file: page.file, line: heading.line, message: `heading "${heading.text}" ${message}` });
  let previous: Heading | undefined;
  for (const heading of headingsOf(page)) {
    if (heading.depth === 1) report(heading, 'is an h1; the page title is the only h1, so sections start at ##');
    else if (!previous && heading.depth !== 2)
      report(heading, `is the first heading but is an h${heading.depth}; the body must start at ## (h2)`);
    else if (previous && heading.depth > previous.depth + 1)
      report(
        heading,
        `is an h${heading.depth} right after an h${previous.depth}; levels must not skip (use ${'#'.repeat(previous.depth + 1)})`,
      );
    previous = heading;
  }
  return problems;
}

/** What a `#fragment` may point at: heading ids as the site generates them (github-slugger), explicit ids, `_top`. */
export function anchorsOf(page: Page): Set<string> {
  const anchors = new Set(['_top']);
  const slugger = new GithubSlugger();
  for (const heading of headingsOf(page)) anchors.add(heading.id ?? slugger.slug(heading.text));
  walk(page.tree, (node) => {
    if (isJsx(node)) {
      const id = stringAttribute(node, 'id');
      if (id) anchors.add(id);
    } else if (node.type === 'html') {
      for (const match of (node.value ?? '').matchAll(/\sid=["']([^"']+)["']/g)) if (match[1]) anchors.add(match[1]);
    }
  });
  return anchors;
}

// ---------------------------------------------------------------------------------------------------------------------
// Rule 4: links

export interface SpecIndex {
  /** The spec file, for messages: `openapi/payments.yaml`. */
  file: string;
  /** operationId → the names of its request-body examples. */
  operations: Map<string, string[]>;
  /** operationId → the slug of its reference page, `/reference/<api>/<slug>/` (`createPaymentIntent` → `create-payment-intent`). */
  slugs: Map<string, string>;
}

export interface Site {
  /** Every page by route, with the anchors a link fragment may use. */
  pages: Map<string, { file: string; anchors: Set<string> }>;
  /** Sandbox APIs by name (`payments` for `openapi/payments.yaml`). */
  specs: Map<string, SpecIndex>;
  /** Other files served from the site root, such as `/favicon.svg` from `public/`. */
  staticFiles: Set<string>;
}

/** Index an OpenAPI document: its operation ids (as the site names them) and their request-body example names. */
export function indexSpec(file: string, document: OpenApiDocument): SpecIndex {
  const operations = new Map<string, string[]>();
  const list = listOperations(document);
  const slugList = uniqueSlugs(list.map((operation) => operation.id));
  for (const operation of list) {
    let examples: string[] = [];
    if (operation.operation.requestBody) {
      const pointer = finalPointer(document, `${operation.pointer}/requestBody`);
      const body = deref<{ content?: Record<string, MediaTypeObject> }>(document, { $ref: pointer });
      // The media type Try it fills in: JSON first, as clients prefer, then whatever the spec lists first.
      const entries = Object.entries(body?.content ?? {});
      const media = (entries.find(([type]) => type === 'application/json' || type.endsWith('+json')) ??
        entries[0])?.[1];
      examples = Object.keys(media?.examples ?? {});
    }
    operations.set(operation.id, examples);
  }
  return { file, operations, slugs: new Map(list.map((operation, i) => [operation.id, slugList[i] ?? operation.id])) };
}

interface Link {
  url: string;
  line: number;
  /** The link text, for Markdown links. */
  text?: string;
}

/** Every link target on a page: Markdown links and definitions, `href` props, raw HTML hrefs, hero action links. */
export function linksOf(page: Page): Link[] {
  const links: Link[] = [];
  walk(page.tree, (node) => {
    if (node.type === 'link' && node.url !== undefined)
      links.push({ url: node.url, line: lineOf(node), text: textOf(node) });
    else if (node.type === 'definition' && node.url !== undefined) links.push({ url: node.url, line: lineOf(node) });
    else if (isJsx(node)) {
      const href = stringAttribute(node, 'href');
      if (href !== undefined) links.push({ url: href, line: attributeLine(page, node, 'href') });
    } else if (node.type === 'html') {
      for (const match of (node.value ?? '').matchAll(/\shref=["']([^"']*)["']/g))
        links.push({
          url: match[1] ?? '',
          line: lineOf(node) + countNewlines((node.value ?? '').slice(0, match.index)),
        });
    }
  });
  const hero = page.frontmatter['hero'] as { actions?: { link?: unknown }[] } | undefined;
  for (const action of Array.isArray(hero?.actions) ? hero.actions : []) {
    if (typeof action.link !== 'string') continue;
    const at = page.source
      .split('\n')
      .findIndex((text) => /^\s*link\s*:/.test(text) && text.includes(action.link as string));
    links.push({ url: action.link, line: at >= 0 ? at + 1 : page.frontmatterLine });
  }
  return links.sort((a, b) => a.line - b.line);
}

const isInternal = (url: string): boolean => url.startsWith('/') && !url.startsWith('//');

/** Why a link does not resolve, or undefined when it does. */
export function checkLinkTarget(url: string, page: Page, site: Site): string | undefined {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//'))
    return `external link to ${url}; articles link only to pages on this site`;
  const [beforeHash = '', fragment] = url.split('#', 2) as [string, string | undefined];
  let path: string;
  try {
    path = decodeURI(beforeHash.split('?')[0] ?? '');
  } catch {
    return `malformed link ${url}`;
  }
  if (path === '') {
    if (!fragment) return `empty link`;
    return anchorsOf(page).has(decodeURIComponent(fragment))
      ? undefined
      : `link to #${fragment}: this page has no heading or id "${fragment}"`;
  }
  if (!isInternal(path))
    return `relative link to ${url}; write links to site pages from the root, such as /guides/<slug>/`;

  const segments = path.split('/').filter(Boolean);
  if (segments[0] === 'reference') {
    const [, api, operation, ...rest] = segments;
    if (api === undefined) return undefined; // the reference index
    const spec = site.specs.get(api);
    if (!spec) return `broken link to ${url}: there is no API "${api}" (no openapi/${api}.yaml)`;
    if (rest.length > 0) return `broken link to ${url}: reference pages stop at /reference/<api>/<operation>/`;
    if (operation === undefined || [...spec.slugs.values()].includes(operation)) return undefined;
    // Reference pages are named by slug (create-payment-intent), not by operationId (createPaymentIntent).
    const slug = spec.slugs.get(operation);
    if (slug !== undefined)
      return `broken link to ${url}: the reference page for ${operation} is /reference/${api}/${slug}/ (its slug, not its operationId)`;
    return `broken link to ${url}: ${spec.file} has no operation whose reference slug is "${operation}"`;
  }

  const target = site.pages.get(path.endsWith('/') ? path.toLowerCase() : `${path.toLowerCase()}/`);
  if (!target) {
    if (!fragment && site.staticFiles.has(path)) return undefined;
    const expected =
      segments.length > 0 ? `src/content/docs/${segments.join('/')}.md or .mdx` : 'src/content/docs/index.mdx';
    return `broken link to ${url}: there is no page ${path} (no ${expected})`;
  }
  if (fragment && !target.anchors.has(decodeURIComponent(fragment)))
    return `broken link to ${url}: ${target.file} has no heading or id "${fragment}"`;
  return undefined;
}

export function checkLinks(page: Page, site: Site): Problem[] {
  return linksOf(page).flatMap(({ url, line, text }) => {
    const message = checkLinkTarget(url, page, site);
    if (!message) return [];
    // GFM turns a bare address or e-mail in the text into a link.
    const autolink = text !== undefined && [text, `mailto:${text}`, `http://${text}`].includes(url);
    return [
      {
        file: page.file,
        line,
        message: autolink ? `${message} (a bare address becomes a link; wrap it in backticks)` : message,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Rule 5: alt text

export function checkImages(page: Page): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file: page.file, line, message });
  walk(page.tree, (node) => {
    if ((node.type === 'image' || node.type === 'imageReference') && !node.alt?.trim())
      report(lineOf(node), `image ${node.url ?? ''} has no alt text; write ![what it shows](${node.url ?? ''})`);
    else if (isJsx(node) && node.name && ['img', 'Image', 'Picture'].includes(node.name)) {
      const alt = attribute(node, 'alt');
      const decorative =
        stringAttribute(node, 'aria-hidden') === 'true' ||
        ['presentation', 'none'].includes(stringAttribute(node, 'role') ?? '');
      const src = stringAttribute(node, 'src') ?? '';
      if (alt.kind === 'missing') report(lineOf(node), `<${node.name} src="${src}"> has no alt attribute`);
      else if (alt.kind === 'string' && !alt.value.trim() && !decorative)
        report(lineOf(node), `<${node.name} src="${src}"> has an empty alt; describe the image`);
    } else if (node.type === 'html') {
      for (const match of (node.value ?? '').matchAll(/<img\b[^>]*>/gi))
        if (!/\salt=["'][^"']*\S[^"']*["']/i.test(match[0]))
          report(lineOf(node) + countNewlines((node.value ?? '').slice(0, match.index)), `${match[0]} has no alt text`);
    }
  });
  return problems;
}

/**
 * A diagram component's `<svg>` must be an image with a title and a description, inside a captioned figure. A diagram
 * drawn inside `<Diagram>` (Diagram.astro) gets that frame from it, so it only has to give the frame its texts.
 */
export function checkDiagram(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  // Skip the component script between the `---` fences, keeping line numbers.
  const fence = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  const template = fence ? source.slice(fence[0].length) : source;
  const lineAt = (index: number) => countNewlines(source.slice(0, (fence?.[0].length ?? 0) + index)) + 1;
  const svgs = openingTags(template, 'svg');
  for (const svg of svgs) {
    const report = (message: string) => problems.push({ file, line: lineAt(svg.index), message });
    const close = template.indexOf('</svg>', svg.end);
    const inside = template.slice(svg.end, close === -1 ? undefined : close);
    if (svg.attributes.get('role') !== 'img') report('<svg> needs role="img"');
    const labelledBy = svg.attributes.get('aria-labelledby');
    const references = new Set(labelledBy ? splitIdList(labelledBy) : []);
    if (labelledBy === undefined) report('<svg> needs aria-labelledby naming its <title> and <desc>');
    for (const tag of ['title', 'desc']) {
      const element = openingTags(inside, tag)[0];
      if (!element) report(`<svg> has no <${tag}>`);
      else if (labelledBy !== undefined) {
        const id = element.attributes.get('id');
        if (id === undefined) report(`<${tag}> inside the <svg> needs an id for aria-labelledby`);
        else if (!references.has(id)) report(`aria-labelledby does not reference the <${tag}> (id ${id})`);
      }
    }
  }
  if (svgs.length > 0 && openingTags(template, 'figcaption').length === 0)
    problems.push({ file, line: lineAt(svgs[0]?.index ?? 0), message: 'diagram has no <figcaption>' });
  for (const frame of openingTags(template, 'Diagram'))
    for (const prop of FRAME_TEXTS) {
      const value = frame.attributes.get(prop);
      if (value === undefined || !value.trim())
        problems.push({ file, line: lineAt(frame.index), message: `<Diagram> needs a non-empty ${prop}` });
    }
  return problems;
}

/** The props Diagram.astro turns into the `<title>`, the `<desc>` and the `<figcaption>`. */
const FRAME_TEXTS = ['title', 'description', 'caption'] as const;

interface OpeningTag {
  index: number;
  end: number;
  /** Attribute values, normalized: `"a"` → `a`, `{x}` → `${x}`, `` {`${x}-title`} `` → `${x}-title`. */
  attributes: Map<string, string>;
}

/** Opening tags of an element in Astro/HTML/JSX source, skipping `>` inside quotes and `{…}` expressions. */
export function openingTags(source: string, tag: string): OpeningTag[] {
  const tags: OpeningTag[] = [];
  const start = new RegExp(`<${tag}(?=[\\s/>])`, 'g');
  for (const match of source.matchAll(start)) {
    let depth = 0;
    let quote = '';
    let i = match.index + match[0].length;
    for (; i < source.length; i++) {
      const char = source[i];
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'" || char === '`') quote = char;
      else if (char === '{') depth++;
      else if (char === '}') depth--;
      else if (char === '>' && depth === 0) break;
    }
    tags.push({
      index: match.index,
      end: i + 1,
      attributes: parseAttributes(source.slice(match.index + match[0].length, i)),
    });
  }
  return tags;
}

/** Attributes of an opening tag's inside: `role="img" aria-labelledby={`${a} ${b}`} hidden {title}`. */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    // Astro's shorthand `{title}` stands for `title={title}`; a spread such as `{...props}` names nothing we can check.
    const shorthand = /^[\s/]*\{\s*(\.\.\.)?\s*([\w$]+)\s*\}/.exec(text.slice(i));
    if (shorthand?.[2]) {
      if (!shorthand[1]) attributes.set(shorthand[2], `\${${shorthand[2]}}`);
      i += shorthand[0].length;
      continue;
    }
    const name = /^[\s/]*([^\s=/>{}"']+)/.exec(text.slice(i));
    if (!name?.[1]) break;
    i += name[0].length;
    const equals = /^\s*=\s*/.exec(text.slice(i));
    if (!equals) {
      attributes.set(name[1], '');
      continue;
    }
    i += equals[0].length;
    const open = text[i];
    let raw: string;
    if (open === '"' || open === "'") {
      const close = text.indexOf(open, i + 1);
      raw = text.slice(i + 1, close === -1 ? undefined : close);
      i = close === -1 ? text.length : close + 1;
    } else if (open === '{') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      const expression = text.slice(i + 1, j).trim();
      const literal = /^(['"`])([\s\S]*)\1$/.exec(expression);
      raw = literal ? (literal[2] ?? '') : `\${${expression}}`;
      i = j + 1;
    } else {
      const bare = /^[^\s>]*/.exec(text.slice(i))?.[0] ?? '';
      raw = bare;
      i += bare.length;
    }
    attributes.set(name[1], raw);
  }
  return attributes;
}

/** `a b`, `${titleId} ${descId}` → the ids, keeping `${…}` parts (which may hold spaces) whole. */
const splitIdList = (value: string): string[] => value.match(/(?:\$\{[^}]*\}|[^\s$]|\$(?!\{))+/g) ?? [];

// ---------------------------------------------------------------------------------------------------------------------
// Rule 6: sandbox references

interface SandboxReference {
  /** The line of the api, and of the operation (and example). */
  line: number;
  operationLine: number;
  where: string;
  api: string | undefined;
  operation: string | undefined;
  example?: string | undefined;
  exampleLine?: number;
}

/** The TryIt widgets and Walkthrough steps on a page, and problems reading them. */
function sandboxReferences(page: Page): { references: SandboxReference[]; problems: Problem[] } {
  const references: SandboxReference[] = [];
  const problems: Problem[] = [];
  for (const node of jsxElements(page, 'TryIt')) {
    const api = stringAttribute(node, 'api');
    const operation = stringAttribute(node, 'operation');
    const example = attribute(node, 'example');
    references.push({
      line: attributeLine(page, node, 'api'),
      operationLine: attributeLine(page, node, 'operation'),
      exampleLine: attributeLine(page, node, 'example'),
      where: `<TryIt api="${api ?? '?'}" operation="${operation ?? '?'}">`,
      api,
      operation,
      example: example.kind === 'string' ? example.value : undefined,
    });
    if (example.kind === 'expression')
      problems.push({
        file: page.file,
        line: attributeLine(page, node, 'example'),
        message: '<TryIt> example must be a string literal',
      });
  }
  for (const node of jsxElements(page, 'Walkthrough')) {
    const steps = attribute(node, 'steps');
    if (steps.kind !== 'expression') {
      problems.push({ file: page.file, line: lineOf(node), message: '<Walkthrough> needs steps={[…]}' });
      continue;
    }
    // The parser re-indents the expression but keeps its lines, and `steps={[` opens it on the attribute's line.
    const baseLine = attributeLine(page, node, 'steps');
    const parsed = walkthroughSteps(steps.value);
    if (!parsed) {
      problems.push({
        file: page.file,
        line: baseLine,
        message: '<Walkthrough> steps must be an inline array of step objects so they can be checked',
      });
      continue;
    }
    for (const step of parsed) {
      const line = baseLine + step.apiLine;
      const where = `<Walkthrough> step ${step.index + 1}${step.title ? ` ("${step.title}")` : ''}`;
      if (step.api === null || step.operation === null)
        problems.push({ file: page.file, line, message: `${where}: api and operation must be string literals` });
      else
        references.push({
          line,
          operationLine: baseLine + step.operationLine,
          where,
          api: step.api,
          operation: step.operation,
        });
    }
  }
  return { references, problems };
}

interface ParsedStep {
  index: number;
  /** The lines of the `api` and `operation` keys (or of the step), counted from the start of the expression. */
  apiLine: number;
  operationLine: number;
  title: string | undefined;
  /** undefined: not given; null: not a string literal. */
  api: string | undefined | null;
  operation: string | undefined | null;
}

/** Read `[{ api: 'x', operation: 'y', … }, …]` with the TypeScript parser; undefined if it is not an array literal. */
export function walkthroughSteps(expression: string): ParsedStep[] | undefined {
  const file = ts.createSourceFile('steps.tsx', `(${expression}\n)`, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const statement = file.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  let array: ts.Expression = statement.expression;
  while (ts.isParenthesizedExpression(array)) array = array.expression;
  if (!ts.isArrayLiteralExpression(array)) return undefined;
  return array.elements.map((element, index) => {
    const line = file.getLineAndCharacterOfPosition(element.getStart(file)).line;
    const read = (key: string): string | undefined | null => {
      if (!ts.isObjectLiteralExpression(element)) return null;
      const property = element.properties.find(
        (p) =>
          ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key,
      );
      if (!property) return undefined;
      const value = (property as ts.PropertyAssignment).initializer;
      return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : null;
    };
    const title = read('title');
    const keyLine = (key: string) => {
      if (!ts.isObjectLiteralExpression(element)) return line;
      const property = element.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
      return property ? file.getLineAndCharacterOfPosition(property.getStart(file)).line : line;
    };
    return {
      index,
      apiLine: keyLine('api'),
      operationLine: keyLine('operation'),
      title: typeof title === 'string' ? title : undefined,
      api: read('api'),
      operation: read('operation'),
    };
  });
}

export function checkSandboxReferences(page: Page, site: Site): Problem[] {
  const { references, problems } = sandboxReferences(page);
  for (const reference of references) {
    const report = (message: string, line = reference.line) =>
      problems.push({ file: page.file, line, message: `${reference.where}: ${message}` });
    if (!reference.api || !reference.operation) {
      report('needs both api and operation');
      continue;
    }
    const spec = site.specs.get(reference.api);
    if (!spec) {
      report(`there is no sandbox API "${reference.api}" (known: ${[...site.specs.keys()].sort().join(', ')})`);
      continue;
    }
    const examples = spec.operations.get(reference.operation);
    if (!examples) {
      report(`${spec.file} has no operationId "${reference.operation}"`, reference.operationLine);
      continue;
    }
    if (reference.example !== undefined && !examples.includes(reference.example))
      report(
        `${reference.operation} has no request-body example "${reference.example}" (its examples: ${examples.join(', ') || 'none'})`,
        reference.exampleLine ?? reference.operationLine,
      );
  }
  return problems.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------------------------------
// Rule 7: article structure

export interface StructureOptions {
  minInternalLinks: number;
  /** Whether the article must let readers run a sandbox call (a TryIt or a Walkthrough). */
  requireSandbox: boolean;
}

/** Components counted as diagrams: imported from a `diagrams/` folder, or named `…Diagram`. */
function diagramComponents(page: Page): MdNode[] {
  const imported = new Set<string>();
  for (const node of page.tree.children ?? []) {
    if (node.type !== 'mdxjsEsm') continue;
    for (const match of (node.value ?? '').matchAll(/import\s+(\w+)\s+from\s+['"][^'"]*\/diagrams\/[^'"]+['"]/g))
      if (match[1]) imported.add(match[1]);
  }
  return jsxElements(page, /./).filter((node) => imported.has(node.name ?? '') || /Diagram$/.test(node.name ?? ''));
}

export function checkArticleStructure(page: Page, options: StructureOptions): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file: page.file, line, message });
  const internal = new Set(
    linksOf(page)
      .map((link) => link.url)
      .filter((url) => isInternal(url) && url.split('#')[0] !== page.route),
  );
  if (internal.size < options.minInternalLinks)
    report(page.bodyLine, `has ${internal.size} internal links to other pages (min ${options.minInternalLinks})`);
  let hasTable = false;
  walk(page.tree, (node) => {
    if (node.type === 'table') hasTable = true;
  });
  if (!hasTable && diagramComponents(page).length === 0)
    report(page.bodyLine, 'has no Markdown table and no diagram component (needs at least one)');
  const nextSteps = headingsOf(page).some((heading) => heading.depth === 2 && heading.text === 'Next steps');
  if (!nextSteps) report(page.source.trimEnd().split('\n').length, 'has no "## Next steps" section');
  if (options.requireSandbox && jsxElements(page, /^(TryIt|Walkthrough)$/).length === 0)
    report(page.bodyLine, 'has no <TryIt> or <Walkthrough>; readers must be able to run a sandbox call here');
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// Rule 8: unique frontmatter

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
