/**
 * The MCP server's pieces on a document we did not write (Swagger 2.0, upgraded by the loader like any spec in
 * openapi/): its pages are searchable and readable, and call_sandbox sends its operations with the contract check.
 */
import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../mocks/core/sandbox.ts';
import { readSpec } from '../../mocks/load-spec.ts';
import { apiView } from '../../src/lib/reference/model.ts';
import { findPage } from '../page-lookup.ts';
import { callSandbox } from '../sandbox-request.ts';
import { SearchIndex } from '../search-index.ts';
import { sitePages } from '../site-pages.ts';

const { document } = readSpec('tests/fixtures/specs/oai-petstore-swagger2.json');
const address = { site: 'http://localhost:4321', base: '/' };
const pages = sitePages([], [apiView('petstore', document)], address);

describe('a Swagger 2.0 petstore, as an extra API', () => {
  test('its overview, operations and schemas are pages that search finds and read_page reads', () => {
    expect(pages.map((page) => page.kind)).toEqual(expect.arrayContaining(['api', 'operation', 'schema']));
    const [hit] = new SearchIndex(pages).search('list all pets');
    expect(hit?.page.kind).toBe('operation');
    expect(findPage(pages, 'petstore/listPets', address)?.markdown()).toMatch(/^# .*\n\n`GET \/pets`/);
  });

  test('call_sandbox sends its operations and checks the answers against it', async () => {
    const sandbox = createSandbox({ specs: { petstore: document }, mount: '/' });
    const call = { api: 'petstore', key: 'sk_test_petstore_1' };
    const listed = await callSandbox(sandbox, { ...call, operationId: 'listPets', params: { limit: 2 } }, address);
    expect(listed.status).toBe(200);
    expect(listed.request.url).toBe('http://localhost:4010/petstore/v1/pets?limit=2');
    expect(listed.contract).toEqual({ request: [], response: [] });

    const wrong = await callSandbox(sandbox, { ...call, operationId: 'listPets', params: { limit: 'many' } }, address);
    expect(wrong.status).toBe(400);
    expect(wrong.contract.request).toContainEqual(expect.objectContaining({ pointer: '/query/limit' }));

    const shown = await callSandbox(sandbox, { ...call, method: 'GET', path: '/pets/7' }, address);
    expect(shown.operation).toEqual({ api: 'petstore', operationId: 'showPetById' });
    expect(shown.contract.response).toEqual([]);
  });
});
