/*
 * How carriers bill a text message. A text that fits the GSM-7 alphabet travels as 7-bit characters: 160 fit in one
 * segment, but once a text needs several, each carries a 7-character header, leaving 153. A single character outside
 * that alphabet switches the whole text to UCS-2 (UTF-16), where the numbers are 70 and 67. The counts are in code
 * units, so characters from the GSM-7 extension table take two septets and an emoji outside the BMP two UTF-16 units.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Sent as an escape septet followed by the character, so each costs two. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return 'UCS-2';
  return 'GSM-7';
}

/** How many segments a text needs, and so how many are billed. */
export function countSegments(text: string): number {
  const encoding = smsEncoding(text);
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  // Iterating a string yields code points: an escape pair or a surrogate pair is never split across two segments.
  const costs = [...text].map((char) => (encoding === 'GSM-7' ? (EXTENSION.has(char) ? 2 : 1) : char.length));
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (total <= single) return 1;
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return segments;
}
