/**
 * Values that one walkthrough step takes from the answers of earlier steps: `{{1.id}}` is the `id` in step 1's
 * response body, `{{2.data.0.location}}` a nested value. A string that is a single placeholder takes the value with
 * its type (an object stays an object); placeholders inside longer strings are written in as text. Here beside the
 * browser half, not in src/lib/: the reader's browser resolves them, and the build's check
 * (src/lib/walkthrough/prepare.ts) only reads which steps they name.
 */
const PLACEHOLDER = /\{\{\s*(\d+)((?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;
const WHOLE = /^\{\{\s*(\d+)((?:\.[A-Za-z0-9_-]+)+)\s*\}\}$/;

export interface Taken {
  /** Where the value came from, as the reader sees it: `step 1 → id`. */
  from: string;
  value: unknown;
}

/** The steps a template refers to, for checking at build time that it only looks back. */
export function referencedSteps(template: unknown): number[] {
  const text = JSON.stringify(template ?? null);
  return [...text.matchAll(PLACEHOLDER)].map((match) => Number(match[1]));
}

export function resolve(template: unknown, answers: readonly unknown[], taken: Taken[] = []): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return lookup(Number(whole[1]), whole[2]!, answers, taken);
    return template.replace(PLACEHOLDER, (_, step: string, path: string) => {
      const value = lookup(Number(step), path, answers, taken);
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(template)) return template.map((item) => resolve(item, answers, taken));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, resolve(value, answers, taken)]));
  }
  return template;
}

function lookup(step: number, path: string, answers: readonly unknown[], taken: Taken[]): unknown {
  const keys = path.split('.').filter(Boolean);
  let value: unknown = answers[step - 1];
  if (value === undefined) throw new Error(`Step ${step} has not been run yet.`);
  for (const key of keys) {
    if (value === null || typeof value !== 'object') {
      throw new Error(`Step ${step}'s answer has no ${keys.join('.')}.`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) throw new Error(`Step ${step}'s answer has no ${keys.join('.')}.`);
  taken.push({ from: `step ${step} → ${keys.join('.')}`, value });
  return value;
}
