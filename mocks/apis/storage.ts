import { defineApi } from '../core/define-api.ts';
import { paginate } from '../core/pagination.ts';
import { ProblemError, problems } from '../core/problem.ts';
import type { operations } from '../generated/types/storage.ts';
import {
  checkDocumentSize,
  checkIfMatch,
  documentETag,
  documentOrder,
  matchesWhere,
  mergePatch,
  type StoredDocument,
} from './storage/documents.ts';
import {
  bucketView,
  byCodeUnits,
  contentOf,
  MAX_OBJECT_BYTES,
  metadata,
  storedObject,
  uploadedBytes,
  withCommas,
  type StoredBucket,
  type StoredObject,
} from './storage/objects.ts';
import { seedStorage, type StorageData } from './storage/seed.ts';

export type { StorageData } from './storage/seed.ts';

/* Not-found messages name what the reader typed, as in the spec's examples, since a typo is the usual cause. */
function findBucket(data: StorageData, name: string): StoredBucket {
  const bucket = data.buckets.find((candidate) => candidate.name === name);
  if (!bucket) throw new ProblemError(404, `There is no bucket named '${name}'. Create it with POST /buckets first.`);
  return bucket;
}

function findObject(data: StorageData, bucket: string, key: string): StoredObject {
  findBucket(data, bucket);
  const object = data.objects.find((candidate) => candidate.bucket === bucket && candidate.key === key);
  if (!object) throw new ProblemError(404, `Bucket '${bucket}' has no object with key '${key}'.`);
  return object;
}

function findDocument(data: StorageData, collection: string, id: string): StoredDocument {
  const document = data.documents.find((candidate) => candidate.collection === collection && candidate.id === id);
  if (!document) throw new ProblemError(404, `Collection '${collection}' has no document with id '${id}'.`);
  return document;
}

export const storage = defineApi<operations, StorageData>({
  seed: seedStorage,

  handlers: {
    createBucket: ({ data, input, now }) => {
      const { name } = input.body;
      if (data.buckets.some((bucket) => bucket.name === name))
        throw problems.conflict(`A bucket named '${name}' already exists.`);
      const bucket = { name, created_at: now().toISOString() };
      data.buckets.push(bucket);
      return { status: 201, body: bucketView(bucket, data.objects) };
    },
    listBuckets: ({ data, input }) => {
      const buckets = [...data.buckets]
        .sort((a, b) => byCodeUnits(a.name, b.name))
        .map((bucket) => bucketView(bucket, data.objects));
      return { status: 200, body: paginate(buckets, input.query, (bucket) => bucket.name) };
    },
    getBucket: ({ data, input }) => ({
      status: 200,
      body: bucketView(findBucket(data, input.path.bucket), data.objects),
    }),
    deleteBucket: ({ data, input }) => {
      const bucket = findBucket(data, input.path.bucket);
      const count = data.objects.filter((object) => object.bucket === bucket.name).length;
      if (count > 0) {
        throw problems.conflict(
          `Bucket '${bucket.name}' still holds ${count} object${count === 1 ? '' : 's'}. Delete them before deleting the bucket.`,
        );
      }
      data.buckets = data.buckets.filter((candidate) => candidate !== bucket);
      return { status: 204, body: undefined };
    },

    listObjects: ({ data, input }) => {
      const bucket = findBucket(data, input.path.bucket);
      const prefix = input.query.prefix ?? '';
      const objects = data.objects
        .filter((object) => object.bucket === bucket.name && object.key.startsWith(prefix))
        .sort((a, b) => byCodeUnits(a.key, b.key))
        .map(metadata);
      return { status: 200, body: paginate(objects, input.query, (object) => object.key) };
    },
    putObject: async ({ data, input, now, emit }) => {
      const { bucket, key } = input.path;
      findBucket(data, bucket);
      const bytes = uploadedBytes(input);
      // The core's body limit is the same 1 MiB today; this keeps the API's own rule if that limit is ever raised.
      if (bytes.length > MAX_OBJECT_BYTES) {
        throw new ProblemError(
          413,
          `The object is ${withCommas(bytes.length)} bytes; the sandbox stores objects up to ${withCommas(MAX_OBJECT_BYTES)} bytes (1 MiB).`,
        );
      }
      const object = storedObject(
        {
          bucket,
          key,
          content_type: input.contentType ?? input.mediaType ?? 'application/octet-stream',
          created_at: now().toISOString(),
        },
        bytes,
      );
      // An upload replaces any object under the same key, keeping no old version.
      data.objects = [...data.objects.filter((old) => !(old.bucket === bucket && old.key === key)), object];
      const stored = metadata(object);
      await emit('object.created', stored);
      return { status: 200, body: stored, headers: { etag: object.etag } };
    },
    getObject: ({ data, input }) => {
      const object = findObject(data, input.path.bucket, input.path.key);
      return {
        status: 200,
        // The generated type says `string` for `*/*`; the core sends a Uint8Array body as those exact bytes, which a
        // string could not carry for binary files.
        body: contentOf(object) as unknown as string,
        headers: { 'content-type': object.content_type, etag: object.etag },
      };
    },
    deleteObject: async ({ data, input, emit }) => {
      const object = findObject(data, input.path.bucket, input.path.key);
      data.objects = data.objects.filter((candidate) => candidate !== object);
      await emit('object.deleted', metadata(object));
      return { status: 204, body: undefined };
    },

    createDocument: async ({ data, input, id, now, emit }) => {
      checkDocumentSize(input.body);
      const at = now().toISOString();
      const document: StoredDocument = {
        object: 'document',
        id: id('doc_'),
        collection: input.path.collection,
        data: input.body,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      data.documents.push(document);
      await emit('document.created', document);
      return { status: 201, body: document, headers: { etag: documentETag(document) } };
    },
    listDocuments: ({ data, input }) => {
      const { collection } = input.path;
      const documents = data.documents
        .filter((document) => document.collection === collection && matchesWhere(document, input.query.where))
        .sort(documentOrder(input.query.order_by));
      return { status: 200, body: paginate(documents, input.query) };
    },
    getDocument: ({ data, input }) => {
      const document = findDocument(data, input.path.collection, input.path.document_id);
      return { status: 200, body: document, headers: { etag: documentETag(document) } };
    },
    replaceDocument: async ({ data, input, now, emit }) => {
      const document = findDocument(data, input.path.collection, input.path.document_id);
      checkIfMatch(document, input.headers['If-Match']);
      checkDocumentSize(input.body);
      Object.assign(document, { data: input.body, version: document.version + 1, updated_at: now().toISOString() });
      await emit('document.updated', document);
      return { status: 200, body: document, headers: { etag: documentETag(document) } };
    },
    patchDocument: async ({ data, input, now, emit }) => {
      const document = findDocument(data, input.path.collection, input.path.document_id);
      checkIfMatch(document, input.headers['If-Match']);
      const patched = mergePatch(document.data, input.body) as StoredDocument['data'];
      checkDocumentSize(patched);
      Object.assign(document, { data: patched, version: document.version + 1, updated_at: now().toISOString() });
      await emit('document.updated', document);
      return { status: 200, body: document, headers: { etag: documentETag(document) } };
    },
    deleteDocument: async ({ data, input, emit }) => {
      const document = findDocument(data, input.path.collection, input.path.document_id);
      checkIfMatch(document, input.headers['If-Match']);
      data.documents = data.documents.filter((candidate) => candidate !== document);
      await emit('document.deleted', document);
      return { status: 204, body: undefined };
    },
  },
});
