/** A Try it form's fields, read into the request they describe (path and query filled in, headers, body). */
export interface FormRequest {
  /** Where the API's sandbox lives under the sandbox's root: its name and its server's path (`payments/v1`). */
  root: string;
  method: string;
  /** The path under the API's server, with path parameters filled in and the query string appended. */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

export function requestFromForm(form: HTMLFormElement): FormRequest {
  const fields = new FormData(form);
  let path = form.dataset['path']!;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const [name, value] of fields) {
    const text = String(value);
    if (name.startsWith('path:')) path = path.replace(`{${name.slice(5)}}`, encodeURIComponent(text));
    if (name.startsWith('query:') && text !== '') query.append(name.slice(6), text);
    if (name.startsWith('header:') && text !== '') headers[name.slice(7)] = text;
  }
  headers['authorization'] = `Bearer ${String(fields.get('key') ?? '')}`;
  const body = fields.get('body');
  if (body !== null && form.dataset['mediaType']) headers['content-type'] = form.dataset['mediaType'];
  const search = query.toString();
  return {
    root: form.dataset['root']!,
    method: form.dataset['method']!,
    target: `${path}${search ? `?${search}` : ''}`,
    headers,
    ...(body === null ? {} : { body: String(body) }),
  };
}
