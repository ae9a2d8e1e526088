import type { PreparedStep } from '../../lib/walkthrough/prepare';
import { resolve, type Taken } from './templates';

/** A walkthrough step's request with the earlier answers written in, ready for `fetch` or the sandbox core. */
export interface StepRequest {
  method: string;
  /** Relative to the site: `<base>sandbox/<root><path>?<query>` (`/sandbox/payments/v1/…`). */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Fill a prepared step's placeholders from the answers so far; `taken` records what came from where. */
export function stepRequest(
  step: PreparedStep,
  answers: readonly unknown[],
  taken: Taken[],
  sandboxKey: string,
  base: string,
): StepRequest {
  let path = step.path;
  for (const [name, value] of Object.entries(step.pathValues)) {
    path = path.replace(`{${name}}`, encodeURIComponent(String(resolve(value, answers, taken))));
  }
  const query = new URLSearchParams(
    Object.entries(resolve(step.query, answers, taken) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  ).toString();
  const headers = resolve(step.headers ?? {}, answers, taken) as Record<string, unknown>;
  const body = step.body === undefined ? undefined : JSON.stringify(resolve(step.body, answers, taken), null, 2);
  return {
    method: step.method,
    url: `${base}sandbox/${step.root}${path}${query ? `?${query}` : ''}`,
    headers: {
      ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)])),
      authorization: `Bearer ${sandboxKey}`,
      ...(body === undefined ? {} : { 'content-type': step.mediaType ?? 'application/json' }),
    },
    ...(body === undefined ? {} : { body }),
  };
}
