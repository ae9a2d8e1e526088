import { anchorsOf } from './headings.ts';
import { attributeLine, countNewlines, isJsx, lineOf, stringAttribute, textOf, walk } from './mdast.ts';
import type { Page } from './page.ts';
import type { Problem } from './problem.ts';
import type { Site } from './site.ts';

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

export const isInternal = (url: string): boolean => url.startsWith('/') && !url.startsWith('//');

/**
 * Links out are welcome where a claim rests on a primary source (an RFC, a vendor's documentation): a link loads
 * nothing until the reader follows it, and the privacy rule is about what a page loads. They must be full https
 * addresses, so they neither downgrade the reader's connection nor depend on the page's own scheme.
 */
function checkExternal(url: string): string | undefined {
  if (url.startsWith('//')) return `protocol-relative link to ${url}; write the full https:// address`;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return `malformed link ${url}`;
  }
  if (protocol === 'https:') return undefined;
  if (protocol === 'http:') return `insecure link to ${url}; link to the https:// address`;
  return `link to ${url}; links out go to web pages, with https:// addresses, not to ${protocol} addresses`;
}

const isExternal = (url: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//');

/** Why a link does not resolve, or undefined when it does. */
export function checkLinkTarget(url: string, page: Page, site: Site): string | undefined {
  if (isExternal(url)) return checkExternal(url);
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
    if (operation === 'explorer') return undefined; // every API's interactive explorer (src/pages/reference/[api]/explorer.astro)
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
  const shared = path === '/playground/' && fragment ? PLAYGROUND_OPERATION.exec(decodeURIComponent(fragment)) : null;
  if (shared) return checkPlaygroundOperation(url, shared[1] ?? '', shared[2] ?? '', site);
  if (fragment && !target.anchors.has(decodeURIComponent(fragment)))
    return `broken link to ${url}: ${target.file} has no heading or id "${fragment}"`;
  return undefined;
}

/** `/playground/#operation=<api>/<operationId>` opens the playground on one operation (src/browser/playground/share-link.ts). */
const PLAYGROUND_OPERATION = /^operation=([a-z0-9-]+)\/([A-Za-z0-9_.-]+)$/;

function checkPlaygroundOperation(url: string, api: string, operationId: string, site: Site): string | undefined {
  const spec = site.specs.get(api);
  if (!spec) return `broken link to ${url}: there is no API "${api}" (no openapi/${api}.yaml)`;
  if (!spec.operations.has(operationId))
    return `broken link to ${url}: ${spec.file} has no operationId "${operationId}"`;
  return undefined;
}

export function checkLinks(page: Page, site: Site): Problem[] {
  return linksOf(page).flatMap(({ url, line, text }) => {
    // GFM turns a bare address or e-mail in the text into a link.
    const autolink = text !== undefined && [text, `mailto:${text}`, `http://${text}`].includes(url);
    const message =
      checkLinkTarget(url, page, site) ??
      (autolink && isExternal(url)
        ? `bare link to ${url}; write [what it is](${url}) instead, or wrap the address in backticks`
        : undefined);
    if (!message) return [];
    return [
      {
        file: page.file,
        line,
        message:
          autolink && !message.startsWith('bare link')
            ? `${message} (a bare address becomes a link; wrap it in backticks)`
            : message,
      },
    ];
  });
}
