/** The history panel: one button per sent request that puts it back into the form. */
import type { HistoryEntry } from '../../browser/playground/history';
import { el, time } from './dom';

export function renderHistory(list: HTMLElement, entries: HistoryEntry[], open: (entry: HistoryEntry) => void): void {
  list.replaceChildren(
    ...entries.map((entry) => {
      const button = el(
        'button',
        { type: 'button', class: 'pg-history__open field-button' },
        el('span', { class: 'http-method' }, entry.method),
        ' ',
        el('code', {}, entry.path),
        ' ',
        el('span', { class: 'pg-history__status', 'data-status': String(entry.status) }, String(entry.status)),
      );
      button.addEventListener('click', () => open(entry));
      return el('li', {}, button, ' ', el('span', { class: 'pg-muted' }, 'sent at ', time(entry.at)));
    }),
  );
  list.hidden = entries.length === 0;
}
