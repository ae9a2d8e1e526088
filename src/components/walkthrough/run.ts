import type { PreparedStep } from '../../lib/walkthrough/prepare';
import { stepRequest } from './request';
import type { Taken } from './templates';

/** Wire one walkthrough: each step runs the steps before it when they have not run yet. */
export function setUpWalkthrough(root: HTMLElement): void {
  const steps = JSON.parse(root.querySelector('[data-steps]')!.textContent!) as PreparedStep[];
  const answers: unknown[] = [];
  const key = root.dataset.key!;

  async function run(number: number): Promise<boolean> {
    for (let n = answers.length + 1; n < number; n++) if (!(await run(n))) return false;
    const step = steps[number - 1]!;
    const output = root.querySelector<HTMLElement>(`[data-step="${number}"] [data-answer]`)!;
    output.textContent = 'Sending…';
    // The renderer, like the sandbox, loads on the first run, as in Try it: a reader who only reads pays for neither.
    const renderer = import('../try-it/render');
    try {
      const taken: Taken[] = [];
      const { sendToSandbox } = await import('../../browser/sandbox-client');
      const { renderResponse } = await renderer;
      const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
      const response = await sendToSandbox(stepRequest(step, answers, taken, key, base));
      renderResponse(output, response);
      if (taken.length > 0) {
        const list = document.createElement('ul');
        list.className = 'walkthrough__taken';
        for (const { from, value } of taken) {
          const item = document.createElement('li');
          item.textContent = `Took ${from}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
          list.append(item);
        }
        output.prepend(list);
      }
      if (response.status >= 400) return false;
      answers[number - 1] = JSON.parse(response.body || 'null');
      answers.length = number;
      return true;
    } catch (error) {
      try {
        (await renderer).renderError(output, error);
      } catch {
        // Offline, the renderer may not load either: say it in plain text.
        output.textContent = `The request could not be sent: ${(error as Error).message}`;
      }
      return false;
    }
  }

  root.querySelectorAll<HTMLButtonElement>('[data-run]').forEach((button) => {
    button.addEventListener('click', async () => {
      button.disabled = true;
      await run(Number(button.dataset.run));
      button.disabled = false;
    });
  });
  root.querySelector<HTMLButtonElement>('[data-run-all]')!.addEventListener('click', async (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    answers.length = 0;
    await run(steps.length);
    button.disabled = false;
  });
}
