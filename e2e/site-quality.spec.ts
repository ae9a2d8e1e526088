import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { builtSitePages } from './support/site-pages';
import { expect, test } from './support/test';

/**
 * Gates over the built HTML, page by page, with no browser: internal links and anchors resolve, the markup is valid,
 * and every page has the metadata and structure search engines and screen readers rely on. They run on both builds,
 * because a link that forgets the base path only breaks under a sub-path.
 */
const dist = process.env.E2E_DIST ?? 'dist';
const variants = { root: { dir: dist, base: '/' }, subpath: { dir: `${dist}-docs`, base: '/docs/' } };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file))
    .sort();
}

/**
 * Expressive Code (Starlight's code blocks) puts one <div> per line inside <code>, and a <div> inside its copy
 * button. Browsers and screen readers handle both; the markup is not ours to change (docs/decisions/0006).
 */
const EXPRESSIVE_CODE = /figure > (?:pre > code|div > button) > div(?::nth-child\(\d+\))?$/;

const attribute = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => decode(match[1]!));
const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');

for (const [project, { dir, base }] of Object.entries(variants)) {
  test.describe(`built site (${project})`, () => {
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern
    test.beforeEach(({}, testInfo) => {
      test.skip(testInfo.project.name !== project, 'each build is checked by its own project');
    });

    test('the sitemap lists every page the build wrote, and nothing else', () => {
      // Every other sweep (axe, JSON-LD, budgets, twins) walks the sitemap: a page missing from it escapes them all.
      const built = htmlFiles(dir)
        .map((file) => relative(dir, file).replace(/index\.html$/, '') || './')
        .filter((path) => path !== '404.html');
      // Sitemap locations carry the base; the files do not.
      const listed = builtSitePages(dir).map((path) => path.slice(base.length - 1) || './');
      expect(listed).toEqual(built.sort());
    });

    test('every internal link, asset and anchor resolves', () => {
      const ids = new Map<string, Set<string>>();
      const idsOf = (file: string) => {
        if (!ids.has(file)) ids.set(file, new Set(attribute(readFileSync(file, 'utf8'), /\s(?:id|name)="([^"]+)"/g)));
        return ids.get(file)!;
      };
      const broken: string[] = [];
      for (const file of htmlFiles(dir)) {
        const html = readFileSync(file, 'utf8');
        const page = `/${relative(dir, file).replace(/index\.html$/, '')}`;
        for (const link of attribute(html, /\s(?:href|src)="([^"]+)"/g)) {
          if (/^(?:data|blob|mailto|javascript):/.test(link)) continue;
          const url = new URL(link, `http://site.test${base}${page.slice(1)}`);
          // Canonical, Open Graph and feed URLs are absolute on the configured site; other hosts are external.
          if (url.host !== 'site.test' && !link.startsWith('http://localhost:4321/')) continue;
          const path = link.startsWith('http://localhost:4321/') ? new URL(link).pathname : url.pathname;
          if (!path.startsWith(base)) {
            broken.push(`${file}: ${link} is outside the base ${base}`);
            continue;
          }
          const target = join(dir, decodeURIComponent(path.slice(base.length)));
          // A static host serves 404.html for /404/, which is where Starlight points the 404 page's canonical URL.
          const found = [target, join(target, 'index.html'), `${target.replace(/\/$/, '')}.html`].find(
            (candidate) => existsSync(candidate) && candidate.match(/\.[a-z0-9]+$/i),
          );
          if (!found) {
            broken.push(`${file}: ${link} does not exist`);
            continue;
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          // `#operation=…` is state for the playground's script, not an anchor.
          if (fragment && !fragment.includes('=') && found.endsWith('.html') && !idsOf(found).has(fragment))
            broken.push(`${file}: ${link} has no element with id "${fragment}"`);
        }
      }
      expect(broken).toEqual([]);
    });

    test('every page is valid HTML', async () => {
      test.skip(project !== 'root', 'markup does not depend on the base path');
      test.setTimeout(120_000);
      const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
      const problems: string[] = [];
      for (const file of htmlFiles(dir)) {
        const report = await validator.validateString(readFileSync(file, 'utf8'), file);
        for (const { messages } of report.results)
          for (const message of messages) {
            if (message.ruleId === 'element-permitted-content' && EXPRESSIVE_CODE.test(message.selector ?? ''))
              continue;
            problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
          }
      }
      expect(problems).toEqual([]);
    });

    test('every page has one h1, no skipped heading level, alt text on images and fitting meta text', () => {
      test.skip(project !== 'root', 'structure does not depend on the base path');
      const problems: string[] = [];
      const titles = new Map<string, string>();
      const descriptions = new Map<string, string>();
      for (const file of htmlFiles(dir)) {
        const html = readFileSync(file, 'utf8');
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
        const description = attribute(html, /<meta name="description" content="([^"]*)"/g)[0];
        if (!title) problems.push(`${file}: no <title>`);
        else if (titles.has(title)) problems.push(`${file}: same <title> as ${titles.get(title)}`);
        else titles.set(title, file);
        if (!description) problems.push(`${file}: no meta description`);
        else if (description.length < 70 || description.length > 160)
          problems.push(`${file}: meta description is ${description.length} characters (70–160)`);
        else if (descriptions.has(description))
          problems.push(`${file}: same description as ${descriptions.get(description)}`);
        else descriptions.set(description, file);

        // Scalar renders its own headings in the browser; the static HTML is what crawlers read.
        const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
        if (levels.filter((level) => level === 1).length !== 1)
          problems.push(`${file}: ${levels.filter((l) => l === 1).length} h1 elements`);
        levels.forEach((level, index) => {
          if (index > 0 && level > levels[index - 1]! + 1)
            problems.push(`${file}: h${levels[index - 1]} is followed by h${level}`);
        });
        for (const image of html.match(/<img\b[^>]*>/g) ?? []) {
          if (!/\salt(?:=|\s|>)/.test(image)) problems.push(`${file}: image without alt: ${image.slice(0, 80)}`);
          // Explicit sizes reserve the space before the image loads, so nothing below it jumps.
          if (!/\swidth="\d+"/.test(image) || !/\sheight="\d+"/.test(image))
            problems.push(`${file}: image without width and height: ${image.slice(0, 80)}`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
