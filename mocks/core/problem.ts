import type { FieldError } from './validate.ts';

/** Titles for the statuses the sandbox answers with, as RFC 9457 `title`s. */
const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Sandbox error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * A request the sandbox refuses. Handlers throw it; the sandbox turns it into an `application/problem+json` answer
 * and discards any state change the handler made.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [extension: string]: unknown };

  constructor(status: number, detail: string, extra: ProblemError['extra'] = {}) {
    super(detail);
    this.status = status;
    this.extra = extra;
  }

  toProblem(instance?: string): Problem {
    const { headers: _headers, ...extensions } = this.extra;
    return {
      // RFC 9457: "about:blank" means the status code says it all; the title is then the status phrase.
      type: 'about:blank',
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...extensions,
    };
  }
}

/** Shorthands for the common refusals, so handlers read like the API's documentation. */
export const problems = {
  /** `pointer` names the request field that held the id (`/path/id`), as the generic mocks' 404s do. */
  notFound: (what: string, id: string, pointer?: string) =>
    new ProblemError(
      404,
      `No ${what} with id ${id} exists in this sandbox.`,
      pointer ? { errors: [{ pointer, detail: 'is not the id of anything in this sandbox' }] } : {},
    ),
  conflict: (detail: string) => new ProblemError(409, detail),
  invalid: (pointer: string, detail: string) =>
    new ProblemError(422, `The request body is not valid: ${pointer} ${detail}.`, { errors: [{ pointer, detail }] }),
  forbidden: (detail: string, extra: Record<string, unknown> = {}) => new ProblemError(403, detail, extra),
};
