import { documentedResponse, fragmentToken, type Operation } from './openapi.ts';
import { ProblemError } from './problem.ts';
import { matchMediaType, pickOperation, readRequest } from './request-input.ts';
import type { Router } from './router.ts';
import type { FieldError, SpecValidator } from './validate.ts';

/** What Try it's live contract check needs of one API: its routes and its validator. */
export interface ContractEngine {
  router: Router;
  validator: SpecValidator;
}

/**
 * Check a request against the spec before it is sent, with the same rules the sandbox applies, so the reader sees
 * what is wrong (and may still send it to watch the sandbox answer 4xx). `path` is relative to the API's server.
 */
export async function checkRequest(engine: ContractEngine, request: Request, path: string): Promise<FieldError[]> {
  const route = engine.router.match(request.method, path);
  if (route.kind === 'not-found') return [{ pointer: '/path', detail: `${path} is not a path of this API` }];
  if (route.kind === 'method-not-allowed')
    return [{ pointer: '/method', detail: `${request.method} is not allowed here (use ${route.allowed.join(', ')})` }];
  try {
    const operation = await pickOperation(request, route.candidates, route.params, engine.validator);
    await readRequest(request.clone(), operation, route.params, engine.validator);
    return [];
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return error.extra.errors ?? [{ pointer: '', detail: error.message }];
  }
}

/**
 * Check a response against what the operation documents: the status must be declared (exactly, as a range such as
 * `4XX`, or as `default`), and a JSON body must match the schema of that response.
 */
export function checkResponse(
  engine: ContractEngine,
  operation: Operation,
  response: { status: number; contentType: string | null; body: string },
): FieldError[] {
  const documented = documentedResponse(engine.validator.document, operation, response.status);
  if (!documented)
    return [{ pointer: '/status', detail: `${response.status} is not a documented response of this operation` }];
  const { pointer, response: declared } = documented;
  if (!declared?.content) {
    return response.body === '' ? [] : [{ pointer: '/body', detail: 'is present, but the spec declares no body' }];
  }
  const mediaType = (response.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const declaredTypes = Object.keys(declared.content);
  // The most specific declaration wins, as for requests: `image/png`, then `image/*`, then `*/*`.
  const match = matchMediaType(mediaType, declaredTypes);
  if (!match) {
    const expected = declaredTypes.join(' or ');
    return [{ pointer: '/headers/content-type', detail: `is ${mediaType || 'missing'}, expected ${expected}` }];
  }
  if (!declared.content[match]?.schema || !/[/+]json$/.test(mediaType)) return [];
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return [{ pointer: '/body', detail: 'is not valid JSON' }];
  }
  const schemaPointer = `${pointer}/content/${fragmentToken(match)}/schema`;
  return engine.validator.validate(schemaPointer, body, '/body');
}
