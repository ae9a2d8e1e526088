/**
 * What each component in an article becomes in its Markdown twin. Interactive parts turn into what a reader of plain
 * text can still use: a Try it box into the request it sends, with a curl command and a link to the operation; a
 * walkthrough into its numbered steps; a diagram into the title, description and caption it carries for screen
 * readers. Starlight's layout components keep their content and lose their frame.
 */
import type { BlockContent, List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { AttributeValue, JsxElement } from './mdx-to-markdown';

export interface OperationSummary {
  method: string;
  path: string;
  summary: string;
  /** The operation's own twin, as an absolute URL. */
  href: string;
  curl?: string | undefined;
}

export interface DiagramText {
  title: string;
  description: string;
  caption?: string | undefined;
}

export interface ComponentContext {
  operation: (api: string, operationId: string) => OperationSummary | undefined;
  /** The texts of a diagram component, from where the article imported it. */
  diagram: (source: string) => DiagramText | undefined;
  resolveLink: (href: string) => string;
  /** The text of a file the article imported with `?raw` under this name (`import source from './x.ts?raw'`). */
  importedText?: (name: string) => string | undefined;
  /** Told about components no rule knows, which are dropped. */
  warn: (message: string) => void;
}

interface WalkthroughStepSource {
  title?: string;
  api?: string;
  operation?: string;
  explain?: string;
  headers?: Record<string, string>;
}

type Renderer = (element: JsxElement, context: ComponentContext) => RootContent[];

const text = (value: AttributeValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

// Builders for the few Markdown nodes the rules make. Words from attributes and specs go into text nodes, so the
// serialiser escapes whatever Markdown would otherwise read in them.
type Inline = PhrasingContent | string;
const phrasing = (parts: Inline[]): PhrasingContent[] =>
  parts.map((part) => (typeof part === 'string' ? { type: 'text', value: part } : part));
const paragraph = (...parts: Inline[]): Paragraph => ({ type: 'paragraph', children: phrasing(parts) });
const strong = (...parts: Inline[]): PhrasingContent => ({ type: 'strong', children: phrasing(parts) });
const emphasis = (...parts: Inline[]): PhrasingContent => ({ type: 'emphasis', children: phrasing(parts) });
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const link = (url: string, ...parts: Inline[]): PhrasingContent => ({ type: 'link', url, children: phrasing(parts) });
const codeBlock = (lang: string | undefined, value: string): RootContent => ({
  type: 'code',
  lang: lang ?? null,
  value,
});
const listItem = (...parts: Inline[]): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [paragraph(...parts)],
});
const list = (ordered: boolean, items: ListItem[]): List => ({ type: 'list', ordered, spread: false, children: items });
/** `a`, `a and b`, `a and b and c`: each part may hold several inline pieces. */
const joined = (parts: Inline[][]): Inline[] => parts.flatMap((part, index) => (index ? [' and ', ...part] : part));

/** A quote of blocks, the first of them led by `lead` (`**Tip:** …`). */
function quote(lead: PhrasingContent[], blocks: RootContent[]): RootContent {
  const [first, ...rest] = blocks;
  const opening: RootContent[] =
    first?.type === 'paragraph'
      ? [{ ...first, children: [...lead, { type: 'text', value: ' ' }, ...first.children] }, ...rest]
      : [{ type: 'paragraph', children: lead }, ...blocks];
  return blockquote(opening);
}

const blockquote = (blocks: RootContent[]): RootContent => ({ type: 'blockquote', children: blocks as BlockContent[] });

const renderers: Record<string, Renderer> = {
  TryIt(element, context) {
    const api = text(element.attributes.api) ?? '';
    const id = text(element.attributes.operation) ?? '';
    const operation = context.operation(api, id);
    if (!operation) return [paragraph(strong('Try it:'), ' the ', code(id), ` operation of the ${api} sandbox API.`)];
    const blocks: RootContent[] = [
      paragraph(
        strong('Try it:'),
        ' ',
        code(`${operation.method} ${operation.path}`),
        ` in the ${api} sandbox API, `,
        link(operation.href, operation.summary),
        '.',
      ),
    ];
    const example = text(element.attributes.example);
    const key = text(element.attributes.sandboxKey);
    if (example || key) {
      const presets: Inline[][] = [];
      if (example) presets.push([`the "${example}" example`]);
      if (key) presets.push(['the key ', code(key)]);
      blocks.push(paragraph('On the web page this box starts with ', ...joined(presets), '.'));
    }
    if (operation.curl) blocks.push(codeBlock('sh', operation.curl));
    return blocks;
  },

  Walkthrough(element, context) {
    const title = text(element.attributes.title) ?? 'Walkthrough';
    const steps = walkthroughSteps(element.attributes.steps);
    const items = steps.map((step) => {
      const operation = context.operation(step.api ?? '', step.operation ?? '');
      const call: Inline[] = operation
        ? [
            code(`${operation.method} ${operation.path}`),
            ` in the ${step.api} API (`,
            link(operation.href, 'reference'),
            ')',
          ]
        : [code(step.operation ?? ''), ` in the ${step.api} API`];
      const headers = Object.entries(step.headers ?? {}).map(([name, value]) => [code(`${name}: ${value}`)]);
      const sends: Inline[] = headers.length > 0 ? [' Sends ', ...joined(headers), '.'] : [];
      const explain = step.explain ? [` ${step.explain}`] : [];
      return listItem(strong(step.title ?? step.operation ?? ''), ': ', ...call, '.', ...sends, ...explain);
    });
    return [paragraph(strong(`Walkthrough: ${title}`)), list(true, items)];
  },

  SandboxReset: () => [
    paragraph(
      emphasis('On the web page, a ', strong('Reset sandbox'), ' button returns every sandbox API to its demo data.'),
    ),
  ],

  Aside(element) {
    const kind = text(element.attributes.type) ?? 'note';
    const label = text(element.attributes.title) ?? kind.charAt(0).toUpperCase() + kind.slice(1);
    return [quote([strong(`${label}:`)], element.children ?? [])];
  },

  Card: (element) => [paragraph(strong(text(element.attributes.title) ?? '')), ...(element.children ?? [])],

  LinkCard(element, context) {
    const href = text(element.attributes.href) ?? '';
    const description = text(element.attributes.description);
    const target = href.startsWith('/') ? context.resolveLink(href) : href;
    const title = link(target, text(element.attributes.title) ?? href);
    return [list(false, [listItem(title, ...(description ? [`: ${description}`] : []))])];
  },

  TabItem: (element) => [paragraph(strong(text(element.attributes.label) ?? '')), ...(element.children ?? [])],

  Badge: (element) => [paragraph(strong(text(element.attributes.text) ?? ''))],

  // Starlight's <Code code={source} lang="ts" title="…" />: the code as a fenced block, under its title.
  Code(element, context) {
    const source = element.attributes.code;
    const body =
      typeof source === 'string'
        ? source
        : typeof source === 'object' && /^[A-Za-z_$][\w$]*$/.test(source.expression)
          ? context.importedText?.(source.expression)
          : undefined;
    if (body === undefined) {
      context.warn('the Markdown twin cannot read the code of a <Code> element, so it leaves it out');
      return [];
    }
    const title = text(element.attributes.title);
    return [...(title ? [paragraph(code(title), ':')] : []), codeBlock(text(element.attributes.lang), body.trimEnd())];
  },
};

/** Components that are only a frame: their content stays, the frame goes. */
const FRAMES = new Set(['CardGrid', 'Tabs', 'Steps', 'FileTree']);

export function renderComponent(element: JsxElement, context: ComponentContext): RootContent[] {
  const renderer = renderers[element.name];
  if (renderer) return renderer(element, context);
  if (FRAMES.has(element.name)) return element.children ?? [];
  if (element.source?.includes('/diagrams/')) return diagram(element, context);
  context.warn(`the Markdown twin has no rule for <${element.name}>, so it leaves it out`);
  return element.children ?? [];
}

function diagram(element: JsxElement, context: ComponentContext): RootContent[] {
  const texts = context.diagram(element.source!);
  if (!texts) {
    context.warn(`could not read the texts of the diagram <${element.name}>`);
    return [];
  }
  return [
    blockquote([
      paragraph(strong(`Diagram: ${texts.title}.`)),
      paragraph(texts.description),
      ...(texts.caption ? [paragraph(emphasis(texts.caption))] : []),
    ]),
  ];
}

/**
 * The steps of a walkthrough, from the JavaScript array literal in the article. Articles are code we write and the
 * build already runs (MDX compiles them to JavaScript), so evaluating the literal here adds no new trust.
 */
function walkthroughSteps(value: AttributeValue | undefined): WalkthroughStepSource[] {
  if (typeof value !== 'object') return [];
  const steps = new Function(`return (${value.expression});`)() as unknown;
  return Array.isArray(steps) ? (steps as WalkthroughStepSource[]) : [];
}
