/**
 * A page can show a diagram more than once, and duplicate ids would break aria-labelledby and the arrow markers. A
 * per-request counter on `Astro.locals` (the same approach Starlight's Tabs use) keeps ids unique and the built HTML
 * deterministic, unlike random ids.
 */
const counterKey = Symbol.for('engine-room:diagram-instance-count');

/** A prefix for a diagram's ids that is unique on the page being rendered, such as `engine-room-diagram-2`. */
export function diagramId(locals: App.Locals, name: string): string {
  const counter = locals as App.Locals & { [counterKey]?: number };
  const instance = (counter[counterKey] = (counter[counterKey] ?? 0) + 1);
  return `${name}-${instance}`;
}

/** The id of the standard arrowhead marker that Diagram.astro defines for the diagram with this prefix. */
export const arrowId = (prefix: string): string => `${prefix}-arrow`;
