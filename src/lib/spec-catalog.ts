/**
 * Build-time access to the sandbox specs for pages and components: find an API's operation by id, with a clear
 * error naming the page that asked for one that does not exist. No Astro or DOM imports, so it is unit-testable.
 */
import { listOperations, type OpenApiDocument, type Operation } from '../../mocks/core/openapi.ts';
import { specs } from '../../mocks/generated/specs.ts';

export const sandboxApis = (): string[] => Object.keys(specs).sort();

export function specFor(api: string, askedBy: string): OpenApiDocument {
  const document = specs[api];
  if (!document) {
    throw new Error(`${askedBy}: there is no sandbox API "${api}". Known APIs: ${sandboxApis().join(', ')}.`);
  }
  return document;
}

export function findOperation(api: string, operationId: string, askedBy: string): Operation {
  const operations = listOperations(specFor(api, askedBy));
  const operation = operations.find((candidate) => candidate.id === operationId);
  if (!operation) {
    throw new Error(
      `${askedBy}: the ${api} API has no operation "${operationId}". Its operations are: ${operations.map((o) => o.id).join(', ')}.`,
    );
  }
  return operation;
}
