import type { APIRoute } from 'astro';
import { textResponse } from '../lib/markdown-twin/responses';
import { siteLlmsTxt } from '../lib/markdown-twin/site-llms';

export const GET: APIRoute = async ({ site }) => textResponse(await siteLlmsTxt(site!, import.meta.env.BASE_URL));
