/**
 * What kind of page an entry id names. Starlight gives every page an id: the docs collection's entry id for articles
 * (`guides/webhooks`), and the URL path without base for pages built with `StarlightPage` (`reference/payments`).
 */

export interface OperationSummary {
  slug: string;
  method: string;
  path: string;
  summary: string;
}

/** The parts of an API reference model that cards and structured data need (`ApiView` fits it). */
export interface ApiSummary {
  api: string;
  title: string;
  summary?: string | undefined;
  operations: readonly OperationSummary[];
  /** Pages of the API's named schemas and webhooks (`ApiView` has both); webhooks get a social card each. */
  schemas?: readonly { slug: string; title: string }[];
  webhooks?: readonly { slug: string; title: string }[];
}

export type PageKind =
  | { kind: 'home' }
  | { kind: 'article'; id: string }
  | { kind: 'reference-index' }
  | { kind: 'api'; api: ApiSummary }
  | { kind: 'operation'; api: ApiSummary; operation: OperationSummary }
  /** Another page about one API, such as its explorer: not an operation. */
  | { kind: 'api-page'; api: ApiSummary; page: string }
  | { kind: 'page' };

export function classifyPage(id: string, apis: readonly ApiSummary[]): PageKind {
  const segments = id.split('/').filter(Boolean);
  if (segments.length === 0 || id === 'index') return { kind: 'home' };
  if (segments[0] === 'guides' && segments.length === 2) return { kind: 'article', id: segments.join('/') };
  if (segments[0] !== 'reference') return { kind: 'page' };
  if (segments.length === 1) return { kind: 'reference-index' };
  const api = apis.find((candidate) => candidate.api === segments[1]);
  if (!api) return { kind: 'page' };
  if (segments.length === 2) return { kind: 'api', api };
  const operation = segments.length === 3 ? api.operations.find((op) => op.slug === segments[2]) : undefined;
  return operation
    ? { kind: 'operation', api, operation }
    : { kind: 'api-page', api, page: segments.slice(2).join('/') };
}
