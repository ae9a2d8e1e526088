import { words } from './text.ts';

/** The cue words classifySentiment's description publishes, so readers can predict every label. */
export const POSITIVE_CUES = new Set([
  'love',
  'great',
  'excellent',
  'good',
  'happy',
  'fast',
  'amazing',
  'thanks',
  'perfect',
  'recommend',
]);
export const NEGATIVE_CUES = new Set([
  'hate',
  'terrible',
  'bad',
  'slow',
  'broken',
  'awful',
  'refund',
  'disappointed',
  'worst',
  'never',
]);

export interface Sentiment {
  label: 'positive' | 'negative' | 'neutral';
  score: number;
}

export function classify(text: string): Sentiment {
  let positive = 0;
  let negative = 0;
  for (const word of words(text)) {
    if (POSITIVE_CUES.has(word)) positive += 1;
    if (NEGATIVE_CUES.has(word)) negative += 1;
  }
  const difference = positive - negative;
  if (difference === 0) return { label: 'neutral', score: positive === 0 ? 0.9 : 0.5 };
  // Rounded, because 0.6 + 0.1 * 2 is 0.8000000000000002 in floating point.
  const score = Math.min(0.99, Math.round((0.6 + 0.1 * Math.abs(difference)) * 100) / 100);
  return { label: difference > 0 ? 'positive' : 'negative', score };
}
