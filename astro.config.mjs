// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { siteConfig } from './src/lib/site-config.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownBaseLinks } from './src/lib/markdown-base-links.ts';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  outDir: siteConfig.outDir,
  trailingSlash: 'ignore',
  markdown: {
    processor: satteri({ hastPlugins: [markdownBaseLinks(siteConfig.base)] }),
  },
  vite: {
    build: {
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
      customCss: ['./src/styles/theme.css'],
      routeMiddleware: './src/route-data.ts',
      components: { Search: './src/components/overrides/Search.astro' },
      lastUpdated: true,
      // Our own 404 page lives in the docs collection (src/content/docs/404.md) so it follows the SEO schema.
      disable404Route: true,
      sidebar: [{ label: 'Learn', items: [{ autogenerate: { directory: 'guides' } }] }],
    }),
    mdx(),
  ],
});
