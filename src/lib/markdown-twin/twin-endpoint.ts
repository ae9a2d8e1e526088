/**
 * The two exports of a Markdown twin endpoint (the `.md.ts` files in src/pages): `getStaticPaths`, one twin per page
 * it lists, and the `GET` that answers each as text/markdown. Every twin is written with its links absolute on the
 * configured site and base, since a twin is read away from the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReferenceLinks } from './reference-markdown';
import { markdownResponse } from './responses';
import { absoluteUrl } from './twin-paths';

/** Where the twin is published, for the Markdown functions: the site, the base and links made absolute on them. */
export interface TwinSite extends ReferenceLinks {
  site: URL;
  base: string;
}

type TwinPage<Props> = { params: Record<string, string>; props: Props };

export function twinEndpoint<Props extends Record<string, unknown>>(
  /** The pages that have a twin: the route's params and what `markdown` needs to write it. */
  pages: () => TwinPage<Props>[] | Promise<TwinPage<Props>[]>,
  markdown: (props: Props, where: TwinSite) => string,
): { getStaticPaths: GetStaticPaths; GET: APIRoute<Props> } {
  const base = import.meta.env.BASE_URL;
  return {
    getStaticPaths: pages,
    GET: ({ props, site }) =>
      markdownResponse(markdown(props, { site: site!, base, absolute: (path) => absoluteUrl(path, site!, base) })),
  };
}
