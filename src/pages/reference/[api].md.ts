import type { APIRoute, GetStaticPaths } from 'astro';
import { apiMarkdown } from '../../lib/markdown-twin/reference-markdown';
import { markdownResponse } from '../../lib/markdown-twin/responses';
import { absoluteUrl } from '../../lib/markdown-twin/twin-paths';
import { referenceApis, type ApiView } from '../../lib/reference/model';

/** The Markdown twin of each API's overview page: `/reference/payments/` → `/reference/payments.md`. */
export const getStaticPaths = (() =>
  referenceApis().map((view) => ({ params: { api: view.api }, props: { view } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: ApiView }> = ({ props, site }) =>
  markdownResponse(
    apiMarkdown(props.view, {
      absolute: (path) => absoluteUrl(path, site!, import.meta.env.BASE_URL),
    }),
  );
