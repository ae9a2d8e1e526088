import type { APIRoute } from 'astro';
import { renderLogoPng } from '../../lib/seo/render-card';

/** The logo as a 512×512 PNG: search engines take a raster logo for the Organization in structured data. */
export const GET: APIRoute = async () =>
  new Response(await renderLogoPng(512), { headers: { 'Content-Type': 'image/png' } });
