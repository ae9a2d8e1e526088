/**
 * The playground page's script. The page lists the APIs only: an API's operation catalogue is fetched when the reader
 * picks it, or when a shared link, the last request or the history restores one of its requests. The sandbox (MSW,
 * the core and the one API called) is imported only when the reader sends a request or resets; looking at history,
 * events and state reads localStorage directly.
 */
import type { CatalogOperation } from '../../lib/playground/catalog';
import { catalogSource } from '../../browser/playground/catalog-source';
import { addToHistory, clearHistory, readHistory } from '../../browser/playground/history';
import { READER_KEY } from '../../browser/playground/key-slot';
import { exampleFor, outgoingRequest, type PlaygroundRequest } from '../../browser/playground/request';
import { inbox, storedApis } from '../../browser/playground/sandbox-state';
import { operationFromFragment, requestFromFragment, shareFragment } from '../../browser/playground/share-link';
import { renderError, renderResponse } from '../try-it/render';
import { renderInbox } from './event-inbox';
import { fillForm, readForm } from './form-fields';
import { renderHistory } from './history-list';
import { fillMenu, menuApis, menuValue } from './operation-menu';
import { renderState } from './state-view';

const LAST_KEY = 'engine-room:playground:last';
const DEFAULT_OPERATION = ['payments', 'createPaymentIntent'] as const;
const root = document.querySelector<HTMLElement>('[data-playground]');
if (root) start(root);

function start(root: HTMLElement) {
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-${name}]`)!;
  const form = part('form') as HTMLFormElement;
  const select = form.elements.namedItem('operation') as HTMLSelectElement;
  const keyInput = form.elements.namedItem('key') as HTMLInputElement;
  const announce = (text: string) => (part('form-status').textContent = text);
  const apis = menuApis(select);
  const catalogOf = catalogSource(import.meta.env.BASE_URL);
  const operations = new Map<string, CatalogOperation>();
  let current: CatalogOperation | undefined;
  // Only the latest pick may fill the form, however the fetches of earlier picks finish.
  let latest = 0;

  /** The operation, once its API's catalogue is here (fetched on first use), or undefined when there is none. */
  async function operationOf(api: string, id: string): Promise<CatalogOperation | undefined> {
    if (!apis.includes(api)) return undefined;
    const catalog = await catalogOf(api);
    fillMenu(select, catalog);
    for (const operation of catalog.operations) operations.set(`${api}/${operation.id}`, operation);
    return id ? operations.get(`${api}/${id}`) : catalog.operations[0];
  }

  /**
   * Put a request for one operation into the form (`id` empty: the API's first operation); false when the API or
   * the operation does not exist or its catalogue could not be loaded, which the status line then says.
   */
  async function place(
    api: string,
    id: string,
    requestFor: (operation: CatalogOperation) => PlaygroundRequest,
  ): Promise<boolean> {
    const ticket = ++latest;
    let operation: CatalogOperation | undefined;
    try {
      operation = await operationOf(api, id);
    } catch (error) {
      if (ticket === latest) {
        announce(`${(error as Error).message} Pick the API again to retry.`);
        if (current) select.value = `${current.api}/${current.id}`;
      }
      return false;
    }
    if (!operation || ticket !== latest) return false;
    current = operation;
    fillForm(form, operation, requestFor(operation));
    for (const name of ['send', 'example', 'share']) (part(name) as HTMLButtonElement).disabled = false;
    return true;
  }
  const show = (request: PlaygroundRequest) => place(request.api, request.operation, () => request);
  const showExample = (api: string, id: string) =>
    place(api, id, (operation) => exampleFor(operation, keyInput.value.trim() || READER_KEY));

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
    renderHistory(part('history-list'), entries, async (entry) => {
      if (!(await show(entry.request))) return;
      refreshSandboxViews();
      announce(`Restored ${entry.method} ${entry.path} from your history. Edit it or send it again.`);
      select.focus();
    });
    part('history-empty').hidden = entries.length > 0;
    part('history-clear').hidden = entries.length === 0;
  }

  select.addEventListener('change', async () => {
    const [api, id] = menuValue(select.value);
    // An API's own entry: its operations arrive with its catalogue, and the form takes the first one's example.
    if (!id) announce(`Loading the operations of the ${api} API…`);
    if ((await showExample(api, id)) && !id) announce(`The ${api} API's operations are in the menu.`);
  });
  keyInput.addEventListener('change', refreshSandboxViews);
  part('example').addEventListener('click', async () => {
    if (current && (await showExample(current.api, current.id))) announce('The form holds the spec’s example again.');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!current) return;
    const operation = current;
    const request = readForm(form, operation);
    const output = part('response');
    const button = part('send') as HTMLButtonElement;
    button.disabled = true;
    output.textContent = 'Sending…';
    // Kept as a share fragment: the same validation on the way back in, and no non-test key is ever stored.
    localStorage.setItem(LAST_KEY, shareFragment(request));
    try {
      const { sendToSandbox } = await import('../../browser/sandbox-client');
      const outgoing = outgoingRequest(operation, request, import.meta.env.BASE_URL);
      const response = await sendToSandbox(outgoing);
      renderResponse(output, response);
      const path = outgoing.url.slice(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sandbox`.length);
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
    if (!current) return;
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
      const { resetSandbox } = await import('../../browser/sandbox-reset');
      await resetSandbox(key);
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
  window.addEventListener('hashchange', async () => {
    const shared = requestFromFragment(location.hash);
    if (shared && (await show(shared))) refreshSandboxViews();
  });

  refreshHistory();
  refreshSandboxViews();
  void restore().then(() => (root.dataset.ready = ''));

  /** A shared link first, then the last request sent from this browser, then the default example. */
  async function restore() {
    const shared = requestFromFragment(location.hash);
    const linked = operationFromFragment(location.hash);
    const last = requestFromFragment(localStorage.getItem(LAST_KEY) ?? '');
    if (shared && (await show(shared))) {
      announce('This page was opened from a share link: the form holds the shared request.');
      return;
    }
    if (linked && (await showExample(...linked))) return;
    if (last && (await show(last))) return;
    if (await showExample(...DEFAULT_OPERATION)) return;
    if (apis[0]) await showExample(apis[0], '');
  }
}
