/**
 * llms.txt (https://llmstxt.org): the site's name, a one-line summary, then sections of links to the Markdown twins,
 * each with a short description, so that a language model can find the page it needs without parsing HTML.
 */

export interface LlmsLink {
  title: string;
  url: string;
  description?: string | undefined;
}

export interface LlmsSection {
  heading: string;
  links: LlmsLink[];
}

export interface LlmsTxt {
  name: string;
  summary: string;
  details: string;
  sections: LlmsSection[];
}

export function llmsTxt({ name, summary, details, sections }: LlmsTxt): string {
  const out = [`# ${name}`, '', `> ${oneLine(summary)}`, '', details.trim(), ''];
  for (const section of sections) {
    if (section.links.length === 0) continue;
    out.push(`## ${section.heading}`, '');
    for (const link of section.links) {
      const description = link.description ? `: ${oneLine(link.description)}` : '';
      out.push(`- [${link.title.replace(/[[\]]/g, '')}](${link.url})${description}`);
    }
    out.push('');
  }
  return out.join('\n').trim() + '\n';
}

/** Several Markdown documents as one, each kept whole and set apart by a rule. */
export const concatenated = (documents: readonly string[]): string =>
  documents.map((document) => document.trim()).join('\n\n---\n\n') + '\n';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
