import type { StoredDocument } from './documents.ts';
import { storedObject, type StoredBucket, type StoredObject } from './objects.ts';

export interface StorageData {
  buckets: StoredBucket[];
  objects: StoredObject[];
  documents: StoredDocument[];
}

const text = (content: string) => new TextEncoder().encode(content);

/**
 * The buckets, objects and documents the spec's examples use, so that every documented request works in a fresh
 * sandbox: `old-exports` is empty so that it can be deleted, and `product-images` is absent so that it can be created.
 */
export function seedStorage(): StorageData {
  return {
    buckets: [
      { name: 'old-exports', created_at: '2026-10-31T18:00:00Z' },
      { name: 'user-uploads', created_at: '2026-11-25T10:00:00Z' },
    ],
    objects: [
      storedObject(
        {
          bucket: 'user-uploads',
          key: 'notes/hello.txt',
          content_type: 'text/plain',
          created_at: '2026-11-25T10:04:12Z',
        },
        text('Hello from Engine Room!\n'),
      ),
      storedObject(
        {
          bucket: 'user-uploads',
          key: 'settings/ada.json',
          content_type: 'application/json',
          created_at: '2026-11-25T10:06:30Z',
        },
        text('{"theme":"dark","language":"en-US"}'),
      ),
    ],
    documents: [
      {
        object: 'document',
        id: 'doc_2Vb8Nr4Hs6Pw',
        collection: 'orders',
        data: { customer: 'Grace Hopper', status: 'shipped', total: 12900 },
        version: 3,
        created_at: '2026-11-24T15:20:00Z',
        updated_at: '2026-11-25T09:02:41Z',
      },
      {
        object: 'document',
        id: 'doc_7Qm3Xc9Tz2Lk',
        collection: 'orders',
        data: {
          customer: 'Ada Lovelace',
          status: 'pending',
          total: 4599,
          items: [
            { sku: 'MUG-01', quantity: 2 },
            { sku: 'TEE-04', quantity: 1 },
          ],
        },
        version: 1,
        created_at: '2026-11-25T10:10:00Z',
        updated_at: '2026-11-25T10:10:00Z',
      },
    ],
  };
}
