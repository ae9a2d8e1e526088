/**
 * What each component in an article becomes in its Markdown twin. Interactive parts turn into what a reader of plain
 * text can still use: a Try it box into the request it sends, with a curl command and a link to the operation; a
 * walkthrough into its numbered steps; a diagram into the title, description and caption it carries for screen
 * readers. Starlight's layout components keep their content and lose their frame.
 */
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

type Renderer = (element: JsxElement, context: ComponentContext) => string;

const text = (value: AttributeValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

const renderers: Record<string, Renderer> = {
  TryIt(element, context) {
    const api = text(element.attributes.api) ?? '';
    const id = text(element.attributes.operation) ?? '';
    const operation = context.operation(api, id);
    if (!operation) return `**Try it:** the \`${id}\` operation of the ${api} sandbox API.`;
    const lines = [
      `**Try it:** \`${operation.method} ${operation.path}\` in the ${api} sandbox API, [${operation.summary}](${operation.href}).`,
    ];
    const example = text(element.attributes.example);
    const key = text(element.attributes.sandboxKey);
    if (example || key) {
      lines.push(
        '',
        `On the web page this box starts with ${[example && `the "${example}" example`, key && `the key \`${key}\``].filter(Boolean).join(' and ')}.`,
      );
    }
    if (operation.curl) lines.push('', '```sh', operation.curl, '```');
    return lines.join('\n');
  },

  Walkthrough(element, context) {
    const title = text(element.attributes.title) ?? 'Walkthrough';
    const steps = walkthroughSteps(element.attributes.steps);
    const items = steps.map((step, index) => {
      const operation = context.operation(step.api ?? '', step.operation ?? '');
      const call = operation
        ? `\`${operation.method} ${operation.path}\` in the ${step.api} API ([reference](${operation.href}))`
        : `\`${step.operation}\` in the ${step.api} API`;
      const headers = Object.entries(step.headers ?? {}).map(([name, value]) => `\`${name}: ${value}\``);
      const sends = headers.length > 0 ? ` Sends ${headers.join(' and ')}.` : '';
      return `${index + 1}. **${step.title ?? step.operation}**: ${call}.${sends}${step.explain ? ` ${step.explain}` : ''}`;
    });
    return [`**Walkthrough: ${title}**`, '', ...items].join('\n');
  },

  SandboxReset: () => '_On the web page, a **Reset sandbox** button returns every sandbox API to its demo data._',

  Aside(element) {
    const kind = text(element.attributes.type) ?? 'note';
    const label = text(element.attributes.title) ?? kind.charAt(0).toUpperCase() + kind.slice(1);
    return quote(`**${label}:** ${element.children ?? ''}`);
  },

  Card: (element) => [`**${text(element.attributes.title) ?? ''}**`, '', element.children ?? ''].join('\n'),

  LinkCard(element, context) {
    const href = text(element.attributes.href) ?? '';
    const description = text(element.attributes.description);
    const target = href.startsWith('/') ? context.resolveLink(href) : href;
    return `- [${text(element.attributes.title) ?? href}](${target})${description ? `: ${description}` : ''}`;
  },

  TabItem: (element) => [`**${text(element.attributes.label) ?? ''}**`, '', element.children ?? ''].join('\n'),

  Badge: (element) => `**${text(element.attributes.text) ?? ''}**`,

  // Starlight's <Code code={source} lang="ts" title="…" />: the code as a fenced block, under its title.
  Code(element, context) {
    const code = element.attributes.code;
    const body =
      typeof code === 'string'
        ? code
        : typeof code === 'object' && /^[A-Za-z_$][\w$]*$/.test(code.expression)
          ? context.importedText?.(code.expression)
          : undefined;
    if (body === undefined) {
      context.warn('the Markdown twin cannot read the code of a <Code> element, so it leaves it out');
      return '';
    }
    const longest = Math.max(2, ...[...body.matchAll(/`{3,}/g)].map((run) => run[0].length));
    const fence = '`'.repeat(longest + 1);
    const title = text(element.attributes.title);
    return [
      ...(title ? [`\`${title}\`:`, ''] : []),
      `${fence}${text(element.attributes.lang) ?? ''}`,
      body.trimEnd(),
      fence,
    ].join('\n');
  },
};

/** Components that are only a frame: their content stays, the frame goes. */
const FRAMES = new Set(['CardGrid', 'Tabs', 'Steps', 'FileTree']);

export function renderComponent(element: JsxElement, context: ComponentContext): string {
  const renderer = renderers[element.name];
  if (renderer) return renderer(element, context);
  if (FRAMES.has(element.name)) return element.children ?? '';
  if (element.source?.includes('/diagrams/')) return diagram(element, context);
  context.warn(`the Markdown twin has no rule for <${element.name}>, so it leaves it out`);
  return element.children ?? '';
}

function diagram(element: JsxElement, context: ComponentContext): string {
  const texts = context.diagram(element.source!);
  if (!texts) {
    context.warn(`could not read the texts of the diagram <${element.name}>`);
    return '';
  }
  return quote(
    [`**Diagram: ${texts.title}.**`, '', texts.description, ...(texts.caption ? ['', `*${texts.caption}*`] : [])].join(
      '\n',
    ),
  );
}

const quote = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/**
 * The steps of a walkthrough, from the JavaScript array literal in the article. Articles are code we write and the
 * build already runs (MDX compiles them to JavaScript), so evaluating the literal here adds no new trust.
 */
function walkthroughSteps(value: AttributeValue | undefined): WalkthroughStepSource[] {
  if (typeof value !== 'object') return [];
  const steps = new Function(`return (${value.expression});`)() as unknown;
  return Array.isArray(steps) ? (steps as WalkthroughStepSource[]) : [];
}
