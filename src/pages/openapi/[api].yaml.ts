import type { APIRoute, GetStaticPaths } from 'astro';
import { openapiSources, sourceAs, type OpenapiSource } from '../../lib/markdown-twin/openapi-sources';

/** Each sandbox API's OpenAPI document as YAML (as written, for our own specs): `/openapi/payments.yaml`. */
export const getStaticPaths = (() =>
  openapiSources().map((source) => ({ params: { api: source.api }, props: { source } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ source: OpenapiSource }> = ({ props }) =>
  new Response(sourceAs(props.source, 'yaml'), { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
