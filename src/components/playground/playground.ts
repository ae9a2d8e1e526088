/**
 * The playground page's script. It reads the operation catalogue embedded in the page, restores a shared link or the
 * last request, and wires the panels. The sandbox (MSW and the specs) is imported only when the reader sends a
 * request or resets; looking at history, events and state reads localStorage directly.
 */
import type { CatalogApi, CatalogOperation } from '../../lib/playground/catalog';
import { addToHistory, clearHistory, readHistory } from '../../lib/playground/history';
import { exampleFor, outgoingRequest, READER_KEY, type PlaygroundRequest } from '../../lib/playground/request';
import { inbox, storedApis } from '../../lib/playground/sandbox-state';
import { operationFromFragment, requestFromFragment, shareFragment } from '../../lib/playground/share-link';
import { renderError, renderResponse } from '../try-it/render';
import { renderInbox } from './event-inbox';
import { fillForm, readForm } from './form-fields';
import { renderHistory } from './history-list';
import { renderState } from './state-view';

const LAST_KEY = 'engine-room:playground:last';
const root = document.querySelector<HTMLElement>('[data-playground]');
if (root) start(root);

function start(root: HTMLElement) {
  const catalog = JSON.parse(root.querySelector('[data-catalog]')!.textContent!) as CatalogApi[];
  const operations = new Map<string, CatalogOperation>(
    catalog.flatMap((api) => api.operations.map((operation) => [`${api.api}/${operation.id}`, operation] as const)),
  );
  const apis = catalog.map((api) => api.api);
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-${name}]`)!;
  const form = part('form') as HTMLFormElement;
  const select = form.elements.namedItem('operation') as HTMLSelectElement;
  const keyInput = form.elements.namedItem('key') as HTMLInputElement;
  const announce = (text: string) => (part('form-status').textContent = text);
  let current = operations.get('payments/createPaymentIntent') ?? [...operations.values()][0]!;

  function show(request: PlaygroundRequest): boolean {
    const operation = operations.get(`${request.api}/${request.operation}`);
    if (!operation) return false;
    current = operation;
    fillForm(form, operation, request);
    return true;
  }

  function refreshSandboxViews() {
    const stored = storedApis(localStorage, keyInput.value.trim(), apis);
    renderState(part('state-list'), stored);
    part('state-empty').hidden = stored.length > 0;
    const events = inbox(stored);
    renderInbox(part('inbox-list'), events);
    part('inbox-empty').hidden = events.length > 0;
  }

  function refreshHistory() {
    const entries = readHistory(localStorage);
    renderHistory(part('history-list'), entries, (entry) => {
      show(entry.request);
      refreshSandboxViews();
      announce(`Restored ${entry.method} ${entry.path} from your history. Edit it or send it again.`);
      select.focus();
    });
    part('history-empty').hidden = entries.length > 0;
    part('history-clear').hidden = entries.length === 0;
  }

  select.addEventListener('change', () => {
    const operation = operations.get(select.value);
    if (operation) show(exampleFor(operation, keyInput.value.trim() || READER_KEY));
  });
  keyInput.addEventListener('change', refreshSandboxViews);
  part('example').addEventListener('click', () => {
    show(exampleFor(current, keyInput.value.trim() || READER_KEY));
    announce('The form holds the spec’s example again.');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = readForm(form, current);
    const output = part('response');
    const button = part('send') as HTMLButtonElement;
    button.disabled = true;
    output.textContent = 'Sending…';
    // Kept as a share fragment: the same validation on the way back in, and no non-test key is ever stored.
    localStorage.setItem(LAST_KEY, shareFragment(request));
    try {
      const { sendToSandbox } = await import('../../lib/sandbox-client');
      const outgoing = outgoingRequest(current, request, import.meta.env.BASE_URL);
      const response = await sendToSandbox(outgoing);
      renderResponse(output, response);
      const path = outgoing.url.slice(outgoing.url.indexOf(`/v1/`) + 3);
      addToHistory(localStorage, {
        id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        at: new Date().toISOString(),
        request,
        method: outgoing.method,
        path,
        status: response.status,
        milliseconds: Math.round(response.milliseconds),
      });
      refreshHistory();
      refreshSandboxViews();
    } catch (error) {
      renderError(output, error);
    } finally {
      button.disabled = false;
    }
  });

  part('share').addEventListener('click', async () => {
    const link = new URL(shareFragment(readForm(form, current)), location.href).href;
    history.replaceState(null, '', link);
    const field = part('share-link') as HTMLInputElement;
    field.value = link;
    part('share-field').hidden = false;
    try {
      await navigator.clipboard.writeText(link);
      announce('Share link copied. It holds this request and its test key, nothing else.');
    } catch {
      field.select();
      announce('Copy the share link from the field below the buttons.');
    }
  });

  part('history-clear').addEventListener('click', () => {
    clearHistory(localStorage);
    refreshHistory();
    announce('History cleared.');
  });

  part('reset').addEventListener('click', async () => {
    const button = part('reset') as HTMLButtonElement;
    const status = part('reset-status');
    const key = keyInput.value.trim();
    button.disabled = true;
    try {
      const { resetSandboxKey } = await import('../../lib/playground/reset-key');
      await resetSandboxKey(key);
      refreshSandboxViews();
      status.textContent = `Done: the sandbox forgot everything stored for ${key}. The next request starts from the demo data.`;
    } catch (error) {
      status.textContent = `The sandbox could not be reset: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });

  // Another tab (or a Try it box elsewhere) may change the sandbox or the history.
  window.addEventListener('storage', () => {
    refreshSandboxViews();
    refreshHistory();
  });
  window.addEventListener('hashchange', () => {
    const shared = requestFromFragment(location.hash);
    if (shared && show(shared)) refreshSandboxViews();
  });

  const linked = operationFromFragment(location.hash);
  const linkedOperation = linked && operations.get(linked.join('/'));
  const shared = requestFromFragment(location.hash) ?? (linkedOperation ? exampleFor(linkedOperation) : undefined);
  const last = requestFromFragment(localStorage.getItem(LAST_KEY) ?? '');
  if (!(shared && show(shared)) && !(last && show(last))) show(exampleFor(current));
  if (shared) announce('This page was opened from a share link: the form holds the shared request.');
  root.dataset.ready = '';
  refreshHistory();
  refreshSandboxViews();
}
