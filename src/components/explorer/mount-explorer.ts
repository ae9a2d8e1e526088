/**
 * Mounts Scalar's explorer for one API. The sandbox starts first, and Scalar mounts only once the Service Worker
 * answers, so no request the reader sends can slip past it to the site's host. Scalar's code and the sandbox's are
 * fetched at the same time, as chunks of their own, while this small module runs.
 */
import { config as zodConfig } from 'zod/v4/core';
import { scalarConfiguration, type ColourMode } from '../../browser/explorer/scalar-config.ts';
import { nameScalarControls } from './scalar-names.ts';

const colourMode = (): ColourMode => (document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light');

export async function mountExplorer(frame: HTMLElement, status: HTMLElement): Promise<void> {
  // Scalar validates with zod, which probes for eval with `Function('')` unless told not to. Our policy forbids eval,
  // so the probe would log a policy violation on every visit; zod's jitless mode skips it (one shared zod instance).
  zodConfig({ jitless: true });
  const api = frame.dataset['api']!;
  const base = frame.dataset['base'] ?? '/';
  status.textContent = 'Starting the in-browser sandbox…';
  const scalar = import('@scalar/api-reference');
  const browserSandbox = import('../../../mocks/browser.ts');
  let sandbox;
  try {
    sandbox = await (await browserSandbox).startBrowserSandbox(base);
  } catch (error) {
    status.textContent = `${(error as Error).message} The explorer can show the API but cannot send requests.`;
    status.dataset['state'] = 'error';
  }
  if (sandbox) status.textContent = 'Sandbox ready. Loading the explorer…';
  // Only this explorer's API is loaded: the sandbox registers the others but never fetches them here.
  const document_ = sandbox ? (await sandbox.load(api)).document : await specWithoutSandbox(api);
  const { createApiReference } = await scalar;
  const options = { api, document: document_, origin: location.origin, base };
  const reference = createApiReference(frame, scalarConfiguration({ ...options, colourMode: colourMode() }));
  nameScalarControls(frame);
  if (sandbox) {
    status.textContent = 'Explorer ready: requests you send here are answered by the sandbox in this tab.';
    status.dataset['state'] = 'ready';
  }

  // Follow the site's theme: a switch in another tab arrives as a storage event, "auto" follows the system.
  new MutationObserver(() => {
    const mode = colourMode();
    reference.updateConfiguration(scalarConfiguration({ ...options, colourMode: mode }));
    // Scalar reads its colour mode once, at mount; a later configuration leaves its body classes as they were.
    document.body.classList.toggle('dark-mode', mode === 'dark');
    document.body.classList.toggle('light-mode', mode === 'light');
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const system = matchMedia('(prefers-color-scheme: light)');
  const applySiteTheme = () => {
    document.documentElement.dataset['theme'] = localStorage.getItem(THEME_KEY) || (system.matches ? 'light' : 'dark');
  };
  addEventListener('storage', (event) => {
    if (event.key === THEME_KEY) applySiteTheme();
  });
  system.addEventListener('change', applySiteTheme);
}

/** Where Starlight's theme picker keeps the reader's choice ('light', 'dark', or empty for the system's). */
const THEME_KEY = 'starlight-theme';

/** Without a sandbox the spec still ships with the site (one chunk per API), so the reference stays readable. */
async function specWithoutSandbox(api: string) {
  const { specLoaders } = await import('../../../mocks/generated/spec-loaders.ts');
  const load = specLoaders[api];
  if (!load) throw new Error(`No spec for the API "${api}"`);
  return load();
}
