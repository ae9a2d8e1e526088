/** Loaded on click by a Reset button: forget one key's sandbox state in this browser, or every key's. */
import { startBrowserSandbox } from '../../mocks/browser.ts';

export async function resetSandbox(sandboxKey?: string): Promise<void> {
  const sandbox = await startBrowserSandbox(import.meta.env.BASE_URL);
  sandbox.reset(sandboxKey);
}
