/**
 * The OpenAPI documents as their authors wrote them, for download at stable URLs. The YAML file is served byte for
 * byte; the JSON one is the same document parsed, not the 3.1-upgraded copy the sandbox loads.
 */
import { parse } from 'yaml';

const sources = import.meta.glob<string>('/openapi/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

export function openapiSources(): { api: string; yaml: string }[] {
  return Object.entries(sources)
    .map(([file, yaml]) => ({ api: file.replace(/^.*\/|\.ya?ml$/g, ''), yaml }))
    .sort((a, b) => a.api.localeCompare(b.api));
}

export const openapiJson = (yaml: string): string => `${JSON.stringify(parse(yaml), null, 2)}\n`;
