import { listOperations, type HttpMethod, type OpenApiDocument, type Operation } from './openapi.ts';

interface Route {
  segments: string[];
  /** Literal segments count for more than templated ones, so `/users/@me` wins over `/users/{id}`. */
  score: number;
  operations: Map<HttpMethod, Operation>;
}

export type RouteMatch =
  | { kind: 'operation'; operation: Operation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** Matches request paths (relative to the API's server URL) to the spec's operations. */
export class Router {
  readonly operations: Operation[];
  readonly #routes: Route[];

  constructor(document: OpenApiDocument) {
    this.operations = listOperations(document);
    const byPath = new Map<string, Route>();
    for (const operation of this.operations) {
      let route = byPath.get(operation.path);
      if (!route) {
        const segments = split(operation.path);
        const score = segments.reduce((sum, segment) => sum + (isTemplate(segment) ? 1 : 2), 0);
        route = { segments, score, operations: new Map() };
        byPath.set(operation.path, route);
      }
      route.operations.set(operation.method, operation);
    }
    this.#routes = [...byPath.values()].sort((a, b) => b.score - a.score || b.segments.length - a.segments.length);
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    let allowed: string[] | undefined;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      const operation = route.operations.get(method.toLowerCase() as HttpMethod);
      if (operation) return { kind: 'operation', operation, params };
      allowed ??= [...route.operations.keys()].map((m) => m.toUpperCase());
    }
    return allowed ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

const split = (path: string) => path.split('/').filter((segment) => segment !== '');
const isTemplate = (segment: string) => segment.includes('{');

/** Match one templated path against a request path; templates may share a segment with text (`{id}.json`). */
function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const pattern = template[i]!;
    const segment = decodeSegment(actual[i]!);
    if (!isTemplate(pattern)) {
      if (pattern !== segment) return undefined;
      continue;
    }
    const names: string[] = [];
    const source = pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      // The segment is already split off and decoded, so an encoded slash (`notes%2Fa.txt`) is part of the value.
      return '(.+?)';
    });
    const found = new RegExp(`^${source}$`).exec(segment);
    if (!found) return undefined;
    names.forEach((name, index) => (params[name] = found[index + 1]!));
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
