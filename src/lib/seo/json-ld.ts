/**
 * schema.org structured data for each kind of page, as one JSON-LD graph. Pure functions of what the page knows, so
 * every kind is unit-tested without a build.
 */
import type { ApiSummary, PageKind } from './page-kind';

export const SITE_NAME = 'Engine Room';

export interface SiteInfo {
  /** The home page, absolute, with a trailing slash. */
  home: string;
  /** Absolute URL of a square PNG logo. */
  logo: string;
  /** Where the learning path starts: the "Learn" step of an article's breadcrumbs. */
  learn: string;
  language: string;
}

export interface PageInfo {
  title: string;
  description: string;
  /** The canonical URL of the page. */
  url: string;
  /** Absolute URL of the page's 1200×630 social card. */
  image: string;
  updated?: Date | undefined;
}

export interface HowToStepInfo {
  name: string;
  text: string;
  /** The step's heading id on the page. */
  anchor: string;
}

type Node = Record<string, unknown>;

export interface JsonLdGraph {
  '@context': 'https://schema.org';
  '@graph': Node[];
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function organization(site: SiteInfo): Node {
  return {
    '@type': 'Organization',
    '@id': `${site.home}#organization`,
    name: SITE_NAME,
    url: site.home,
    logo: { '@type': 'ImageObject', url: site.logo, width: 512, height: 512 },
  };
}

function website(site: SiteInfo, page: PageInfo): Node {
  return {
    '@type': 'WebSite',
    '@id': `${site.home}#website`,
    name: SITE_NAME,
    url: site.home,
    description: page.description,
    inLanguage: site.language,
    publisher: { '@id': `${site.home}#organization` },
  };
}

/** A short reference to the site, for `isPartOf` on pages that do not describe the site itself. */
const siteRef = (site: SiteInfo): Node => ({
  '@type': 'WebSite',
  '@id': `${site.home}#website`,
  name: SITE_NAME,
  url: site.home,
});

const orgRef = (site: SiteInfo): Node => ({
  '@type': 'Organization',
  '@id': `${site.home}#organization`,
  name: SITE_NAME,
  url: site.home,
});

function imageObject(page: PageInfo): Node {
  return { '@type': 'ImageObject', url: page.image, width: 1200, height: 630 };
}

function webApi(site: SiteInfo, api: ApiSummary, documentation: string): Node {
  return {
    '@type': 'WebAPI',
    name: api.title,
    ...(api.summary ? { description: api.summary } : {}),
    documentation,
    provider: orgRef(site),
  };
}

export function breadcrumbs(trail: readonly { name: string; url: string }[]): Node {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

function techArticle(site: SiteInfo, page: PageInfo, extra: Node = {}): Node {
  return {
    '@type': 'TechArticle',
    '@id': `${page.url}#article`,
    headline: page.title,
    description: page.description,
    url: page.url,
    mainEntityOfPage: page.url,
    image: imageObject(page),
    ...(page.updated ? { dateModified: day(page.updated) } : {}),
    inLanguage: site.language,
    author: orgRef(site),
    publisher: { ...orgRef(site), logo: { '@type': 'ImageObject', url: site.logo } },
    isPartOf: siteRef(site),
    ...extra,
  };
}

function webPage(site: SiteInfo, page: PageInfo, type = 'WebPage', extra: Node = {}): Node {
  return {
    '@type': type,
    '@id': page.url,
    name: page.title,
    description: page.description,
    url: page.url,
    image: imageObject(page),
    ...(page.updated ? { dateModified: day(page.updated) } : {}),
    inLanguage: site.language,
    isPartOf: siteRef(site),
    ...extra,
  };
}

function howTo(page: PageInfo, steps: readonly HowToStepInfo[]): Node {
  return {
    '@type': 'HowTo',
    name: page.title,
    description: page.description,
    image: imageObject(page),
    step: steps.map((step, index) => ({
      '@type': 'HowToStep',
      position: index + 1,
      name: step.name,
      text: step.text,
      url: `${page.url}#${step.anchor}`,
    })),
  };
}

export interface StructuredDataInput {
  site: SiteInfo;
  page: PageInfo;
  kind: PageKind;
  /** Every sandbox API, for the reference index. */
  apis: readonly ApiSummary[];
  /** Steps when the page is a how-to (at least three); otherwise empty. */
  steps: readonly HowToStepInfo[];
}

export function structuredData({ site, page, kind, apis, steps }: StructuredDataInput): JsonLdGraph {
  const home = { name: 'Home', url: site.home };
  const reference = { name: 'API reference', url: `${site.home}reference/` };
  const apiUrl = (api: ApiSummary) => `${site.home}reference/${api.api}/`;
  const graph: Node[] = [];
  switch (kind.kind) {
    case 'home':
      graph.push(website(site, page), organization(site));
      break;
    case 'article':
      graph.push(techArticle(site, page));
      graph.push(breadcrumbs([home, { name: 'Learn', url: site.learn }, { name: page.title, url: page.url }]));
      if (steps.length >= 3) graph.push(howTo(page, steps));
      break;
    case 'reference-index':
      graph.push(
        webPage(site, page, 'CollectionPage', {
          hasPart: apis.map((api) => ({ '@type': 'WebAPI', name: api.title, url: apiUrl(api) })),
        }),
        breadcrumbs([home, reference]),
      );
      break;
    case 'api':
      graph.push(
        webPage(site, page, 'CollectionPage', { about: { '@id': `${page.url}#api` } }),
        { ...webApi(site, kind.api, page.url), '@id': `${page.url}#api`, url: page.url },
        breadcrumbs([home, reference, { name: kind.api.title, url: page.url }]),
      );
      break;
    case 'operation':
    case 'api-page': {
      // An operation's page is a TechArticle; the API's other pages (its explorer, schemas, webhooks) are WebPages.
      const about = webApi(site, kind.api, apiUrl(kind.api));
      graph.push(
        kind.kind === 'operation' ? techArticle(site, page, { about }) : webPage(site, page, 'WebPage', { about }),
        breadcrumbs([
          home,
          reference,
          { name: kind.api.title, url: apiUrl(kind.api) },
          { name: page.title, url: page.url },
        ]),
      );
      break;
    }
    case 'page':
      graph.push(webPage(site, page), breadcrumbs([home, { name: page.title, url: page.url }]));
      break;
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** JSON for a `<script>` element: `<` is escaped so that no value can close the element early. */
export function jsonLdText(graph: JsonLdGraph): string {
  return JSON.stringify(graph).replace(/</g, '\\u003c');
}
