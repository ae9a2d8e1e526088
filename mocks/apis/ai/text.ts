/**
 * How the AI sandbox measures and splits text. Characters are Unicode code points, not UTF-16 units, so that an emoji
 * counts once, as it does in the schema's `maxLength`.
 */

export const characters = (text: string): number => [...text].length;

/** The sandbox's token estimate: one token per four characters, rounded up. */
export const tokens = (text: string): number => Math.ceil(characters(text) / 4);

/** Lowercased words: runs of letters and digits in any script. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
