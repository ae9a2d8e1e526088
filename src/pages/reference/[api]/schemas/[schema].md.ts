import type { APIRoute, GetStaticPaths } from 'astro';
import { schemaMarkdown } from '../../../../lib/markdown-twin/reference-markdown';
import { markdownResponse } from '../../../../lib/markdown-twin/responses';
import { absoluteUrl } from '../../../../lib/markdown-twin/twin-paths';
import { referenceApis, type ApiView, type SchemaView } from '../../../../lib/reference/model';

/** The Markdown twin of every schema page: `/reference/payments/schemas/customer/` → `…/customer.md`. */
export const getStaticPaths = (() =>
  referenceApis().flatMap((api) =>
    api.schemas.map((schema) => ({ params: { api: api.api, schema: schema.slug }, props: { api, schema } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ api: ApiView; schema: SchemaView }> = ({ props, site }) =>
  markdownResponse(
    schemaMarkdown(props.api, props.schema, {
      absolute: (path) => absoluteUrl(path, site!, import.meta.env.BASE_URL),
    }),
  );
