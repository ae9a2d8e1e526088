import { describe, expect, test } from 'vitest';
import { generateText, type GenerationRequest } from '../text-generator.ts';

const welcome: GenerationRequest = {
  model: 'er-text-small',
  prompt: 'Write a one-line welcome message for new users of a recipe app.',
  max_tokens: 64,
  temperature: 0.7,
};

describe('generateText', () => {
  test('the same request always gets the same text', () => {
    expect(generateText({ ...welcome })).toBe(generateText({ ...welcome }));
  });

  test.each<[string, Partial<GenerationRequest>]>([
    ['prompt', { prompt: 'Suggest a name for a tea shop.' }],
    ['model', { model: 'er-text-large' }],
    ['max_tokens', { max_tokens: 65 }],
    ['temperature', { temperature: 0.8 }],
  ])('changing the %s changes the text', (_field, change) => {
    expect(generateText({ ...welcome, ...change })).not.toBe(generateText(welcome));
  });

  test('reads as whole English sentences, without repeating one', () => {
    for (const prompt of ['Hi', 'Summarise this article.', 'Write a haiku about kettles.']) {
      for (const model of ['er-text-small', 'er-text-large'] as const) {
        const text = generateText({ ...welcome, model, prompt });
        expect(text).toMatch(/^[A-Z][^]*[.!?]$/);
        const sentences = text.match(/[^.!?]+[.!?]/g)!;
        expect(new Set(sentences).size).toBe(sentences.length);
      }
    }
  });

  test('the small model writes short replies and the large one longer ones', () => {
    const prompts = Array.from({ length: 20 }, (_, i) => `Prompt number ${i}`);
    const lengths = (model: GenerationRequest['model']) =>
      prompts.map((prompt) => generateText({ ...welcome, model, prompt }).length);
    expect(Math.max(...lengths('er-text-small'))).toBeLessThan(256); // fits the default 64 tokens
    expect(Math.min(...lengths('er-text-large'))).toBeGreaterThan(Math.max(...lengths('er-text-small')));
  });
});
