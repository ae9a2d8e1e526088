/**
 * The request form's fields for one operation: built in the browser when the reader picks an operation, and read
 * back into a {@link PlaygroundRequest} for sending, history and share links.
 */
import type { CatalogOperation } from '../../lib/playground/catalog';
import { valueName, type PlaygroundRequest } from '../../browser/playground/request';
import { el } from './dom';

/** A fresh Idempotency-Key in one click: sending twice with it shows a replay, changing the body then a 409. */
function newKeyButton(input: HTMLInputElement): HTMLButtonElement {
  const button = el(
    'button',
    { type: 'button', class: 'pg-button pg-button--small sandbox-button' },
    'New Idempotency-Key',
  );
  button.addEventListener('click', () => {
    input.value = crypto.randomUUID();
    input.focus();
  });
  return button;
}

export function fillForm(form: HTMLFormElement, operation: CatalogOperation, request: PlaygroundRequest): void {
  const controls = form.elements;
  (controls.namedItem('operation') as HTMLSelectElement).value = `${operation.api}/${operation.id}`;
  (controls.namedItem('key') as HTMLInputElement).value = request.key;
  form.querySelector('[data-method]')!.textContent = operation.method;
  form.querySelector('[data-route]')!.textContent = `/sandbox/${operation.root}${operation.path}`;

  const fields = form.querySelector<HTMLElement>('[data-fields]')!;
  const list = fields.querySelector<HTMLElement>('[data-field-list]')!;
  list.replaceChildren(
    ...operation.parameters.map((parameter) => {
      const name = valueName(parameter.in, parameter.name);
      const id = `pg-${name.replace(/[^A-Za-z0-9]/g, '-')}`;
      const input = el('input', {
        id,
        name,
        spellcheck: 'false',
        autocomplete: 'off',
        required: parameter.required,
        'aria-describedby': parameter.description ? `${id}-hint` : undefined,
      });
      input.value = request.values[name] ?? '';
      const where = `(${parameter.in}${parameter.required ? ', required' : ''})`;
      return el(
        'div',
        { class: 'pg-field request-field' },
        el('label', { for: id }, parameter.name, ' ', el('span', { class: 'pg-where' }, where)),
        input,
        ...(parameter.description ? [el('span', { class: 'pg-hint', id: `${id}-hint` }, parameter.description)] : []),
        ...(/^idempotency-key$/i.test(parameter.name) ? [newKeyButton(input)] : []),
      );
    }),
  );
  fields.hidden = operation.parameters.length === 0;

  const bodyField = form.querySelector<HTMLElement>('[data-body-field]')!;
  const body = controls.namedItem('body') as HTMLTextAreaElement;
  bodyField.hidden = operation.body === undefined;
  body.disabled = operation.body === undefined;
  body.value = request.body ?? '';
  body.rows = Math.min(16, Math.max(4, body.value.split('\n').length + 1));
  form.querySelector('[data-media-type]')!.textContent = operation.mediaType ?? '';
}

export function readForm(form: HTMLFormElement, operation: CatalogOperation): PlaygroundRequest {
  const data = new FormData(form);
  const values: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const name = valueName(parameter.in, parameter.name);
    values[name] = String(data.get(name) ?? '');
  }
  const body = data.get('body');
  return {
    api: operation.api,
    operation: operation.id,
    key: String(data.get('key') ?? '').trim(),
    values,
    ...(operation.body === undefined || body === null ? {} : { body: String(body) }),
  };
}
