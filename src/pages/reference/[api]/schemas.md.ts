import type { APIRoute, GetStaticPaths } from 'astro';
import { schemaIndexMarkdown } from '../../../lib/markdown-twin/reference-markdown';
import { markdownResponse } from '../../../lib/markdown-twin/responses';
import { absoluteUrl } from '../../../lib/markdown-twin/twin-paths';
import { referenceApis, type ApiView } from '../../../lib/reference/model';

/** The Markdown twin of each API's schema list: `/reference/payments/schemas/` → `/reference/payments/schemas.md`. */
export const getStaticPaths = (() =>
  referenceApis()
    .filter((api) => api.schemas.length > 0)
    .map((api) => ({ params: { api: api.api }, props: { api } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ api: ApiView }> = ({ props, site }) =>
  markdownResponse(
    schemaIndexMarkdown(props.api, {
      absolute: (path) => absoluteUrl(path, site!, import.meta.env.BASE_URL),
    }),
  );
