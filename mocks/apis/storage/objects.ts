import { fromBase64, toBase64 } from '../../core/bytes.ts';
import type { components } from '../../generated/types/storage.ts';
import { md5Hex } from './md5.ts';

export type ObjectMetadata = components['schemas']['ObjectMetadata'];
export type Bucket = components['schemas']['Bucket'];

/**
 * An object as kept in state. State is saved as JSON (to localStorage in the browser), which cannot hold bytes, so
 * the content is kept as base64.
 */
export interface StoredObject extends ObjectMetadata {
  data: string;
}

export interface StoredBucket {
  name: string;
  created_at: string;
}

/** 1 MiB, the largest object the API stores. */
export const MAX_OBJECT_BYTES = 1024 * 1024;

export const objectETag = (bytes: Uint8Array) => `"${md5Hex(bytes)}"`;

export function storedObject(
  fields: Pick<ObjectMetadata, 'bucket' | 'key' | 'content_type' | 'created_at'>,
  bytes: Uint8Array,
): StoredObject {
  return {
    object: 'storage_object',
    ...fields,
    size: bytes.length,
    etag: objectETag(bytes),
    data: toBase64(bytes),
  };
}

/** What the API shows of an object: everything but its content. */
export function metadata({ data: _data, ...rest }: StoredObject): ObjectMetadata {
  return rest;
}

export const contentOf = (object: StoredObject) => fromBase64(object.data);

/**
 * The uploaded bytes. The core hands binary media types over as bytes, but parses JSON and form bodies; for those
 * the raw text is what was sent (JSON is UTF-8 by definition), so encoding it again gives the same bytes.
 */
export function uploadedBytes(input: { body: unknown; rawBody: string }): Uint8Array {
  return input.body instanceof Uint8Array ? input.body : new TextEncoder().encode(input.rawBody);
}

export function bucketView(bucket: StoredBucket, objects: readonly StoredObject[]): Bucket {
  const inside = objects.filter((object) => object.bucket === bucket.name);
  return {
    object: 'bucket',
    name: bucket.name,
    object_count: inside.length,
    size_bytes: inside.reduce((sum, object) => sum + object.size, 0),
    created_at: bucket.created_at,
  };
}

/** Keys are compared code unit by code unit, as the spec promises (`photos/10.png` before `photos/9.png`). */
export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** 2411520 → "2,411,520", the way the spec's messages write sizes, without depending on the runtime's locale data. */
export const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
