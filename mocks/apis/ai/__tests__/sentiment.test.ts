import { expect, test } from 'vitest';
import { classify } from '../sentiment.ts';

test.each([
  // The spec's examples.
  ['I love this app, checkout was so fast!', 'positive', 0.8],
  ['The package arrived broken and support was slow.', 'negative', 0.8],
  ['My order number is 1042.', 'neutral', 0.9],
  // One cue word of difference, and case is ignored.
  ['GREAT', 'positive', 0.7],
  ['Slow.', 'negative', 0.7],
  // Cues that cancel out are a weak neutral.
  ['Good food, bad service.', 'neutral', 0.5],
  ['Fast but broken, great but slow', 'neutral', 0.5],
  // The score grows by 0.1 per word of difference and stops at 0.99.
  ['love love love', 'positive', 0.9],
  ['amazing excellent perfect thanks', 'positive', 0.99],
  ['worst awful terrible, never again, I hate it', 'negative', 0.99],
  ['great, great, bad', 'positive', 0.7],
  // Only whole cue words count: the sandbox has no stemming and no negation.
  ['I loved it', 'neutral', 0.9],
  ['not bad at all', 'negative', 0.7],
])('%j is %s (%d)', (text, label, score) => {
  expect(classify(text)).toEqual({ label, score });
});
