import { z } from 'astro/zod';

/** Search engines show roughly this many characters of a title before cutting it off. */
export const TITLE_MAX = 60;
/** Descriptions shorter than this waste the result snippet; longer ones are cut off. */
export const DESCRIPTION_MIN = 110;
export const DESCRIPTION_MAX = 160;

const length = (input: unknown) => (typeof input === 'string' ? input.length : 0);

/**
 * SEO rules every page's frontmatter must follow, on top of Starlight's own schema. Each message names the rule and
 * the fix, because Astro prints it next to the file that broke it.
 */
export const seoFrontmatter = z.object({
  /** The page title: shown in the browser tab, in search results and as the page's `<h1>`. */
  title: z
    .string({ error: 'SEO rule: every page needs a `title`.' })
    .trim()
    .min(1, { error: 'SEO rule: the `title` must not be empty.' })
    .max(TITLE_MAX, {
      error: (issue) =>
        `SEO rule: the \`title\` is ${length(issue.input)} characters; keep it to ${TITLE_MAX} or fewer so search results show it whole.`,
    }),
  /** The summary that search engines and social cards show under the title. */
  description: z
    .string({
      error: `SEO rule: every page needs a \`description\` of ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters for search results.`,
    })
    .trim()
    .min(DESCRIPTION_MIN, {
      error: (issue) =>
        `SEO rule: the \`description\` is ${length(issue.input)} characters; write at least ${DESCRIPTION_MIN} so the search snippet says what the page offers.`,
    })
    .max(DESCRIPTION_MAX, {
      error: (issue) =>
        `SEO rule: the \`description\` is ${length(issue.input)} characters; keep it to ${DESCRIPTION_MAX} or fewer so search results do not cut it off.`,
    }),
  /** When the content last changed in a way readers would care about (YYYY-MM-DD). */
  updated: z.coerce.date({
    error:
      'SEO rule: every page needs an `updated` date in the form YYYY-MM-DD, so readers and crawlers know how fresh it is.',
  }),
});

export type SeoFrontmatter = z.infer<typeof seoFrontmatter>;
