import { expect, test } from 'vitest';
import { twinEndpoint } from '../twin-endpoint';

test('a twin endpoint publishes one twin per page it lists, as text/markdown with links absolute on the site', async () => {
  const { getStaticPaths, GET } = twinEndpoint(
    () => [
      { params: { slug: 'guides/webhooks' }, props: { title: 'Webhooks', path: '/guides/webhooks/' } },
      { params: { slug: 'guides/retries' }, props: { title: 'Retries', path: '/guides/retries/' } },
    ],
    ({ title, path }, links) => `# ${title}\n\nOn the site: ${links.absolute(path)} (base ${links.base})\n`,
  );
  const pages = await getStaticPaths({} as never);
  expect(pages.map((page) => page.params)).toEqual([{ slug: 'guides/webhooks' }, { slug: 'guides/retries' }]);

  const response = await GET({ props: pages[1]!.props, site: new URL('https://docs.example.org') } as never);
  expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
  expect(await response.text()).toBe('# Retries\n\nOn the site: https://docs.example.org/guides/retries/ (base /)\n');
});
