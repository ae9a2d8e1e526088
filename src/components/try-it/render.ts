import type { ReceivedResponse } from '../../lib/sandbox-client';

/** Show a sandbox answer: status and time first, then the body (pretty-printed JSON), then the headers. */
export function renderResponse(output: HTMLElement, response: ReceivedResponse): void {
  output.replaceChildren();
  const status = element(
    'p',
    `${response.status} ${response.statusText || reason(response.status)} · ${response.milliseconds.toFixed(0)} ms`,
  );
  status.className = 'try-it__status';
  status.dataset.status = String(response.status);
  output.append(status);
  const errors = problemErrors(response.body);
  if (errors.length > 0) {
    const list = element('ul', '');
    for (const { pointer, detail } of errors) list.append(element('li', `${pointer} ${detail}`));
    output.append(element('p', 'What the sandbox found wrong:'), list);
  }
  const body = element('pre', pretty(response.body));
  // Long answers scroll inside the box; a scrolling region must be reachable with the keyboard.
  body.className = 'sandbox-answer';
  body.tabIndex = 0;
  body.setAttribute('aria-label', 'Response body');
  output.append(body);
  const headers = document.createElement('details');
  headers.append(
    element('summary', 'Response headers'),
    element('pre', response.headers.map(([k, v]) => `${k}: ${v}`).join('\n')),
  );
  output.append(headers);
}

export function renderError(output: HTMLElement, error: unknown): void {
  output.replaceChildren(element('p', `The request could not be sent: ${(error as Error)?.message ?? String(error)}`));
}

function element(tag: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function problemErrors(body: string): { pointer: string; detail: string }[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { pointer: string; detail: string }[] };
    return Array.isArray(parsed.errors) ? parsed.errors : [];
  } catch {
    return [];
  }
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
};
const reason = (status: number) => REASONS[status] ?? '';
