/** Content types for the machine-readable files; a static host decides from the extension, the dev server from these. */
export const markdownResponse = (body: string) =>
  new Response(body, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });

export const textResponse = (body: string) =>
  new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
