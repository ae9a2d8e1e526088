/**
 * Generic mocks keep what clients create: for every collection the sandbox infers from a spec's REST shape, a create
 * reads back with the values sent, shows in the list, and is a 404 once deleted; every answer on the way matches the
 * operation's documented schema. Runs on our fixtures, and on the vendor documents in ../shared/specs when present.
 */
import { describe, expect, test } from 'vitest';
import { checkResponse } from '../core/contract-check.ts';
import type { Operation } from '../core/openapi.ts';
import { createSandbox } from '../core/sandbox.ts';
import { loadSpec } from '../load-spec.ts';
import {
  collectionsOf,
  idIn,
  itemPath,
  matchingQuery,
  resourceIn,
  sendExample,
  sentFields,
  unreadFields,
  type Sent,
} from './resource-flows.ts';
import { specFiles } from './spec-files.ts';

const files = specFiles();

describe.each(files)('stateful generic mocks for %s', (file) => {
  const document = loadSpec(file);
  const sandbox = createSandbox({ specs: { vendor: document }, mount: '/sandbox/' });
  const engine = sandbox.engine('vendor');
  // Served under the API's name plus its first server's path, as a vendor client library would call it.
  const BASE = `http://site.test/sandbox/${engine.location.root}`;
  const collections = collectionsOf(sandbox, 'vendor').filter((entry) => entry.create);

  /** Undocumented statuses (Square documents only its 200s) are left to the contract tests' own rules. */
  const schemaErrors = (operation: Operation, sent: Sent) =>
    checkResponse(engine, operation, { status: sent.status, contentType: sent.contentType, body: sent.text }).filter(
      (error) => !(sent.status >= 400 && error.pointer === '/status'),
    );

  if (collections.length === 0) {
    test('infers no collection: method-style paths (/chat.postMessage) and lone actions stay stateless', () => {
      expect([...engine.resources.values()].filter((role) => role.action === 'create')).toEqual([]);
    });
    return;
  }

  test.each(collections.map((entry, index) => [entry.collection.path, entry, index] as const))(
    '%s: create, read back, list, delete, then 404',
    async (_path, entry, index) => {
      // A key per collection: each starts fresh and stays under the rate limit.
      const key = `sk_test_resources${String(index).padStart(4, '0')}`;
      const { collection } = entry;
      const created = await sendExample(sandbox, document, BASE, entry.create!, key);
      expect(created.status, created.text).toBeLessThan(300);
      expect(schemaErrors(entry.create!, created)).toEqual([]);
      const id = idIn(created.body, collection.idField);
      // Some creates answer without a body (petstore's 201 "Null response"); there is nothing to read back by.
      if (id === undefined) return;
      if (entry.read) {
        const read = await sendExample(
          sandbox,
          document,
          BASE,
          entry.read,
          key,
          itemPath(document, entry.read, collection, id),
        );
        expect(read.status, read.text).toBeLessThan(300);
        expect(schemaErrors(entry.read, read)).toEqual([]);
        expect(unreadFields(sentFields(created.request), resourceIn(read.body, collection.idField) ?? {})).toEqual([]);
      }
      if (entry.list) {
        // A list filters by the fields its query names; asked for the created resource's values, it shows it.
        const list = await sendExample(
          sandbox,
          document,
          BASE,
          entry.list,
          key,
          itemPath(document, entry.list, collection, id),
          matchingQuery(resourceIn(created.body, collection.idField) ?? {}),
        );
        expect(list.status, list.text).toBeLessThan(300);
        expect(schemaErrors(entry.list, list)).toEqual([]);
        expect(list.text).toContain(JSON.stringify(id));
      }
      if (entry.delete) {
        const path = itemPath(document, entry.delete, collection, id);
        const deleted = await sendExample(sandbox, document, BASE, entry.delete, key, path);
        expect(deleted.status, deleted.text).toBeLessThan(300);
        expect(schemaErrors(entry.delete, deleted)).toEqual([]);
        const again = await sendExample(
          sandbox,
          document,
          BASE,
          entry.read ?? entry.delete,
          key,
          itemPath(document, entry.read ?? entry.delete, collection, id),
        );
        expect(again.status).toBe(404);
        expect(schemaErrors(entry.read ?? entry.delete, again)).toEqual([]);
      }
    },
  );
});
