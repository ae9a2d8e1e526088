/*
 * MD5 (RFC 1321), used only to give objects the ETag that S3-style stores give single-part uploads. The spec's
 * examples show the real MD5 of their content, so the seeded objects answer with exactly the documented ETags, and a
 * reader can check an ETag with `md5sum`. It is not used for anything that needs a secure hash. Web Crypto has no
 * MD5 and the hash must be synchronous and identical in every runtime, so it comes from @noble/hashes (audited, no
 * dependencies; about 2 kB gzip in the storage API's chunk, which the browser loads only when storage is used).
 */
import { md5 } from '@noble/hashes/legacy.js';

/** The MD5 of some bytes, as 32 lowercase hex digits. */
export function md5Hex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of md5(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
