/**
 * The site's llms.txt and llms-full.txt, from the articles and the API reference.
 */
import { plainText } from '../reference/meta';
import { referenceApis, sandboxServer } from '../reference/model';
import { concatenated, llmsTxt } from './llms-txt';
import { apiMarkdown, operationMarkdown } from './reference-markdown';
import { guideEntries, guideMarkdown } from './site-twins';
import { absoluteUrl, apiPath, guidePath, openapiPath, operationPath, twinPathOf } from './twin-paths';

const SUMMARY =
  'Engine Room teaches backend integration and APIs in plain language, with seven sandbox APIs (payments, messaging, ' +
  'social, analytics, storage, AI and location) described by OpenAPI and answered inside the reader’s browser.';

export async function siteLlmsTxt(site: URL | string, base: string): Promise<string> {
  const absolute = (path: string) => absoluteUrl(path, site, base);
  const guides = await guideEntries();
  const apis = referenceApis();
  return llmsTxt({
    name: 'Engine Room',
    summary: SUMMARY,
    details: [
      'Every article and reference page has a Markdown twin at its path without the trailing slash plus `.md`',
      `(${absolute('/guides/webhooks/')} → ${absolute(twinPathOf('/guides/webhooks/'))}); the links below point to them.`,
      `Sandbox API keys are any \`sk_test_\` plus at least 8 characters. Everything in one file: ${absolute('/llms-full.txt')}.`,
    ].join(' '),
    sections: [
      {
        heading: 'Guides',
        links: guides.map((entry) => ({
          title: entry.data.title,
          url: absolute(twinPathOf(guidePath(entry.id))),
          description: entry.data.description,
        })),
      },
      {
        heading: 'API reference',
        links: apis.map((view) => ({
          title: view.title,
          url: absolute(twinPathOf(apiPath(view.api))),
          description:
            `${plainText(view.summary ?? '')} ${view.operations.length} operations. OpenAPI document: ` +
            `${absolute(openapiPath(view.api, 'yaml'))} (JSON: ${absolute(openapiPath(view.api, 'json'))}).`,
        })),
      },
      ...apis.map((view) => ({
        heading: `${view.title}: operations`,
        links: view.operations.map((operation) => ({
          title: operation.summary,
          url: absolute(twinPathOf(operationPath(view.api, operation.slug))),
          description: `${operation.method} ${operation.path}`,
        })),
      })),
      {
        heading: 'Optional',
        links: [
          { title: 'Everything in one file', url: absolute('/llms-full.txt') },
          { title: 'RSS feed of the guides', url: absolute('/rss.xml') },
          { title: 'Sitemap', url: absolute('/sitemap-index.xml') },
        ],
      },
    ],
  });
}

export async function siteLlmsFullTxt(site: URL | string, base: string): Promise<string> {
  const absolute = (path: string) => absoluteUrl(path, site, base);
  const links = { absolute, sandboxServer };
  const guides = (await guideEntries()).map((entry) => guideMarkdown(entry, site, base));
  const reference = referenceApis().flatMap((view) => [
    apiMarkdown(view, links),
    ...view.operations.map((operation) => operationMarkdown(view, operation, links)),
  ]);
  return concatenated([...guides, ...reference]);
}
