import type { APIRoute, GetStaticPaths } from 'astro';
import { openapiSources, sourceAs, type OpenapiSource } from '../../lib/markdown-twin/openapi-sources';

/** Each sandbox API's OpenAPI document as JSON, for tools that do not read YAML: `/openapi/payments.json`. */
export const getStaticPaths = (() =>
  openapiSources().map((source) => ({ params: { api: source.api }, props: { source } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: OpenapiSource }> = ({ props }) =>
  new Response(sourceAs(props.source, 'json'), { headers: { 'content-type': 'application/json; charset=utf-8' } });
