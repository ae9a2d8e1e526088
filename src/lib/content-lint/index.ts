/**
 * Content quality rules for the articles in `src/content/docs/`: prose length, paragraph length, heading order,
 * links (internal ones resolve, external ones are https), alt text, sandbox references, article structure and unique frontmatter.
 *
 * Everything here is pure: pages come in as source text and come out as problems (`file:line: message`), so the
 * rules are unit-testable on small strings. Reading the files is the caller's job (see `tests/content.test.ts`).
 * Pages are parsed by `../mdx-tree.ts` with satteri, the parser the site builds with and the Markdown twins are made
 * from, so paragraphs, headings and component tags are exactly what readers get, with real line numbers.
 */
export { formatProblem, type Problem } from './problem.ts';
export type { MdNode } from './mdast.ts';
export { parsePage, routeFor, type Page } from './page.ts';
export { countSentences, countWords, splitSentences } from './sentences.ts';
export { checkParagraphs, checkWordCount, proseWordCount } from './prose-length.ts';
export { anchorsOf, checkHeadings } from './headings.ts';
export { indexSpec, type Site, type SpecIndex } from './site.ts';
export { checkLinks, checkLinkTarget, linksOf } from './links.ts';
export { checkImages } from './alt-text.ts';
export { checkDiagram } from './diagrams.ts';
export { openingTags, parseAttributes } from './opening-tags.ts';
export { walkthroughSteps } from './walkthrough-steps.ts';
export { checkSandboxReferences } from './sandbox-references.ts';
export { checkArticleStructure, type StructureOptions } from './article-structure.ts';
export { checkUniqueFrontmatter } from './unique-frontmatter.ts';
