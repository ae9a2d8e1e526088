/** Loaded on click by the playground's Reset button: forget one key's sandbox state in this browser. */
import { startBrowserSandbox } from '../../../mocks/browser.ts';

export async function resetSandboxKey(key: string): Promise<void> {
  const sandbox = await startBrowserSandbox(import.meta.env.BASE_URL);
  sandbox.reset(key);
}
