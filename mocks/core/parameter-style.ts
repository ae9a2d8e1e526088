/**
 * How an array travels in a query string or a form: as repeated keys (`ids=a&ids=b`) or as one value with a
 * delimiter (`ids=a,b`, `ids=a|b`). Shared by the sandbox, which reads requests, and by the example requests that Try
 * it and the code samples send.
 */

/** How a parameter or form field is serialised (`style`, `explode`), with Swagger 2.0's `tsv` kept by the loader. */
export interface Serialisation {
  style?: string;
  explode?: boolean;
  'x-collectionFormat'?: string;
}

/**
 * What separates the items of an array sent as one value: Swagger 2.0's `collectionFormat` as the upgrade to 3.1
 * writes it, `csv` (its default) as `form` with `explode: false` (commas), `ssv` as `spaceDelimited`, `pipes` as
 * `pipeDelimited`, and `tsv`, which OpenAPI 3 cannot say, as tabs (`x-collectionFormat: tsv`, see load-spec.ts).
 */
export function arrayDelimiter(rule: Serialisation | undefined): string {
  if (rule?.['x-collectionFormat'] === 'tsv') return '\t';
  return { spaceDelimited: ' ', pipeDelimited: '|' }[rule?.style ?? ''] ?? ',';
}

/**
 * Whether each item is its own `name=value` pair (`multi`; OpenAPI's default for query parameters and form fields).
 * A lone value of an exploded array is still split on commas: Try it and the playground have one box per parameter.
 */
export function isExploded(rule: Serialisation): boolean {
  if (rule['x-collectionFormat'] === 'tsv') return false;
  return rule.explode ?? (rule.style === undefined || rule.style === 'form');
}
