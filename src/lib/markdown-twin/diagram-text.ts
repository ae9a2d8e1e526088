/**
 * The texts a diagram component gives screen readers (its title, description and caption), read from the
 * component's source so that the Markdown twin says exactly what the drawing's accessible text says.
 */
import { readFileSync } from 'node:fs';
import type { DiagramText } from './components';

export function diagramTextOf(componentSource: string): DiagramText | undefined {
  const field = (name: string) => {
    const match = new RegExp(`const ${name}\\s*=\\s*(['"\`])([\\s\\S]*?)\\1;`).exec(componentSource);
    return match ? match[2]!.replace(/\s+/g, ' ').trim() : undefined;
  };
  const title = field('title');
  const description = field('description');
  if (!title || !description) return undefined;
  return { title, description, caption: field('caption') };
}

export function readDiagramText(file: string): DiagramText | undefined {
  try {
    return diagramTextOf(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
