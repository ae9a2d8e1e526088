/** Loaded on click by the Reset button: forget every key's sandbox state in this browser. */
import { startBrowserSandbox } from '../../mocks/browser.ts';

export async function resetSandbox(): Promise<void> {
  const sandbox = await startBrowserSandbox(import.meta.env.BASE_URL);
  sandbox.reset();
}
