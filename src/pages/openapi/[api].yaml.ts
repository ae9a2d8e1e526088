import type { APIRoute, GetStaticPaths } from 'astro';
import { openapiSources } from '../../lib/markdown-twin/openapi-sources';

/** Each sandbox API's OpenAPI document, as written: `/openapi/payments.yaml`. */
export const getStaticPaths = (() =>
  openapiSources().map(({ api, yaml }) => ({ params: { api }, props: { yaml } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ yaml: string }> = ({ props }) =>
  new Response(props.yaml, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
