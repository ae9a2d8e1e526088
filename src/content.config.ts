import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { seoFrontmatter } from './schemas/seo-frontmatter';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: seoFrontmatter }) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
