/**
 * llms.txt and llms-full.txt, from the articles and the API reference. The articles are passed in, so that code
 * outside Astro (the MCP server) builds the same files as the site; `site-llms.ts` passes the docs collection.
 */
import { plainText } from '../reference/meta';
import { referenceApis } from '../reference/model';
import { concatenated, llmsTxt } from './llms-txt';
import { apiMarkdown, operationMarkdown } from './reference-markdown';
import { guideMarkdown, type GuideSource } from './guide-markdown';
import { absoluteUrl, apiPath, guidePath, openapiPath, operationPath, twinPathOf } from './twin-paths';

const SUMMARY =
  'Engine Room teaches backend integration and APIs in plain language, with seven sandbox APIs (payments, messaging, ' +
  'social, analytics, storage, AI and location) described by OpenAPI and answered inside the reader’s browser.';

export function llmsIndex(guides: readonly GuideSource[], site: URL | string, base: string): string {
  const absolute = (path: string) => absoluteUrl(path, site, base);
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

export function llmsFull(guides: readonly GuideSource[], site: URL | string, base: string): string {
  const absolute = (path: string) => absoluteUrl(path, site, base);
  const links = { absolute };
  const twins = guides.map((entry) => guideMarkdown(entry, site, base));
  const reference = referenceApis().flatMap((view) => [
    apiMarkdown(view, links),
    ...view.operations.map((operation) => operationMarkdown(view, operation, links)),
  ]);
  return concatenated([...twins, ...reference]);
}
