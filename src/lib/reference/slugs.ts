/**
 * URL slugs for operations: from the operationId (`createPaymentIntent` → `create-payment-intent`), or from method and
 * path when there is none (`get /users/{id}` → `get-users-id`), kept unique within an API by numbering repeats.
 */
export function slugify(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Folders beside the operation pages of an API (`/reference/<api>/explorer/`, `…/schemas/`, `…/webhooks/`). */
const RESERVED = new Set(['explorer', 'schemas', 'webhooks']);

export function uniqueSlugs(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    const base = slugify(id) || 'operation';
    let slug = base;
    for (let n = 2; used.has(slug) || RESERVED.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
