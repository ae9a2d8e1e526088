import type { HastVisitorInstance } from 'satteri';
import { prefixBase } from './base-url';

/** Components whose `href` prop is a site link, as used in MDX: `<LinkCard href="/guides/…/" />`. */
const LINK_COMPONENTS = ['LinkCard', 'LinkButton'];

/**
 * Authors write site links from the root (`/guides/what-is-an-api/`), as readers see them on a root deploy. Astro
 * does not rewrite those for a sub-path `base`, so this Markdown plugin prefixes them at build time, in Markdown
 * links and images and in the `href` of link components used in MDX.
 */
export function markdownBaseLinks(base: string): HastVisitorInstance & { name: string } {
  return {
    name: 'engine-room-base-links',
    element: [
      {
        filter: ['a', 'img'],
        visit(node, ctx) {
          for (const key of ['href', 'src']) {
            const value = node.properties?.[key];
            if (typeof value === 'string' && prefixBase(value, base) !== value)
              ctx.setProperty(node, key, prefixBase(value, base));
          }
        },
      },
    ],
    mdxJsxFlowElement: [
      {
        filter: LINK_COMPONENTS,
        visit(node, ctx) {
          const href = node.attributes.find((attribute) => 'name' in attribute && attribute.name === 'href');
          if (href && typeof href.value === 'string' && prefixBase(href.value, base) !== href.value) {
            ctx.setProperty(node, 'href', prefixBase(href.value, base));
          }
        },
      },
    ],
  };
}
