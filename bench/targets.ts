import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One page of ours that stands for a page type; `built` is false when the build has no such page (yet). */
export interface Target {
  name: string;
  path: string;
  built: boolean;
}

/** The operation every timing waits for, on our page and on each peer's: its summary is the first thing read. */
export const OPERATION = { api: 'payments', path: 'reference/payments/create-customer/', summary: 'Create a customer' };

/** Scalar's own link to that operation: it renders an operation only once scrolled to, so its root never shows it. */
export const SCALAR_OPERATION_ANCHOR = '#tag/customers/POST/customers';

const PAGE_TYPES = [
  { name: 'home', path: '' },
  { name: 'article', path: 'guides/what-is-backend-integration/' },
  { name: 'operation', path: OPERATION.path },
  { name: 'API overview', path: 'reference/payments/' },
  { name: 'schema', path: 'reference/payments/schemas/customer/' },
  { name: 'explorer', path: 'reference/payments/explorer/' },
  { name: 'playground', path: 'playground/' },
];

export function ourTargets(dist: string): Target[] {
  return PAGE_TYPES.map((type) => ({ ...type, built: existsSync(join(dist, type.path, 'index.html')) }));
}
