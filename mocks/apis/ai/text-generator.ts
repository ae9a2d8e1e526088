import { fnv1a } from './hash.ts';

/**
 * The sandbox's stand-in for a text model: a reply assembled from fixed sentences, chosen and ordered by a hash of the
 * whole request. It reads like a polite, generic answer to any prompt, and the same request always gets the same text.
 */

export type TextModel = 'er-text-small' | 'er-text-large';

export interface GenerationRequest {
  model: TextModel;
  prompt: string;
  max_tokens: number;
  temperature: number;
}

const OPENERS = [
  'Here is a first draft you can adapt.',
  'Happy to help with that.',
  'Good question, and a common one.',
  'Here is a short answer to get you started.',
  'Sure, here is one way to put it.',
  'Let me suggest a simple approach.',
  'That is a great place to start.',
  'Here is a clear, friendly version.',
];

const BODY = [
  'Start with the one thing your reader needs most, then add the details.',
  'Keep each step small, so that it is easy to check before you move on.',
  'A concrete example is often worth more than a long explanation.',
  'Try the simplest version first, and improve it once it works.',
  'Write for someone in a hurry: short sentences, plain words, one idea at a time.',
  'If something fails, read the whole error message before you change anything.',
  'Good names make the rest of the work much easier to follow.',
  'Ask for feedback early, while changes are still cheap to make.',
  'Test the happy path first, then the ways things can go wrong.',
  'Small, steady improvements add up faster than you would expect.',
  'Leave out anything that does not help the reader decide what to do next.',
  'When in doubt, say what happens, then why it matters.',
];

const CLOSERS = [
  'Let me know if you would like a shorter or longer version.',
  'I hope this helps, and good luck with the next step.',
  'Feel free to change the tone to match your own voice.',
  'You can ask again with more detail for a more specific answer.',
];

/** The list ordered by a hash of the request and each item: a repeatable shuffle, different for every request. */
function shuffled(list: readonly string[], request: string): string[] {
  const rank = new Map(list.map((item) => [item, fnv1a(`${request}\n${item}`)]));
  return [...list].sort((a, b) => rank.get(a)! - rank.get(b)!);
}

/** The full reply, before max_tokens cuts it: 2 or 3 sentences from the small model, 5 to 7 from the large one. */
export function generateText(request: GenerationRequest): string {
  const key = JSON.stringify([request.model, request.prompt, request.max_tokens, request.temperature]);
  const variant = fnv1a(key);
  const opener = shuffled(OPENERS, key)[0]!;
  if (request.model === 'er-text-small') {
    return [opener, ...shuffled(BODY, key).slice(0, 1 + (variant % 2))].join(' ');
  }
  return [opener, ...shuffled(BODY, key).slice(0, 3 + (variant % 3)), shuffled(CLOSERS, key)[0]!].join(' ');
}
