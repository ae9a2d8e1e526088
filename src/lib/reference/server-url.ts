/** A server URL with its variables at their defaults (`https://{region}.example.com` → `https://eu.example.com`). */
export function serverUrl(server: {
  url: string;
  variables?: Record<string, { default?: unknown; enum?: unknown[] }>;
}): string {
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = server.variables?.[name];
    const value = variable?.default ?? variable?.enum?.[0];
    return value === undefined ? whole : String(value);
  });
}
