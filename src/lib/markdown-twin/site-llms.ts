/**
 * The site's llms.txt and llms-full.txt: the documents of llms-documents.ts, with the docs collection's articles.
 */
import { llmsFull, llmsIndex } from './llms-documents';
import { guideEntries } from './site-twins';

export const siteLlmsTxt = async (site: URL | string, base: string): Promise<string> =>
  llmsIndex(await guideEntries(), site, base);

export const siteLlmsFullTxt = async (site: URL | string, base: string): Promise<string> =>
  llmsFull(await guideEntries(), site, base);
