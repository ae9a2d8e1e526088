/** The sandbox state viewer: what each API stored for the current key, summarised, with the full JSON on demand. */
import type { StoredApi } from '../../browser/playground/sandbox-state';
import { codeBlock, el } from './dom';

export function renderState(list: HTMLElement, stored: StoredApi[]): void {
  list.replaceChildren(
    ...stored.map(({ api, state }) =>
      el(
        'li',
        {},
        el(
          'details',
          { class: 'pg-state' },
          el('summary', {}, el('strong', {}, api), ': ', summary(state.data, state.events.length)),
          codeBlock(JSON.stringify(state.data, null, 2), `Resources stored by the ${api} API`),
        ),
      ),
    ),
  );
  list.hidden = stored.length === 0;
}

function summary(data: unknown, events: number): string {
  const counts = Object.entries((data ?? {}) as Record<string, unknown>)
    .filter(([, value]) => Array.isArray(value))
    .map(([name, value]) => `${(value as unknown[]).length} ${words(name)}`);
  return [...counts, `${events} events`].join(', ');
}

// Handlers name their collections in code style (paymentIntents, web_hooks); readers get words.
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
