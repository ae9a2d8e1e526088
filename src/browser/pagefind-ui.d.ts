/** The one thing search-on-intent.ts uses of Pagefind's UI module, which ships no types. */
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export class PagefindUI {
    constructor(options: { element: string; bundlePath: string; [option: string]: unknown });
  }
}
