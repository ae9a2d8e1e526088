import { ProblemError } from '../../core/problem.ts';
import type { FieldError } from '../../core/validate.ts';
import type { components } from '../../generated/types/messaging.ts';

type Template = components['schemas']['Template'];

/*
 * `{{ name }}` with a name that could be a variable: letters, digits and underscores, not starting with a digit.
 * Anything else in braces (`{{ 1st }}`, `{{a-b}}`) is ordinary text, as the spec promises, so that a template can
 * talk about braces without breaking.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/** The placeholder names in the subject, then the body, each once, in order of first appearance. */
export function placeholdersOf(subject: string | null, body: string): string[] {
  const names = new Set<string>();
  for (const text of [subject ?? '', body]) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names];
}

export interface Rendered {
  subject: string | null;
  body: string;
}

/**
 * Fill a template's placeholders. Every missing value is reported at once, each at its own pointer, so that a form
 * can mark all the fields to fill in one go rather than one per attempt.
 */
export function render(template: Template, variables: Record<string, string> = {}): Rendered {
  const missing = template.variables.filter((name) => !Object.hasOwn(variables, name));
  if (missing.length > 0) {
    const errors: FieldError[] = missing.map((name) => ({
      pointer: `/body/variables/${name}`,
      detail: `is required by the template's {{${name}}} placeholder`,
    }));
    throw new ProblemError(422, `Template ${template.id} needs a value for every placeholder.`, { errors });
  }
  const fill = (text: string) => text.replace(PLACEHOLDER, (_match, name: string) => variables[name]!);
  return { subject: template.subject === null ? null : fill(template.subject), body: fill(template.body) };
}
