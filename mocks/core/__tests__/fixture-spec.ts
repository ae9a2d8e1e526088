import type { OpenApiDocument } from '../openapi.ts';

/** A small spec that exercises every core behaviour, independent of the sandbox APIs' own specs. */
export const notesSpec: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Notes', version: '1.0.0' },
  // The sandbox serves an API under its name plus this server's path: `/sandbox/notes/v1/…`.
  servers: [{ url: 'https://notes.example.com/v1' }],
  security: [{ bearerAuth: [] }],
  'x-sandbox': { rateLimit: { limit: 5, windowSeconds: 10 }, maxBodyBytes: 2048 },
  paths: {
    '/notes': {
      get: {
        operationId: 'listNotes',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 } },
          { name: 'starting_after', in: 'query', schema: { type: 'string' } },
          {
            name: 'where',
            in: 'query',
            style: 'deepObject',
            schema: { type: 'object', properties: { pinned: { type: 'boolean' } } },
          },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NoteList' } } },
          },
        },
      },
      post: {
        operationId: 'createNote',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NoteInput' } } },
        },
        responses: {
          '201': {
            description: 'created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
          },
        },
      },
    },
    '/notes/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^note_[A-Za-z0-9]+$' } },
      ],
      get: {
        operationId: 'getNote',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
          },
        },
      },
    },
    '/notes/latest': {
      get: {
        operationId: 'getLatestNote',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } },
          },
        },
      },
    },
    '/pets': {
      post: {
        operationId: 'createPet',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
        responses: { '201': { description: 'created', content: { 'application/json': { example: { ok: true } } } } },
      },
    },
    '/public/ping': {
      get: {
        operationId: 'ping',
        security: [],
        responses: { '200': { description: 'ok', content: { 'application/json': { example: { pong: true } } } } },
      },
    },
    '/forms': {
      post: {
        operationId: 'submitForm',
        requestBody: {
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['count'],
                properties: {
                  count: { type: 'integer', maximum: 3 },
                  tags: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        responses: { '204': { description: 'done' } },
      },
    },
  },
  components: {
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    schemas: {
      NoteInput: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string', minLength: 1, maxLength: 20 },
          pinned: { type: 'boolean' },
          color: { enum: ['red', 'blue'] },
          parent: { $ref: '#/components/schemas/NoteInput' },
        },
        examples: [{ id: 'note_example', text: 'Examples with an id field must not confuse the validator' }],
      },
      Note: {
        type: 'object',
        required: ['id', 'text', 'pinned'],
        properties: {
          id: { type: 'string', pattern: '^note_[A-Za-z0-9]+$' },
          text: { type: 'string' },
          pinned: { type: 'boolean' },
        },
      },
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind' },
      },
      Cat: {
        type: 'object',
        required: ['kind', 'lives'],
        properties: { kind: { const: 'cat' }, lives: { type: 'integer', maximum: 9 } },
      },
      Dog: { type: 'object', required: ['kind'], properties: { kind: { const: 'dog' }, barks: { type: 'boolean' } } },
      NoteList: {
        type: 'object',
        required: ['object', 'data', 'has_more'],
        properties: {
          object: { const: 'list' },
          data: { type: 'array', items: { $ref: '#/components/schemas/Note' } },
          has_more: { type: 'boolean' },
        },
      },
    },
  },
};
