/**
 * Build-time half of a walkthrough: check every step (a real operation, placeholders that only look back, headers
 * the operation documents, required query parameters) and fill what a step leaves out from the spec's examples.
 * No Astro or DOM imports, so the article's own steps can be run in unit tests.
 */
import { exampleRequest } from '../../../mocks/core/example-request.ts';
import { sandboxLocation } from '../../../mocks/core/sandbox-location.ts';
import { referencedSteps } from '../../components/walkthrough/templates';
import { findOperation, specFor } from '../spec-catalog';

export interface WalkthroughStep {
  /** What this step does, in the reader's words: "Quote the trip". */
  title: string;
  api: string;
  operation: string;
  /** One or two sentences on why this call comes now. */
  explain?: string;
  /** Values for path parameters; may contain placeholders such as `{{1.id}}`. The spec's examples fill the rest. */
  path?: Record<string, string>;
  /** The query parameters, replacing the spec's example query (so that an example filter is not sent by accident). */
  query?: Record<string, string>;
  /**
   * Header parameters the operation documents, such as `Idempotency-Key`; may contain placeholders. Shown with the
   * request and sent with it. The key and `Content-Type` are added by the walkthrough.
   */
  headers?: Record<string, string>;
  /** The JSON body, replacing the spec's example; may contain placeholders. */
  body?: unknown;
}

/** A step as the page shows it and the browser runs it: every value known, placeholders still unresolved. */
export interface PreparedStep {
  title: string;
  explain?: string | undefined;
  api: string;
  /** Where the API's sandbox lives under the sandbox's root: its name and its server's path (`rides/v1`). */
  root: string;
  method: string;
  /** The path template, such as `/payment_intents/{id}/capture`. */
  path: string;
  pathValues: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  mediaType?: string | undefined;
}

export function prepareSteps(steps: WalkthroughStep[], sandboxKey: string, askedBy: string): PreparedStep[] {
  if (!Array.isArray(steps) || steps.length === 0)
    throw new Error(`${askedBy}: \`steps\` must list at least one step.`);
  return steps.map((step, index) => {
    const where = `${askedBy}, step ${index + 1} ("${step.title}")`;
    const operation = findOperation(step.api, step.operation, where);
    const document = specFor(step.api, where);
    const example = exampleRequest(document, operation, sandboxKey);
    const ahead = referencedSteps([step.path, step.query, step.headers, step.body]).filter((n) => n < 1 || n > index);
    if (ahead.length > 0)
      throw new Error(`${where}: placeholders may only use earlier steps, not step ${ahead.join(', ')}.`);
    // A header the operation does not document would be sent, shown and then ignored by the API: refuse it here.
    const documented = operation.parameters.filter((p) => p.in === 'header').map((p) => p.name);
    for (const name of Object.keys(step.headers ?? {})) {
      if (!documented.some((known) => known.toLowerCase() === name.toLowerCase()))
        throw new Error(
          `${where}: ${step.operation} documents no header "${name}" (its headers: ${documented.join(', ') || 'none'}).`,
        );
    }
    const missing = operation.parameters
      .filter((p) => p.in === 'query' && p.required && step.query && !(p.name in step.query))
      .map((p) => p.name);
    if (missing.length > 0) throw new Error(`${where}: \`query\` leaves out the required ${missing.join(', ')}.`);
    const body =
      step.body !== undefined
        ? step.body
        : example.body && example.mediaType?.includes('json')
          ? JSON.parse(example.body as string)
          : undefined;
    return {
      title: step.title,
      explain: step.explain,
      api: step.api,
      root: sandboxLocation(step.api, document).root,
      method: example.method,
      path: operation.path,
      pathValues: {
        ...Object.fromEntries(
          operation.parameters
            .filter((p) => p.in === 'path')
            .map((p) => [
              p.name,
              decodeURIComponent(example.path.split('/')[operation.path.split('/').indexOf(`{${p.name}}`)] ?? ''),
            ]),
        ),
        ...step.path,
      },
      query: step.query ?? example.query,
      headers: step.headers ?? {},
      body,
      mediaType: example.mediaType,
    };
  });
}
