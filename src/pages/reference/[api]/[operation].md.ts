import type { APIRoute, GetStaticPaths } from 'astro';
import { operationMarkdown } from '../../../lib/markdown-twin/reference-markdown';
import { markdownResponse } from '../../../lib/markdown-twin/responses';
import { absoluteUrl } from '../../../lib/markdown-twin/twin-paths';
import { referenceApis, type ApiView, type OperationView } from '../../../lib/reference/model';

/** The Markdown twin of every operation page: `/reference/payments/create-refund/` → `…/create-refund.md`. */
export const getStaticPaths = (() =>
  referenceApis().flatMap((api) =>
    api.operations.map((operation) => ({
      params: { api: api.api, operation: operation.slug },
      props: { api, operation },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ api: ApiView; operation: OperationView }> = ({ props, site }) =>
  markdownResponse(
    operationMarkdown(props.api, props.operation, {
      absolute: (path) => absoluteUrl(path, site!, import.meta.env.BASE_URL),
    }),
  );
