import type { APIRoute } from 'astro';
import { textResponse } from '../lib/markdown-twin/responses';
import { absoluteUrl } from '../lib/markdown-twin/twin-paths';

/** Crawlers may read everything; the sitemap's address depends on the site and base, so it is generated. */
export const GET: APIRoute = ({ site }) =>
  textResponse(
    [
      'User-agent: *',
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl('/sitemap-index.xml', site!, import.meta.env.BASE_URL)}`,
      '',
    ].join('\n'),
  );
