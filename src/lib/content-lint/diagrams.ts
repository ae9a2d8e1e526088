import { countNewlines } from './mdast.ts';
import { openingTags } from './opening-tags.ts';
import type { Problem } from './problem.ts';

/**
 * A diagram component's `<svg>` must be an image with a title and a description, inside a captioned figure. A diagram
 * drawn inside `<Diagram>` (Diagram.astro) gets that frame from it, so it only has to give the frame its texts.
 */
export function checkDiagram(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  // Skip the component script between the `---` fences, keeping line numbers.
  const fence = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(source);
  const template = fence ? source.slice(fence[0].length) : source;
  const lineAt = (index: number) => countNewlines(source.slice(0, (fence?.[0].length ?? 0) + index)) + 1;
  const svgs = openingTags(template, 'svg');
  for (const svg of svgs) {
    const report = (message: string) => problems.push({ file, line: lineAt(svg.index), message });
    const close = template.indexOf('</svg>', svg.end);
    const inside = template.slice(svg.end, close === -1 ? undefined : close);
    if (svg.attributes.get('role') !== 'img') report('<svg> needs role="img"');
    const labelledBy = svg.attributes.get('aria-labelledby');
    const references = new Set(labelledBy ? splitIdList(labelledBy) : []);
    if (labelledBy === undefined) report('<svg> needs aria-labelledby naming its <title> and <desc>');
    for (const tag of ['title', 'desc']) {
      const element = openingTags(inside, tag)[0];
      if (!element) report(`<svg> has no <${tag}>`);
      else if (labelledBy !== undefined) {
        const id = element.attributes.get('id');
        if (id === undefined) report(`<${tag}> inside the <svg> needs an id for aria-labelledby`);
        else if (!references.has(id)) report(`aria-labelledby does not reference the <${tag}> (id ${id})`);
      }
    }
  }
  if (svgs.length > 0 && openingTags(template, 'figcaption').length === 0)
    problems.push({ file, line: lineAt(svgs[0]?.index ?? 0), message: 'diagram has no <figcaption>' });
  for (const frame of openingTags(template, 'Diagram'))
    for (const prop of FRAME_TEXTS) {
      const value = frame.attributes.get(prop);
      if (value === undefined || !value.trim())
        problems.push({ file, line: lineAt(frame.index), message: `<Diagram> needs a non-empty ${prop}` });
    }
  return problems;
}

/** The props Diagram.astro turns into the `<title>`, the `<desc>` and the `<figcaption>`. */
const FRAME_TEXTS = ['title', 'description', 'caption'] as const;

/** `a b`, `${titleId} ${descId}` → the ids, keeping `${…}` parts (which may hold spaces) whole. */
const splitIdList = (value: string): string[] => value.match(/(?:\$\{[^}]*\}|[^\s$]|\$(?!\{))+/g) ?? [];
