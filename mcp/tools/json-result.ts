import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** A tool's answer: an optional line for a person skimming the transcript, then the data as JSON for the model. */
export function jsonResult(data: unknown, headline?: string): CallToolResult {
  const json = JSON.stringify(data, null, 2);
  return { content: [{ type: 'text', text: headline ? `${headline}\n\n${json}` : json }] };
}
