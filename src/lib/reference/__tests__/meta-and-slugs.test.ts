import { describe, expect, test } from 'vitest';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, metaDescription, metaTitle, plainText } from '../meta';
import { slugify, uniqueSlugs } from '../slugs';

describe('operation slugs', () => {
  test.each([
    ['createPaymentIntent', 'create-payment-intent'],
    ['getURLForUpload', 'get-url-for-upload'],
    ['list_guild_roles', 'list-guild-roles'],
    ['get-users-id', 'get-users-id'],
    ['CreateBrandVetting', 'create-brand-vetting'],
  ])('%s becomes %s', (id, slug) => {
    expect(slugify(id)).toBe(slug);
  });

  test('repeated and clashing ids stay unique, and never take the explorer, schemas or webhooks folders', () => {
    expect(uniqueSlugs(['listPets', 'list_pets', 'list-pets', 'explorer', 'schemas', 'Webhooks'])).toEqual([
      'list-pets',
      'list-pets-2',
      'list-pets-3',
      'explorer-2',
      'schemas-2',
      'webhooks-2',
    ]);
  });
});

describe('plain text from a CommonMark summary', () => {
  test.each([
    ['code marks go, the code stays', 'Cancels a run that is `in_progress`.', 'Cancels a run that is in_progress.'],
    ['underscores in paths are text', 'Lists /vector_stores/ of a user_id', 'Lists /vector_stores/ of a user_id'],
    ['a link keeps its words', 'Returns a [File](/docs/api-reference/files) object', 'Returns a File object'],
    ['emphasis and strong lose their marks', 'Create a _thing_ **now**', 'Create a thing now'],
    ['HTML and images are dropped', 'Send <b>one</b> ![logo](x.png) message', 'Send one message'],
    ['paragraphs and list items stay apart', 'First.\n\n- one\n- two', 'First. one two'],
    ['a code block is not title text', 'Run it:\n\n```sh\ncurl x\n```', 'Run it:'],
    ['nothing gives nothing', undefined, ''],
  ])('%s', (_case, markdown, plain) => {
    expect(plainText(markdown)).toBe(plain);
  });
});

describe('meta text', () => {
  const context = 'Parameters, schemas, examples and a live sandbox console in the Engine Room payments API reference.';
  test.each([
    ['a short summary is topped up with context', 'Create a customer.'],
    ['a long description is cut at a word boundary', 'word '.repeat(80)],
    ['an empty description uses the context', undefined],
    [
      'Markdown is removed',
      'Creates a **customer** with [metadata](/guides/x/) and `email`. More text follows here to be long enough for the rule.',
    ],
  ])('%s and stays within the limits', (_case, source) => {
    const description = metaDescription(source, context);
    expect(description.length).toBeGreaterThanOrEqual(DESCRIPTION_MIN);
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(description).not.toMatch(/[*`[\]]/);
  });

  test('a description keeps underscores and code text', () => {
    expect(
      metaDescription('Lists the files in one of your `vector_stores`, at /vector_stores/{id}/files.', context),
    ).toMatch(/^Lists the files in one of your vector_stores, at \/vector_stores\/\{id\}\/files\. /);
  });

  test('titles longer than 60 characters are cut with an ellipsis', () => {
    expect(
      metaTitle('Retrieve the list of every follower of a user, newest first, with paging').length,
    ).toBeLessThanOrEqual(60);
    expect(metaTitle('Create a customer')).toBe('Create a customer');
  });
});
