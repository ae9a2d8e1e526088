/** A tiny element builder for the playground's panels: text is always set as text, never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

export function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A scrolling block of code that keyboard users can reach and screen readers can name. */
export const codeBlock = (text: string, label: string) =>
  el('pre', { class: 'pg-code sandbox-answer', tabindex: '0', 'aria-label': label }, text);

export const time = (iso: string) =>
  el('time', { datetime: iso }, new Date(iso).toLocaleTimeString(undefined, { hour12: false }));
