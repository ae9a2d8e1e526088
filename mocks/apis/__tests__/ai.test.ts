import { describe, expect, test } from 'vitest';
import { createEngineRoomSandbox } from '../../catalog.ts';

const KEY = 'sk_test_ai_scenarios';
const WELCOME = {
  model: 'er-text-small',
  prompt: 'Write a one-line welcome message for new users of a recipe app.',
  max_tokens: 64,
  temperature: 0.7,
};

/**
 * The AI API allows 5 requests per 10 s. Scenario tests move the clock 2 s after each request so that they never hit
 * the limit by accident; the rate-limit test passes `pace: 0` to stand still.
 */
function client({ pace = 2_000 } = {}) {
  let n = 0;
  let clock = new Date('2026-11-25T13:00:00Z');
  const sandbox = createEngineRoomSandbox({ now: () => clock, randomId: (prefix) => `${prefix}t${++n}` });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    key = KEY,
  ) => {
    const response = (await sandbox.handle(
      new Request(`http://site.test/sandbox/ai/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      }),
    ))!;
    clock = new Date(clock.getTime() + pace);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  return { call, advance };
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);

describe('ai scenarios', () => {
  test('a completion is a function of its request: same request, same text; any change, another text', async () => {
    const { call } = client();
    const first = await call('POST', '/completions', WELCOME);
    const again = await call('POST', '/completions', WELCOME);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ object: 'completion', model: 'er-text-small', finish_reason: 'stop' });
    expect(first.body.usage).toEqual({
      prompt_tokens: 16,
      completion_tokens: Math.ceil(first.body.text.length / 4),
      total_tokens: 16 + Math.ceil(first.body.text.length / 4),
    });
    // Only id and created_at differ between calls.
    const { id: _id, created_at: _at, ...content } = first.body;
    expect(again.body).toMatchObject(content);
    expect(again.body.id).not.toBe(first.body.id);

    for (const change of [
      { temperature: 0.8 },
      { prompt: 'Suggest a name for a tea shop.' },
      { model: 'er-text-large' },
    ]) {
      expect((await call('POST', '/completions', { ...WELCOME, ...change })).body.text).not.toBe(first.body.text);
    }
  });

  test('leaving out max_tokens and temperature is the same as sending their defaults', async () => {
    const { call } = client();
    const explicit = await call('POST', '/completions', { ...WELCOME, max_tokens: 64, temperature: 1 });
    const defaults = await call('POST', '/completions', { model: WELCOME.model, prompt: WELCOME.prompt });
    expect(defaults.body.text).toBe(explicit.body.text);
  });

  test('a reply longer than max_tokens is cut at max_tokens × 4 characters with finish_reason length', async () => {
    const { call } = client();
    const cut = await call('POST', '/completions', { ...WELCOME, max_tokens: 8 });
    expect(cut.body.text).toHaveLength(32);
    expect(cut.body).toMatchObject({
      finish_reason: 'length',
      usage: { prompt_tokens: 16, completion_tokens: 8, total_tokens: 24 },
    });

    // The large model writes more than the default 64 tokens, so it is cut too; given room, it stops on its own.
    const large = { model: 'er-text-large', prompt: 'Explain webhooks.' };
    const capped = await call('POST', '/completions', large);
    expect(capped.body).toMatchObject({ finish_reason: 'length', usage: { completion_tokens: 64 } });
    expect(capped.body.text).toHaveLength(256);
    const roomy = await call('POST', '/completions', { ...large, max_tokens: 512 });
    expect(roomy.body.finish_reason).toBe('stop');
    expect(roomy.body.text).toMatch(/[.!?]$/);
    expect(roomy.body.usage.completion_tokens).toBeGreaterThan(64);
    expect(roomy.body.usage.completion_tokens).toBeLessThanOrEqual(512);
  });

  test('sentiment follows the published cue words, in the order sent, and counts tokens per text', async () => {
    const { call } = client();
    const texts = [
      'I love this app, checkout was so fast!',
      'The package arrived broken and support was slow.',
      'My order number is 1042.',
      'Good food, bad service.',
      'Amazing, excellent, perfect. Thanks!',
      'Worst update ever: slow, broken, and I want a refund.',
    ];
    const answer = await call('POST', '/classifications/sentiment', { texts });
    expect(answer.body.results).toEqual([
      { text: texts[0], label: 'positive', score: 0.8 },
      { text: texts[1], label: 'negative', score: 0.8 },
      { text: texts[2], label: 'neutral', score: 0.9 },
      { text: texts[3], label: 'neutral', score: 0.5 },
      { text: texts[4], label: 'positive', score: 0.99 },
      { text: texts[5], label: 'negative', score: 0.99 },
    ]);
    const promptTokens = texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
    expect(answer.body.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: 0,
      total_tokens: promptTokens,
    });
    // The documented example's usage.
    expect(
      (await call('POST', '/classifications/sentiment', { texts: texts.slice(0, 3) })).body.usage.total_tokens,
    ).toBe(28);
  });

  test('embeddings are unit vectors, one per input; texts sharing words are closer than unrelated ones', async () => {
    const { call } = client();
    const documents = [
      'Customers who bought a kettle also bought tea',
      'Tea and kettles ship free',
      'The invoice is overdue',
      '!!!',
    ];
    const list = await call('POST', '/embeddings', { model: 'er-embed-small', input: documents });
    expect(list.body).toMatchObject({ object: 'embedding_list', model: 'er-embed-small' });
    expect(list.body.data.map((d: { index: number }) => d.index)).toEqual([0, 1, 2, 3]);
    const vectors: number[][] = list.body.data.map((d: { embedding: number[] }) => d.embedding);
    for (const vector of vectors.slice(0, 3)) {
      expect(vector).toHaveLength(16);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 3);
    }
    expect(vectors[3]).toEqual(new Array(16).fill(0)); // no words
    expect(list.body.usage.prompt_tokens).toBe(12 + 7 + 6 + 1);

    const query = await call('POST', '/embeddings', { model: 'er-embed-small', input: 'green tea' });
    expect(query.body.data).toHaveLength(1);
    expect(query.body.data[0].index).toBe(0);
    const [kettleTea, teaShips, invoice] = vectors.map((vector) => dot(query.body.data[0].embedding, vector));
    expect(Math.min(kettleTea!, teaShips!)).toBeGreaterThan(invoice!);
    // The same text always gets the same vector.
    const again = await call('POST', '/embeddings', { model: 'er-embed-small', input: documents[0] });
    expect(again.body.data[0].embedding).toEqual(vectors[0]);
  });

  test('models: the three sandbox models, paged by id, and a 404 for any other', async () => {
    const { call } = client();
    const all = await call('GET', '/models');
    expect(all.body.data.map((m: { id: string }) => m.id)).toEqual([
      'er-text-small',
      'er-text-large',
      'er-embed-small',
    ]);
    const rest = await call('GET', '/models?limit=1&starting_after=er-text-small');
    expect(rest.body).toMatchObject({ has_more: true, data: [{ id: 'er-text-large' }] });
    expect((await call('GET', '/models/er-embed-small')).body).toMatchObject({ task: 'embeddings', dimensions: 16 });
    const missing = await call('GET', '/models/er-text-medium');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("There is no model 'er-text-medium'. GET /models lists the available models.");
  });

  test.each([
    ['a text model for embeddings', '/embeddings', { model: 'er-text-small', input: 'tea' }, '/body/model'],
    ['a prompt over 4,000 characters', '/completions', { ...WELCOME, prompt: 'x'.repeat(4001) }, '/body/prompt'],
    ['max_tokens over 512', '/completions', { ...WELCOME, max_tokens: 513 }, '/body/max_tokens'],
    ['21 texts to classify', '/classifications/sentiment', { texts: new Array(21).fill('ok') }, '/body/texts'],
  ])('%s is a 422 that names the field', async (_case, path, body, pointer) => {
    const { call } = client();
    const refused = await call('POST', path, body);
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([pointer]);
  });

  test('the 6th request in 10 s gets 429 with Retry-After; the next window lets requests through', async () => {
    const { call, advance } = client({ pace: 0 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await call('GET', '/models'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['4', '3', '2', '1', '0']);

    advance(3_000);
    const limited = await call('POST', '/completions', WELCOME);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('ratelimit-limit')).toBe('5');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe('7');

    // Another key has a window of its own.
    expect((await call('GET', '/models', undefined, {}, 'sk_test_ai_someone_else')).status).toBe(200);

    advance(7_000);
    const after = await call('POST', '/completions', WELCOME);
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit-remaining')).toBe('4');
  });

  test('a retried completion with the same Idempotency-Key replays the first answer; a new body is 409', async () => {
    const { call } = client();
    const headers = { 'idempotency-key': '9d4b7e1a-3c2f-4a86-b5d0-6e8f1a2c7b39' };
    const first = await call('POST', '/completions', WELCOME, headers);
    const retry = await call('POST', '/completions', WELCOME, headers);
    expect(retry.body).toEqual(first.body); // the same id and created_at, too
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await call('POST', '/completions', { ...WELCOME, temperature: 0 }, headers)).status).toBe(409);
  });

  test('a refused request leaves no trace: its Idempotency-Key is still free', async () => {
    const { call } = client();
    const headers = { 'idempotency-key': 'retry-me' };
    expect((await call('POST', '/completions', { ...WELCOME, max_tokens: 0 }, headers)).status).toBe(422);
    expect((await call('POST', '/completions', WELCOME, headers)).status).toBe(200);
  });
});
