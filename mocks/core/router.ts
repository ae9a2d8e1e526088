import { listOperations, type HttpMethod, type OpenApiDocument, type Operation } from './openapi.ts';

/** A literal segment, or a templated one compiled once: its pattern and the names of its parameters, in order. */
type Segment = string | { pattern: RegExp; names: string[] };

interface Route {
  segments: Segment[];
  /** Literal segments count for more than templated ones, so `/users/@me` wins over `/users/{id}`. */
  score: number;
  /** Several operations may share a method on one path when the spec tells them apart by a `#` suffix. */
  operations: Map<HttpMethod, Operation[]>;
}

export type RouteMatch =
  | {
      kind: 'operation';
      operation: Operation;
      params: Record<string, string>;
      /** Every operation on this path and method, the first being `operation`: more than one for `/engage#import`. */
      candidates: Operation[];
    }
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
      const path = requestPath(operation.path);
      let route = byPath.get(path);
      if (!route) {
        const segments = split(path).map(compileSegment);
        const score = segments.reduce((sum: number, segment) => sum + (typeof segment === 'string' ? 2 : 1), 0);
        route = { segments, score, operations: new Map() };
        byPath.set(path, route);
      }
      route.operations.set(operation.method, [...(route.operations.get(operation.method) ?? []), operation]);
    }
    this.#routes = [...byPath.values()].sort((a, b) => b.score - a.score || b.segments.length - a.segments.length);
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path).map(decodeSegment);
    let allowed: string[] | undefined;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      const candidates = route.operations.get(method.toLowerCase() as HttpMethod);
      if (candidates) return { kind: 'operation', operation: candidates[0]!, params, candidates };
      allowed ??= [...route.operations.keys()].map((m) => m.toUpperCase());
    }
    return allowed ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

/**
 * The path a request uses for a spec's path key. Some vendors describe several operations on one URL with keys such
 * as `/engage#import` and `/engage#delete`, or `/search?type=user`; a client sends `/engage` or `/search` for each.
 */
export const requestPath = (pathKey: string) => pathKey.replace(/[#?].*$/, '') || '/';

/** The query a path key such as `/search?type=user` fixes (`{ type: 'user' }`); empty for an ordinary key. */
export function pathKeyQuery(pathKey: string): Record<string, string> {
  const query = /\?([^#]*)/.exec(pathKey)?.[1];
  return query ? Object.fromEntries(new URLSearchParams(query)) : {};
}

const split = (path: string) => path.split('/').filter((segment) => segment !== '');
const isTemplate = (segment: string) => segment.includes('{');

/** A templated segment as a RegExp (`{id}.json` becomes `^(.+?)\\.json$`); a literal one stays as it is. */
function compileSegment(segment: string): Segment {
  if (!isTemplate(segment)) return segment;
  const names: string[] = [];
  const source = segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    // The segment is already split off and decoded, so an encoded slash (`notes%2Fa.txt`) is part of the value.
    return '(.+?)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

/**
 * Match one templated path against a request path, split and decoded; templates may share a segment with text
 * (`{id}.json`).
 */
function matchSegments(template: Segment[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const pattern = template[i]!;
    const segment = actual[i]!;
    if (typeof pattern === 'string') {
      if (pattern !== segment) return undefined;
      continue;
    }
    const found = pattern.pattern.exec(segment);
    if (!found) return undefined;
    pattern.names.forEach((name, index) => (params[name] = found[index + 1]!));
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
