// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { siteConfig } from './src/lib/site-config.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownBaseLinks } from './src/lib/markdown-base-links.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { securityHeadersFile } from './src/integrations/security-headers.ts';

/**
 * One sidebar link per sandbox API, named by its document's title (`Engine Room Payments API` → Payments). The list
 * is the one `npm run generate` wrote (every script runs it before Astro), so specs added with OPENAPI_EXTRA appear.
 */
/** @type {{ api: string }[]} */
const generatedApis = JSON.parse(readFileSync('mocks/generated/sources.json', 'utf8'));
const referenceLinks = generatedApis
  .map(({ api }) => {
    /** @type {{ info: { title: string } }} */
    const spec = JSON.parse(readFileSync(`mocks/generated/specs/${api}.json`, 'utf8'));
    const { title } = spec.info;
    return { label: title.replace(/^Engine Room\s+/, '').replace(/\s+API$/, '') || api, link: `/reference/${api}/` };
  })
  .sort((a, b) => a.label.localeCompare(b.label));

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  outDir: siteConfig.outDir,
  trailingSlash: 'ignore',
  markdown: {
    processor: satteri({ hastPlugins: [markdownBaseLinks(siteConfig.base)] }),
  },
  vite: {
    resolve: {
      alias: [
        // MSW's cookie jar asks tldts for registrable domains; the real answer costs the first Send 47 kB gzip of
        // public suffix list that the sandbox never needs (see mocks/tldts-lite.ts). Node and the tests keep tldts.
        { find: 'tldts', replacement: fileURLToPath(new URL('./mocks/tldts-lite.ts', import.meta.url)) },
        // Starlight's search script gets a stand-in that loads Pagefind's UI (21 kB brotli) when the reader heads for
        // search, not on every page's idle (see the module). Only the bare name: the stand-in and Starlight's
        // stylesheet import the real package's files by their paths.
        {
          find: /^@pagefind\/default-ui$/,
          replacement: fileURLToPath(new URL('./src/browser/search-on-intent.ts', import.meta.url)),
        },
      ],
    },
    build: {
      // The large chunks are Scalar's (explorer pages only) and the in-browser sandbox (MSW and the core), loaded on a
      // reader's first Try it click, never with a page. Page weight is guarded by byte budgets in the tests instead.
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        // Astro's MDX output starts with a directive Astro itself handles; Rolldown warns that it cannot keep it.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: 'Engine Room',
      description:
        'Learn backend integration and APIs by running them: plain-language guides and sandbox APIs that answer in your browser.',
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/theme.css', './src/styles/diagrams.css'],
      // The second adds each page's Markdown twin as an alternate (src/lib/markdown-twin/).
      routeMiddleware: ['./src/route-data.ts', './src/lib/markdown-twin/route-data.ts'],
      head: [
        {
          tag: 'link',
          attrs: {
            rel: 'alternate',
            type: 'application/rss+xml',
            title: 'Engine Room guides',
            href: `${siteConfig.base.replace(/\/$/, '')}/rss.xml`,
          },
        },
      ],
      components: {
        Search: './src/components/overrides/Search.astro',
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
      },
      lastUpdated: true,
      // Our own 404 page lives in the docs collection (src/content/docs/404.md) so it follows the SEO schema.
      disable404Route: true,
      // Wrapped code lines never scroll sideways, so code blocks stay plain figures: scrolling ones become unnamed
      // regions, which screen readers list as landmarks and axe flags when a page has two.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: true } },
      sidebar: [
        { label: 'Learn', items: [{ autogenerate: { directory: 'guides' } }] },
        {
          label: 'API reference',
          items: [
            { label: 'All APIs', link: '/reference/' },
            { label: 'Playground', link: '/playground/' },
            ...referenceLinks,
          ],
        },
      ],
    }),
    mdx(),
    securityHeadersFile(siteConfig.base),
  ],
});
