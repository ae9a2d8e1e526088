/** Sentence and word counts (content-lint/sentences.ts) and the prose-length rules built on them (prose-length.ts). */
import { describe, expect, test } from 'vitest';
import { checkParagraphs, countSentences, countWords, proseWordCount, splitSentences } from '../content-lint/index.ts';
import { messages, page } from './content-lint-fixtures.ts';

describe('countSentences', () => {
  test.each([
    ['One sentence.', 1],
    ['One. Two. Three.', 3],
    ['Is it? Yes! Good.', 3],
    ['No final mark at all', 1],
    ['', 0],
    ['Use a key, e.g. sk_test_abc. Then send it.', 2],
    ['That is, i.e. the key, what you send. Then wait.', 2],
    ['Compare REST vs. GraphQL. They differ.', 2],
    ['Amounts such as 19.99 or 0.5 stay whole. Right.', 2],
    ['Version 1.2.3 shipped. Then 2.0.1 followed.', 2],
    ['Wait for it... Then it arrives.', 1],
    ['The list goes on, etc. and on. Then it ends.', 2],
    ['Visit https://example.com/a.b?c=d. Then come back.', 2],
    ['Open example.com in a browser. It loads.', 2],
    ['She said "Is it paid?" and waited. Then she checked.', 2],
    ['It said "Thank you." Then it closed.', 2],
    ['Read ticket No. 5 first. Then the rest.', 2],
    ['Call Code first. Code then answers.', 2],
  ])('%j has %i', (text, count) => {
    expect(countSentences(text)).toBe(count);
  });

  test('splits at the right places', () => {
    expect(splitSentences('Send it, e.g. now. Did it work? Yes!')).toEqual([
      'Send it, e.g. now.',
      'Did it work?',
      'Yes!',
    ]);
  });
});

describe('countWords', () => {
  test.each([
    ['one two three', 3],
    ['  spaced\n\nout  words ', 3],
    ['ride-hailing APIs', 2],
    ['costs $25.00 — twice', 3],
    ['see https://example.com/path for more', 3],
    ['— … !', 0],
  ])('%j has %i words', (text, count) => {
    expect(countWords(text)).toBe(count);
  });
});

describe('proseWordCount', () => {
  test.each([
    ['plain paragraph', 'one two three', 3],
    ['inline code is left out', 'call `res.json()` now', 2],
    ['link text counts, its URL does not', 'read [the guide](/guides/x/) now', 4],
    ['bare URLs are left out', 'see https://example.com/a now', 2],
    ['headings are left out', '## Big heading\n\none two', 2],
    ['code fences are left out', '```js\nconst a = 1;\n```\n\none', 1],
    ['tables are left out', '| a | b |\n| - | - |\n| c | d |\n\none', 1],
    ['lists count', '- one two\n- three', 3],
    ['component props are left out, children count', '<Card title="four words in title">two words</Card>', 2],
    ['self-closing components are left out', '<TryIt api="payments" operation="listCustomers" />\n\none', 1],
    ['imports and exports are left out', "import X from './x';\nexport const y = 1;\n\none", 1],
  ])('%s', (_name, body, count) => {
    expect(proseWordCount(page(body))).toBe(count);
  });
});

describe('checkParagraphs', () => {
  test.each([
    ['four sentences pass', 'One. Two. Three. Four.', []],
    ['five sentences fail', 'Intro.\n\nOne. Two. Three. Four. Five.', ['7: paragraph has 5 sentences (max 4)']],
    ['a list is not a paragraph', '- One. Two. Three. Four. Five.', []],
    ['a component is not a paragraph', '<Aside>\n\nOne. Two. Three. Four. Five.\n\n</Aside>', []],
    ['a block quote is prose', '> One. Two. Three. Four. Five.', ['5: paragraph has 5 sentences (max 4)']],
    ['dots in inline code do not split', 'Call `a.b. c.d. e.f.` now. Two. Three. Four.', []],
  ])('%s', (_name, body, expected) => {
    expect(messages(checkParagraphs(page(body), 4))).toEqual(expected);
  });
});
