import { plainText } from '../reference/meta';
import type { HowToStepInfo } from './json-ld';

/**
 * Articles that are step-by-step guides, and which of their second-level headings are the steps. The steps' text is
 * the first paragraph under each heading, so the structured data says what the page says.
 */
export const HOW_TO_ARTICLES: Readonly<Record<string, RegExp>> = {
  'guides/ride-hailing-walkthrough': /^(Step by step:|Run the whole)/,
};

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export function howToSteps(id: string, headings: readonly Heading[], markdown: string): HowToStepInfo[] {
  const isStep = HOW_TO_ARTICLES[id];
  if (!isStep) return [];
  const sections = markdownSections(markdown);
  return headings
    .filter((heading) => heading.depth === 2 && isStep.test(heading.text))
    .map((heading) => ({
      name: heading.text.replace(/^Step by step:\s*/, '').replace(/^./, (first) => first.toUpperCase()),
      text: sections.get(heading.text) ?? heading.text,
      anchor: heading.slug,
    }));
}

/** The first prose paragraph under each `## ` heading of a Markdown/MDX body, keyed by the heading's plain text. */
export function markdownSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const lines = markdown.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(lines[index]!);
    if (!heading) continue;
    const paragraph: string[] = [];
    for (let next = index + 1; next < lines.length; next++) {
      const line = lines[next]!.trim();
      if (line.startsWith('#')) break;
      // Components, imports, tables, lists and code are not the step's prose.
      const prose = line !== '' && !/^(<|\{|import |export |\||[-*+] |\d+\. |```)/.test(line);
      if (prose) paragraph.push(line);
      else if (paragraph.length > 0) break;
    }
    if (paragraph.length > 0) sections.set(plainText(heading[1]), plainText(paragraph.join(' ')));
  }
  return sections;
}
