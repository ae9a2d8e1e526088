import { attribute, countNewlines, isJsx, lineOf, stringAttribute, walk } from './mdast.ts';
import type { Page } from './page.ts';
import type { Problem } from './problem.ts';

export function checkImages(page: Page): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file: page.file, line, message });
  walk(page.tree, (node) => {
    if ((node.type === 'image' || node.type === 'imageReference') && !node.alt?.trim())
      report(lineOf(node), `image ${node.url ?? ''} has no alt text; write ![what it shows](${node.url ?? ''})`);
    else if (isJsx(node) && node.name && ['img', 'Image', 'Picture'].includes(node.name)) {
      const alt = attribute(node, 'alt');
      const decorative =
        stringAttribute(node, 'aria-hidden') === 'true' ||
        ['presentation', 'none'].includes(stringAttribute(node, 'role') ?? '');
      const src = stringAttribute(node, 'src') ?? '';
      if (alt.kind === 'missing') report(lineOf(node), `<${node.name} src="${src}"> has no alt attribute`);
      else if (alt.kind === 'string' && !alt.value.trim() && !decorative)
        report(lineOf(node), `<${node.name} src="${src}"> has an empty alt; describe the image`);
    } else if (node.type === 'html') {
      for (const match of (node.value ?? '').matchAll(/<img\b[^>]*>/gi))
        if (!/\salt=["'][^"']*\S[^"']*["']/i.test(match[0]))
          report(lineOf(node) + countNewlines((node.value ?? '').slice(0, match.index)), `${match[0]} has no alt text`);
    }
  });
  return problems;
}
