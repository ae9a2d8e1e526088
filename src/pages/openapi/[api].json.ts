import type { APIRoute, GetStaticPaths } from 'astro';
import { openapiJson, openapiSources } from '../../lib/markdown-twin/openapi-sources';

/** Each sandbox API's OpenAPI document as JSON, for tools that do not read YAML: `/openapi/payments.json`. */
export const getStaticPaths = (() =>
  openapiSources().map(({ api, yaml }) => ({ params: { api }, props: { yaml } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ yaml: string }> = ({ props }) =>
  new Response(openapiJson(props.yaml), { headers: { 'content-type': 'application/json; charset=utf-8' } });
