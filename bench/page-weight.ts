import type { Browser } from '@playwright/test';
import { freshContext, loadBeforeInteraction, type ResourceKind } from './browser.ts';

export interface Bytes {
  bytes: number;
  gzip: number;
  brotli: number;
  /** As served by the bench's static server (brotli by Accept-Encoding); absent in results from before it compressed. */
  wire?: number | undefined;
}

export interface PageWeight {
  name: string;
  url: string;
  /** False when the page is not in the build; every figure is then zero. */
  built: boolean;
  requests: number;
  byKind: Record<ResourceKind | 'total', Bytes>;
  /** Requests to other hosts the page tried to make (blocked by the bench). */
  blocked: string[];
  /** Responses by Content-Encoding as served (`br`, `gzip`, `identity`): what the server actually compressed. */
  encodings?: Record<string, number> | undefined;
}

const KINDS = ['js', 'css', 'html', 'other', 'total'] as const;

function zero(): Record<ResourceKind | 'total', Bytes> {
  return Object.fromEntries(KINDS.map((kind) => [kind, { bytes: 0, gzip: 0, brotli: 0, wire: 0 }])) as Record<
    ResourceKind | 'total',
    Bytes
  >;
}

/**
 * What a browser downloads to show `url`, before anyone clicks or scrolls, by kind and in total. `readyText` is text
 * the page shows once rendered (see loadBeforeInteraction).
 */
export async function measurePageWeight(
  browser: Browser,
  target: { name: string; url: string; built: boolean; readyText?: string | undefined },
): Promise<PageWeight> {
  const { name, url, built } = target;
  const byKind = zero();
  if (!built) return { name, url, built, requests: 0, byKind, blocked: [] };
  // A fresh context per page: an empty cache, as for a first visit.
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    const { resources, blocked } = await loadBeforeInteraction(page, url, target.readyText);
    const encodings: Record<string, number> = {};
    for (const resource of resources) {
      encodings[resource.encoding] = (encodings[resource.encoding] ?? 0) + 1;
      for (const kind of [resource.kind, 'total'] as const) {
        byKind[kind].bytes += resource.bytes;
        byKind[kind].gzip += resource.gzip;
        byKind[kind].brotli += resource.brotli;
        byKind[kind].wire = (byKind[kind].wire ?? 0) + resource.wire;
      }
    }
    return { name, url, built, requests: resources.length, byKind, blocked, encodings };
  } finally {
    await context.close();
  }
}
