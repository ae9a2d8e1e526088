/**
 * The event inbox: every webhook the sandbox signed for this key, with its Standard Webhooks headers and a form that
 * verifies the signature in the browser, the way the reader's own server would.
 */
import type { InboxEntry } from '../../browser/playground/sandbox-state';
import { checkSignature } from '../../browser/playground/signature';
import { el, time } from './dom';

const SIGNED = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

export function renderInbox(list: HTMLElement, entries: InboxEntry[]): void {
  list.replaceChildren(...entries.map(eventEntry));
  list.hidden = entries.length === 0;
}

function eventEntry(entry: InboxEntry): HTMLElement {
  const id = `pg-event-${entry.id}`;
  const headers = el('dl', { class: 'pg-headers' });
  for (const name of SIGNED)
    headers.append(el('dt', {}, name), el('dd', {}, el('code', {}, entry.headers[name] ?? '')));

  const secret = el('input', { id: `${id}-secret`, spellcheck: 'false', autocomplete: 'off' });
  secret.value = entry.secret;
  const payload = el('textarea', { id: `${id}-payload`, rows: '6', spellcheck: 'false' });
  payload.value = entry.body;
  const result = el('p', { role: 'status', class: 'pg-verdict' });
  const verify = el('button', { type: 'button', class: 'sandbox-run' }, 'Verify signature');
  verify.addEventListener('click', async () => {
    const check = await checkSignature({
      secret: secret.value,
      id: entry.headers['webhook-id'] ?? '',
      timestamp: entry.headers['webhook-timestamp'] ?? '',
      body: payload.value,
      signature: entry.headers['webhook-signature'] ?? '',
    });
    result.dataset.valid = String(check.valid);
    result.replaceChildren(
      el('strong', {}, check.valid ? 'Signature valid' : 'Signature invalid'),
      check.valid ? ': the body is exactly what the sandbox signed with this secret.' : `: ${check.reason}`,
      ...(check.expected ? [el('br'), 'Computed: ', el('code', {}, check.expected)] : []),
    );
  });

  return el(
    'li',
    {},
    el(
      'details',
      { class: 'pg-event request-controls' },
      el(
        'summary',
        {},
        el('code', {}, entry.type),
        ' ',
        el('span', { class: 'pg-muted' }, `from ${entry.api}, `, time(entry.created_at)),
      ),
      el('p', { class: 'pg-label' }, 'Signature headers'),
      headers,
      el(
        'label',
        { class: 'pg-field request-field', for: `${id}-secret` },
        'Signing secret (your endpoint would keep it private)',
      ),
      secret,
      el(
        'label',
        { class: 'pg-field request-field', for: `${id}-payload` },
        'Payload, exactly as delivered (edit it to see the check fail)',
      ),
      payload,
      verify,
      result,
    ),
  );
}
