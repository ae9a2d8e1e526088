import { describe, expect, test } from 'vitest';
import { seoFrontmatter } from '../seo-frontmatter';

const valid = {
  title: 'What is backend integration?',
  description:
    'Learn what backend integration means, how a server connects an app to outside services, and why secret keys stay on the server side.',
  updated: '2026-11-25',
};

function messages(data: Record<string, unknown>): string[] {
  const result = seoFrontmatter.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('SEO frontmatter rules', () => {
  test('a page that follows every rule passes and gets a real date', () => {
    const parsed = seoFrontmatter.parse(valid);
    expect(parsed.updated).toEqual(new Date('2026-11-25'));
  });

  test.each([
    ['a 61-character title', { title: 'x'.repeat(61) }, 'title: SEO rule: the `title` is 61 characters; keep it to 60'],
    ['an empty title', { title: '   ' }, 'title: SEO rule: the `title` must not be empty'],
    ['a missing description', { description: undefined }, 'description: SEO rule: every page needs a `description`'],
    [
      'a 109-character description',
      { description: 'd'.repeat(109) },
      'description: SEO rule: the `description` is 109 characters; write at least 110',
    ],
    [
      'a 161-character description',
      { description: 'd'.repeat(161) },
      'description: SEO rule: the `description` is 161 characters; keep it to 160',
    ],
    ['a missing updated date', { updated: undefined }, 'updated: SEO rule: every page needs an `updated` date'],
    [
      'an updated date that is not a date',
      { updated: 'last week' },
      'updated: SEO rule: every page needs an `updated` date',
    ],
  ])('%s is rejected with a message that names the rule', (_case, override, expected) => {
    const found = messages({ ...valid, ...override });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  test.each([
    ['a 60-character title', { title: 't'.repeat(60) }],
    ['a 110-character description', { description: 'd'.repeat(110) }],
    ['a 160-character description', { description: 'd'.repeat(160) }],
  ])('%s is accepted (limits are inclusive)', (_case, override) => {
    expect(messages({ ...valid, ...override })).toEqual([]);
  });
});
