import { expect, test } from 'vitest';
import { characters, tokens, words } from '../text.ts';

test.each([
  ['', 0, 0],
  ['a', 1, 1],
  ['four', 4, 1],
  ['fives', 5, 2],
  ['Write a one-line welcome message for new users of a recipe app.', 63, 16], // the spec's example prompt
  ['🍵🍵🍵🍵🍵', 5, 2], // code points, not UTF-16 units
])('%j has %i characters and %i tokens', (text, count, expected) => {
  expect(characters(text)).toBe(count);
  expect(tokens(text)).toBe(expected);
});

test.each([
  ['I love this app, checkout was so fast!', ['i', 'love', 'this', 'app', 'checkout', 'was', 'so', 'fast']],
  ['Order #1042 — THANKS', ['order', '1042', 'thanks']],
  ["don't", ['don', 't']],
  ['Crème brûlée', ['crème', 'brûlée']],
  ['  ...!? ', []],
])('words(%j)', (text, expected) => {
  expect(words(text)).toEqual(expected);
});
