import { describe, expect, test } from 'vitest';
import type { OpenApiDocument } from '../../../../mocks/core/openapi.ts';
import { apiView } from '../../reference/model';
import type { SchemaRow } from '../../reference/schema-rows';
import { apiMarkdown, operationMarkdown, schemaTable } from '../reference-markdown';

const document = {
  openapi: '3.1.0',
  info: { title: 'Notes API', version: '2.0.0', summary: 'Keep notes.' },
  tags: [{ name: 'Notes', description: 'Short texts.' }],
  paths: {
    '/notes/{id}': {
      patch: {
        operationId: 'updateNote',
        summary: 'Update a note',
        description: 'Changes only the fields you send.',
        tags: ['Notes'],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'The note, a | b.' },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                properties: { text: { type: 'string', maxLength: 280, description: 'What it says.' } },
              },
              example: { text: 'Buy milk' },
            },
          },
        },
        responses: { '200': { description: 'The note, changed.' }, '404': { description: 'No such note.' } },
        callbacks: {
          noteShared: {
            '{$request.body#/notify_url}': {
              post: {
                summary: 'Someone opened the note.',
                requestBody: {
                  content: {
                    'application/json': {
                      schema: { type: 'object', properties: { reader: { type: 'string', description: 'Who.' } } },
                    },
                  },
                },
                responses: { '204': { description: 'Received; nothing to send back.' } },
              },
            },
          },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

const view = apiView('notes', document);
const links = {
  absolute: (path: string) => `https://x.test${path}`,
  sandboxServer: (api: string) => `/sandbox/${api}/v1`,
};

describe('operationMarkdown', () => {
  const markdown = operationMarkdown(view, view.operations[0]!, links);
  test.each([
    ['starts with the page title', /^# Update a note\n\n`PATCH \/notes\/\{id\}`\n/],
    ['links its API twin', /Part of the \[Notes API\]\(https:\/\/x\.test\/reference\/notes\.md\), Notes\./],
    ['lists parameters, escaping pipes', /\| `id` \| path \| `string` \| yes \| The note, a \\\| b\. \|/],
    [
      'tables body fields with their rules',
      /\| `text` \| `string` \| yes \| What it says\. \(at most 280 characters\) \|/,
    ],
    ['shows the example body as JSON', /Example request body:\n\n```json\n\{\n {2}"text": "Buy milk"\n\}\n```/],
    ['has a section per response', /### 200\n\nThe note, changed\.\n[\s\S]*### 404\n\nNo such note\./],
    [
      'shows each callback with its address, body and expected answer',
      /## Callbacks\n[\s\S]*### noteShared\n\n`POST \{\$request\.body#\/notify_url\}`\n\nSomeone opened the note\.\n[\s\S]*\| `reader` \| `string` \| no \| Who\. \|[\s\S]*\| `204` \| Received; nothing to send back\. \|/,
    ],
    ['ends with where to try it', /## Try it\n\n.*https:\/\/x\.test\/reference\/notes\/update-note\/#try-it\n$/],
  ])('%s', (_case, pattern) => {
    expect(markdown).toMatch(pattern);
  });
});

describe('apiMarkdown', () => {
  const markdown = apiMarkdown(view, links);
  test.each([
    ['starts with the title and summary', /^# Notes API\n\n> Keep notes\.\n/],
    [
      'links the OpenAPI downloads',
      /\[YAML\]\(https:\/\/x\.test\/openapi\/notes\.yaml\) · \[JSON\]\(https:\/\/x\.test\/openapi\/notes\.json\)/,
    ],
    [
      'lists operations by tag, linking their twins',
      /## Notes\n\nShort texts\.\n\n- \[Update a note\]\(https:\/\/x\.test\/reference\/notes\/update-note\.md\): `PATCH \/notes\/\{id\}`/,
    ],
    [
      'lists callbacks with the operation that sends them',
      /## Callbacks\n\n.*\n\n- `noteShared`: `POST \{\$request\.body#\/notify_url\}`, after \[Update a note\]\(https:\/\/x\.test\/reference\/notes\/update-note\.md\)/,
    ],
    ['says when no credentials are needed', /## Authentication\n\nThis API needs no credentials\./],
  ])('%s', (_case, pattern) => {
    expect(markdown).toMatch(pattern);
  });
});

describe('schemaTable', () => {
  const row = (fields: Partial<SchemaRow>): SchemaRow => ({
    path: 'a',
    name: 'a',
    depth: 0,
    type: 'string',
    required: false,
    constraints: [],
    anchor: 'x',
    ...fields,
  });
  test.each([
    ['a nested field by its path', row({ path: 'data[].id', required: true }), '| `data[].id` | `string` | yes |  |'],
    [
      'an alternative as a labelled row',
      row({ path: 'source', variant: 'When type is "card"', type: 'Card' }),
      '| _When type is "card"_ (`source`) | `Card` |  |  |',
    ],
    [
      'a recursive field',
      row({ path: 'parent', type: 'Node', circularTo: 'x-node' }),
      '| `parent` | `Node` | no | (Recursive: the same fields as above.) |',
    ],
    ['a multi-line description on one line', row({ description: 'One\n  two.' }), '| `a` | `string` | no | One two. |'],
  ])('%s', (_case, input, expected) => {
    expect(schemaTable([input])[2]).toBe(expected);
  });
});
