import type { FieldError } from '../../../mocks/core/validate.ts';
import type { ContractReport, ReceivedResponse } from '../../browser/sandbox-client';

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
  if (response.contract) output.append(renderContract(response.contract, response.status));
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

/**
 * The live contract check: the request as the spec judges it before sending, and the answer as the spec documents
 * it. A reader who sends a bad request on purpose sees the check predict the sandbox's 4xx.
 */
function renderContract(contract: ContractReport, status: number): HTMLElement {
  const box = document.createElement('div');
  box.className = 'try-it__contract';
  box.append(element('p', 'Contract check against the OpenAPI spec:'));
  const list = document.createElement('ul');
  const line = (ok: boolean, text: string, errors: FieldError[]) => {
    const item = element('li', `${ok ? '✓' : '✗'} ${text}`);
    item.dataset.contract = ok ? 'pass' : 'fail';
    if (errors.length > 0) {
      const details = document.createElement('ul');
      for (const { pointer, detail } of errors) details.append(element('li', `${pointer} ${detail}`));
      item.append(details);
    }
    list.append(item);
  };
  line(
    contract.request.length === 0,
    contract.request.length === 0
      ? 'Request matches the spec.'
      : 'Request does not match the spec (found before sending; it was sent anyway):',
    contract.request,
  );
  line(
    contract.response.length === 0,
    contract.response.length === 0
      ? `Response matches what the spec documents for ${status}.`
      : 'Response does not match the spec:',
    contract.response,
  );
  box.append(list);
  return box;
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
