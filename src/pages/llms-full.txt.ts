import type { APIRoute } from 'astro';
import { textResponse } from '../lib/markdown-twin/responses';
import { siteLlmsFullTxt } from '../lib/markdown-twin/site-llms';

export const GET: APIRoute = async ({ site }) => textResponse(await siteLlmsFullTxt(site!, import.meta.env.BASE_URL));
