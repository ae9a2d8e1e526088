/**
 * The "API and operation" menu. Each API starts as one entry (`<api>/`) that stands for its operations; once its
 * catalogue has been fetched, that entry is replaced by one option per operation.
 */
import type { CatalogApi } from '../../lib/playground/catalog';
import { el } from './dom';

export const menuApis = (select: HTMLSelectElement) =>
  [...select.querySelectorAll<HTMLOptGroupElement>('optgroup[data-api]')].map((group) => group.dataset['api']!);

/** `payments/createPaymentIntent` → ['payments', 'createPaymentIntent']; an API's own entry has an empty id. */
export function menuValue(value: string): [api: string, operation: string] {
  const slash = value.indexOf('/');
  return slash < 0 ? [value, ''] : [value.slice(0, slash), value.slice(slash + 1)];
}

export function fillMenu(select: HTMLSelectElement, catalog: CatalogApi): void {
  const group = [...select.querySelectorAll<HTMLOptGroupElement>('optgroup[data-api]')].find(
    (candidate) => candidate.dataset['api'] === catalog.api,
  );
  if (!group || group.dataset['loaded'] !== undefined) return;
  const selected = select.value;
  group.replaceChildren(
    ...catalog.operations.map((operation) =>
      el(
        'option',
        { value: `${catalog.api}/${operation.id}` },
        `${operation.method} ${operation.path}: ${operation.summary}`,
      ),
    ),
  );
  group.dataset['loaded'] = '';
  // Replacing the selected entry would move the selection; keep it where it was until the form says otherwise.
  if (select.value !== selected && [...select.options].some((option) => option.value === selected))
    select.value = selected;
}
