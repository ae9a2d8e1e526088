/**
 * Byte budgets, in one place: `e2e/budgets.spec.ts` fails when a page goes over them and `npm run bench` prints how
 * close each page is. Bytes, never time: a shared 2-core CI runner makes timings too noisy to fail a build on.
 * Raise a budget only with a reason in the commit that does it; the point is to notice weight creeping in.
 */
export const KB = 1024;

export const budgets = {
  /**
   * JavaScript an article or operation page loads before any interaction, gzip-compressed, summed over files. The
   * heaviest guide (a walkthrough and a Try it) sends 8.7 kB; starlight-openapi's operation page sends 31 kB, most of
   * it Pagefind's search UI, which ours loads only when the reader heads for search.
   */
  jsBeforeInteractionGzip: 10 * KB,
  /** The HTML document of any page in the sitemap, gzip-compressed. */
  htmlGzip: 60 * KB,
  /**
   * Everything the first Send on a guide or an operation page downloads (scripts, MSW's worker, data), gzip: MSW, the
   * sandbox core and the one API called (its spec and handlers), never the other APIs.
   */
  firstSendGzip: 150 * KB,
  /**
   * The playground before any interaction (HTML, CSS, JavaScript and the one API catalogue it fetches), gzip: the
   * page lists the APIs and fetches a catalogue per API, so this must not grow with the number or size of the specs.
   */
  playgroundFirstLoadGzip: 72 * KB,
  /**
   * What the first search query fetches once the search button has warmed Pagefind: only index chunks and the
   * fragments of the results shown (Pagefind's files are compressed already; counted gzip like the rest).
   */
  searchFirstQueryGzip: 100 * KB,
} as const;

/**
 * Strings that only @scalar/api-reference's own code contains (class names its root component sets), so a built
 * chunk holding one of them is Scalar's. They survive minification because they are string literals.
 */
export const SCALAR_MARKERS = ['scalar-api-references-standalone-mobile', 'scalar-app scalar-api-reference'];

/** The playground's path (relative to the site base): an app, with a first-load budget instead of the page one. */
export const PLAYGROUND_PATH = 'playground/';

/** The one page allowed to load Scalar: the interactive explorer (path relative to the site base). */
export const EXPLORER_PATH = /^reference\/[^/]+\/explorer\/$/;
