/** How docs/benchmarks.md splits the in-browser round trip between the browser, MSW and the sandbox. */
import { expect, test } from 'vitest';
import { floorSentence } from '../report-ours.ts';

test('gives each layer the difference between its p50 and the one below it', () => {
  const sentence = floorSentence(9.6, 6.1, 9.1);
  expect(sentence).toContain("Of the sandbox's 9.60 ms at p50, 6.10 ms is what this browser takes");
  expect(sentence).toContain('back adds 3.00 ms');
  expect(sentence).toContain('validation, state) 0.50 ms.');
});

test('calls a negative share noise rather than a saving', () => {
  expect(floorSentence(9.0, 6.1, 9.4)).toContain('validation, state) nothing measurable.');
});
