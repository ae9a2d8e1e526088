/**
 * Names for the controls Scalar renders without one (decision 0005), as they appear, also in parts Scalar renders
 * later: screen readers would announce them as a bare "button" or "combo box", and axe reports them.
 * - Copy buttons show their words only on hover, so in between they have no name.
 * - The code-style inputs of the authentication panel (token URL, client id) are comboboxes whose `<label for>`
 *   points at their wrapper, not at them, and that lack the `aria-expanded` their role requires.
 * - The icon-only toggle of the OAuth 2 scope list.
 * - Links in the document's header (its `externalDocs`), whose words are hidden on narrow layouts.
 */
export function nameScalarControls(root: HTMLElement): void {
  const name = () => {
    for (const button of root.querySelectorAll('button[class*="copy-button"]:not([aria-label])'))
      button.setAttribute('aria-label', 'Copy to clipboard');
    for (const editor of root.querySelectorAll<HTMLElement>('[role="combobox"][contenteditable]')) {
      if (!editor.hasAttribute('aria-expanded')) editor.setAttribute('aria-expanded', 'false');
      if (editor.hasAttribute('aria-label') || editor.hasAttribute('aria-labelledby')) continue;
      const wrapper = editor.parentElement?.id;
      const label = wrapper ? root.querySelector(`label[for="${CSS.escape(wrapper)}"]`) : null;
      const text = label?.textContent?.trim() || editor.dataset['placeholder'];
      if (text) editor.setAttribute('aria-label', text);
    }
    for (const toggle of root.querySelectorAll('button[id^="headlessui-disclosure-button"]:not([aria-label])')) {
      if (toggle.textContent?.trim()) continue;
      const scopes = toggle.parentElement?.parentElement?.parentElement?.textContent?.includes('Scopes');
      toggle.setAttribute('aria-label', scopes ? 'Show or hide the scopes' : 'Show or hide details');
    }
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[class*="narrow:border"]:not([aria-label])'))
      link.setAttribute('aria-label', link.textContent?.trim() || link.href);
  };
  name();
  new MutationObserver(name).observe(root, { childList: true, subtree: true });
}
