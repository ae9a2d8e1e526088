import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogApi } from '../../lib/playground/catalog';
import { specs } from '../../../mocks/generated/specs.ts';

/**
 * One API's playground catalogue (`/playground/payments.json`): every operation with its example values, fetched by
 * the playground when the reader picks the API. Kept out of the page so that the page stays the same size however
 * many operations the specs hold.
 */
export const getStaticPaths = (() => Object.keys(specs).map((api) => ({ params: { api } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(catalogApi(params.api!, specs[params.api!]!)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
