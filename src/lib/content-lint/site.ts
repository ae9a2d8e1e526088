import {
  deref,
  finalPointer,
  listOperations,
  type MediaTypeObject,
  type OpenApiDocument,
} from '../../../mocks/core/openapi.ts';
import { uniqueSlugs } from '../reference/slugs.ts';

export interface SpecIndex {
  /** The spec file, for messages: `openapi/payments.yaml`. */
  file: string;
  /** operationId → the names of its request-body examples. */
  operations: Map<string, string[]>;
  /** operationId → the slug of its reference page, `/reference/<api>/<slug>/` (`createPaymentIntent` → `create-payment-intent`). */
  slugs: Map<string, string>;
}

export interface Site {
  /** Every page by route, with the anchors a link fragment may use. */
  pages: Map<string, { file: string; anchors: Set<string> }>;
  /** Sandbox APIs by name (`payments` for `openapi/payments.yaml`). */
  specs: Map<string, SpecIndex>;
  /** Other files served from the site root, such as `/favicon.svg` from `public/`. */
  staticFiles: Set<string>;
}

/** Index an OpenAPI document: its operation ids (as the site names them) and their request-body example names. */
export function indexSpec(file: string, document: OpenApiDocument): SpecIndex {
  const operations = new Map<string, string[]>();
  const list = listOperations(document);
  const slugList = uniqueSlugs(list.map((operation) => operation.id));
  for (const operation of list) {
    let examples: string[] = [];
    if (operation.operation.requestBody) {
      const pointer = finalPointer(document, `${operation.pointer}/requestBody`);
      const body = deref<{ content?: Record<string, MediaTypeObject> }>(document, { $ref: pointer });
      // The media type Try it fills in: JSON first, as clients prefer, then whatever the spec lists first.
      const entries = Object.entries(body?.content ?? {});
      const media = (entries.find(([type]) => type === 'application/json' || type.endsWith('+json')) ??
        entries[0])?.[1];
      examples = Object.keys(media?.examples ?? {});
    }
    operations.set(operation.id, examples);
  }
  return { file, operations, slugs: new Map(list.map((operation, i) => [operation.id, slugList[i] ?? operation.id])) };
}
