/**
 * Starlight's search UI, built when the reader heads for search instead of on every page view. Starlight's search
 * script imports `@pagefind/default-ui` on idle and calls `new PagefindUI(options)`; astro.config.mjs points that bare
 * name here, so every page loads this stand-in (under 1 kB) rather than Pagefind's UI (21 kB brotli, the largest
 * script of an article or operation page), which most page views never open.
 *
 * At the first sign of intent (pointer over or down on the search button, keyboard focus on it, Ctrl or ⌘ pressed for
 * the shortcut, the dialog opened) it loads the real UI with Starlight's options and, alongside, warms Pagefind
 * itself: the UI would load Pagefind only when its box gets focus, and Pagefind then fetches its script, its worker,
 * its entry, its metadata and its WebAssembly one after another, so a query typed at once waited for all of them.
 * Not on idle: warming adds some 90 kB (60 kB of it WebAssembly) that most page views never use.
 */

interface Pagefind {
  init(): Promise<void>;
  filters(): Promise<unknown>;
}

/** What Starlight passes: the container's selector, Pagefind's folder, and options for the UI itself. */
interface SearchOptions {
  element: string;
  bundlePath: string;
  [option: string]: unknown;
}

let building: Promise<void> | undefined;

/**
 * What the reader types into the open dialog before the UI is in (Ctrl K and straight to typing): kept and handed to
 * the box once it exists, so no keystroke is lost to the 21 kB still on its way.
 */
function bufferTyping(): { take: () => string; stop: () => void } {
  let typed = '';
  const controller = new AbortController();
  addEventListener(
    'keydown',
    (event) => {
      if (!document.querySelector('site-search dialog[open]') || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLInputElement) return;
      if (event.key === 'Backspace') typed = typed.slice(0, -1);
      else if (event.key.length === 1) typed += event.key;
    },
    { signal: controller.signal },
  );
  return { take: () => typed, stop: () => controller.abort() };
}

function build(options: SearchOptions, done: () => void): Promise<void> {
  // The real UI deletes the options it reads, so take what this module needs first.
  const { element, bundlePath } = options;
  // The URL the UI imports, so both share one Pagefind instance. A failed warm-up costs nothing: the UI loads
  // Pagefind itself when the box gets focus.
  (import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<Pagefind>)
    .then(async (pagefind) => {
      await pagefind.init();
      await pagefind.filters();
    })
    .catch(() => undefined);
  const typing = bufferTyping();
  return import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs').then(
    ({ PagefindUI: RealPagefindUI }) => {
      new RealPagefindUI(options);
      done();
      typing.stop();
      // Opened before the UI was in, the dialog focused nothing: give the box the focus Starlight meant it to have,
      // with whatever the reader typed meanwhile, searched as if typed there.
      const container = document.querySelector(element);
      const box = container?.querySelector('input');
      if (!box || !container?.closest('dialog')?.open) return;
      box.focus();
      const typed = typing.take();
      if (typed && !box.value) {
        box.value = typed;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    () => {
      // Offline, say: the next sign of intent tries again.
      typing.stop();
      building = undefined;
    },
  );
}

export class PagefindUI {
  constructor(options: SearchOptions) {
    const intent = new AbortController();
    const start = () => void (building ??= build(options, () => intent.abort()));
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-open-modal]')];
    // Starlight builds its UI on idle, so the reader may already be on the way.
    if (
      buttons.some((button) => button.matches(':hover, :focus')) ||
      document.querySelector('site-search dialog[open]')
    ) {
      start();
      return;
    }
    const listen = { passive: true, signal: intent.signal } as const;
    for (const button of buttons)
      for (const type of ['pointerenter', 'pointerdown', 'focus', 'click'] as const)
        button.addEventListener(type, start, listen);
    addEventListener(
      'keydown',
      (event) => {
        const shortcut = (event.ctrlKey || event.metaKey) && event.key === 'k';
        if (event.key === 'Control' || event.key === 'Meta' || shortcut) start();
      },
      listen,
    );
  }
}
