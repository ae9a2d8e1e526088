import { defineApi } from '../core/define-api.ts';
import { paginate } from '../core/pagination.ts';
import { ProblemError } from '../core/problem.ts';
import type { components, operations } from '../generated/types/ai.ts';
import { embed } from './ai/embeddings.ts';
import { classify } from './ai/sentiment.ts';
import { generateText } from './ai/text-generator.ts';
import { tokens } from './ai/text.ts';

type Model = components['schemas']['Model'];
type Usage = components['schemas']['Usage'];

/** The models are the same for every key, so they are constants rather than per-key state. */
const MODELS: Model[] = [
  {
    object: 'model',
    id: 'er-text-small',
    task: 'text_generation',
    description: 'Fast model for short replies, such as titles, summaries and one-line messages.',
    max_prompt_characters: 4000,
    max_output_tokens: 512,
    dimensions: null,
    created_at: '2026-01-15T00:00:00Z',
  },
  {
    object: 'model',
    id: 'er-text-large',
    task: 'text_generation',
    description: 'Model for longer, more detailed replies.',
    max_prompt_characters: 4000,
    max_output_tokens: 512,
    dimensions: null,
    created_at: '2026-01-15T00:00:00Z',
  },
  {
    object: 'model',
    id: 'er-embed-small',
    task: 'embeddings',
    description: 'Embedding model with 16-dimensional, unit-length vectors.',
    max_prompt_characters: 4000,
    max_output_tokens: null,
    dimensions: 16,
    created_at: '2026-01-15T00:00:00Z',
  },
];

const usage = (prompt_tokens: number, completion_tokens = 0): Usage => ({
  prompt_tokens,
  completion_tokens,
  total_tokens: prompt_tokens + completion_tokens,
});

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The AI API keeps no data: every answer is a function of its request, and the rate limit lives in the core. */
export const ai = defineApi<operations, Record<string, never>>({
  seed: () => ({}),

  handlers: {
    createCompletion: ({ input, id, now }) => {
      // The core validates the body but does not fill in schema defaults; the hash must see the effective values.
      const { model, prompt, max_tokens = 64, temperature = 1 } = input.body;
      const full = generateText({ model, prompt, max_tokens, temperature });
      // A token is four characters here, so the cap in characters is exact and the cut lands mid-sentence.
      const cut = full.length > max_tokens * 4;
      const text = cut ? full.slice(0, max_tokens * 4) : full;
      return {
        status: 200,
        body: {
          id: id('cmpl_'),
          object: 'completion',
          model,
          text,
          finish_reason: cut ? 'length' : 'stop',
          usage: usage(tokens(prompt), tokens(text)),
          created_at: now().toISOString(),
        },
      };
    },

    classifySentiment: ({ input }) => ({
      status: 200,
      body: {
        object: 'sentiment_classification',
        results: input.body.texts.map((text) => ({ text, ...classify(text) })),
        usage: usage(sum(input.body.texts.map(tokens))),
      },
    }),

    createEmbeddings: ({ input }) => {
      const texts = typeof input.body.input === 'string' ? [input.body.input] : input.body.input;
      return {
        status: 200,
        body: {
          object: 'embedding_list',
          model: input.body.model,
          data: texts.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })),
          usage: usage(sum(texts.map(tokens))),
        },
      };
    },

    listModels: ({ input }) => ({ status: 200, body: paginate(MODELS, input.query) }),

    getModel: ({ input }) => {
      const model = MODELS.find((candidate) => candidate.id === input.path.model);
      if (!model) {
        throw new ProblemError(404, `There is no model '${input.path.model}'. GET /models lists the available models.`);
      }
      return { status: 200, body: model };
    },
  },
});
