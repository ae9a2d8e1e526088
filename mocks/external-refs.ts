/**
 * Bundling of `$ref`s to other files (`./shared/components.yaml#/components/schemas/Problem`) into the document
 * that uses them. Both ways a spec is read call it (load-spec.ts: `readSpec` for generate, and through it the
 * reference, the sandbox and the MCP server; `readSpecSource` for the download at `/openapi/<api>.yaml`), so none of
 * them needs another of our files; `$ref`s to URLs stay (below). Synchronous, like the rest of spec loading; runs at
 * build time and in Node, never in the browser. Why not a library: docs/decisions/0015-shared-spec-components.md.
 *
 * The result is a list of patches, each a path in the document and the value to put there, so that the same change
 * can be made to the parsed object and to the YAML text as its author wrote it (load-spec.ts keeps its comments and
 * layout; long folded lines may wrap differently):
 * - a component that is a `$ref` to another file (`components.responses.Unauthorized: { $ref: … }`) takes the
 *   referenced value, under its own name;
 * - any other `$ref` to a component of another file (`…#/components/<type>/<name>`) becomes a local one, and the
 *   component is added under the same name;
 * - a `$ref` to something else in another file (a whole file, `#/definitions/Pet`) is replaced by a copy of it.
 * Inside another file, `#/components/<type>/<name>` names that file's component, as Redocly's lint reads it too. A
 * name can hold one thing: a component brought in under a name the document or another brought-in component already
 * uses is an error, unless the document's own component of that name is the same value written out again.
 *
 * URLs (`https://…`) are not fetched: the build asks no host. They stay as they are, and spec loading warns about
 * them like about any `$ref` it cannot follow.
 */
import { dirname, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fragmentKey, fragmentToken, resolvePointer } from './core/openapi.ts';

/** A `$ref` to another file that cannot be followed: the message names the file and the JSON pointer at fault. */
export class ExternalRefError extends Error {}

/** Put `value` at `path` (object keys and array indexes, from the document root). */
export interface RefPatch {
  path: string[];
  value: unknown;
}

type Json = Record<string, unknown>;
/** Where a node was written: its file and the JSON pointer in that file (`#/components/responses/Unauthorized`). */
interface Place {
  file: string;
  pointer: string;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** `https://…`, `urn:…`, `//host/…`: refs to other hosts, which are never fetched. */
const isUrl = (ref: string) => /^([a-z][a-z\d+.-]+:|\/\/)/i.test(ref);
const COMPONENT = /^\/components\/([^/]+)\/([^/]+)$/;
const pointerOf = (path: readonly string[]) => `#${path.map((key) => `/${fragmentToken(key)}`).join('')}`;

/**
 * Keys whose values are data, not OpenAPI: a `$ref` in an example is an example. `examples` is data in a schema (an
 * array) and a map of Example Objects in a media type or parameter (which may be `$ref`s themselves); only the
 * Example Object's `value` is skipped, so a `$ref` inside a schema's `examples` array is still followed. A property
 * named `example` is a schema like any other.
 */
function isData(path: readonly string[], key: string): boolean {
  const parent = path.at(-1);
  if (parent === 'properties' || parent === 'patternProperties') return false;
  if (['example', 'default', 'const', 'enum'].includes(key)) return true;
  return key === 'value' && path.at(-2) === 'examples' && path.at(-3) !== 'properties';
}

/** Every `$ref` to another file in `node`, with its path: not the document's own `#/…` refs, URLs or refs in data. */
function externalRefs(node: unknown, path: string[] = [], found: { path: string[]; ref: string }[] = []) {
  if (Array.isArray(node)) node.forEach((child, index) => externalRefs(child, [...path, String(index)], found));
  else if (isObject(node)) {
    if (typeof node['$ref'] === 'string' && !node['$ref'].startsWith('#') && !isUrl(node['$ref']))
      found.push({ path, ref: node['$ref'] });
    for (const [key, value] of Object.entries(node))
      if (key !== '$ref' && !isData(path, key)) externalRefs(value, [...path, key], found);
  }
  return found;
}

/**
 * The patches that make `document` (read from `file`) self-contained; none when it references no other file, which
 * is the case for nearly every vendor document, so those are neither copied nor changed. `load` parses another file
 * (and throws, naming the file and line, when it cannot); each file is loaded once.
 */
export function externalRefPatches(file: string, document: unknown, load: (file: string) => unknown): RefPatch[] {
  const refs = externalRefs(document);
  if (refs.length === 0) return [];
  const root = resolve(file);
  const loaded = new Map<string, unknown>([[root, document]]);
  /** For messages: the root file as it was given, others relative to the working directory, like other messages. */
  const shown = (path: string) => (path === root ? file : relative(process.cwd(), path));
  /** `#/components/<type>/<name>` of the result → what fills it: `root` (the document's own) or a target's key. */
  const owner = new Map<string, string>();
  /** A target (`/abs/file.yaml#/pointer`) → the local ref that now holds it. */
  const placed = new Map<string, string>();
  const patches: RefPatch[] = [];
  const components = Object.fromEntries(
    Object.entries(isObject(document) && isObject(document['components']) ? document['components'] : {}).filter(
      (entry): entry is [string, Json] => isObject(entry[1]),
    ),
  );

  /**
   * The target of `ref` (not a URL), written at `at`, as a key: `/abs/file.yaml#/pointer`. Undefined when it is in
   * the document itself (`#/…` there, or its own file by name).
   */
  const keyOf = (ref: string, at: Place): string | undefined => {
    const hash = ref.indexOf('#');
    const path = hash === -1 ? ref : ref.slice(0, hash);
    const target = path === '' ? resolve(at.file) : resolve(dirname(at.file), decodeURI(path));
    return target === root ? undefined : `${target}#${hash === -1 ? '' : ref.slice(hash + 1)}`;
  };
  /** A key's file and fragment (the file's path may hold a `#`, a JSON pointer cannot). */
  const split = (key: string) => [key.slice(0, key.lastIndexOf('#')), key.slice(key.lastIndexOf('#') + 1)] as const;
  const fail = (at: Place, ref: string, problem: string): never => {
    throw new ExternalRefError(`${shown(at.file)}${at.pointer}/$ref: $ref "${ref}" ${problem}`);
  };
  const lookup = (key: string, ref: string, at: Place): unknown => {
    const [target, fragment] = split(key);
    if (!loaded.has(target)) {
      try {
        loaded.set(target, load(target));
      } catch (error) {
        // Errors of the file system; a file that cannot be parsed throws its own error, with the line.
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code !== 'string') throw error;
        fail(
          at,
          ref,
          `names ${shown(target)}, which ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}.`,
        );
      }
    }
    const value = resolvePointer(loaded.get(target), `#${fragment}`);
    if (value === undefined) fail(at, ref, `points to nothing: ${shown(target)} has no ${fragment}.`);
    return value;
  };

  /** A copy of `node` (written at `at`, in a file that is not the document), its refs bundled but for data and URLs. */
  const copy = (node: unknown, at: Place, inlining: readonly string[]): unknown => {
    if (Array.isArray(node))
      return node.map((child, index) => copy(child, { ...at, pointer: `${at.pointer}/${index}` }, inlining));
    if (!isObject(node)) return node;
    const path = at.pointer.split('/').slice(1);
    const result: Json = {};
    for (const [key, value] of Object.entries(node)) {
      const child = { ...at, pointer: `${at.pointer}/${fragmentToken(key)}` };
      result[key] = key === '$ref' || isData(path, key) ? value : copy(value, child, inlining);
    }
    return typeof node['$ref'] === 'string' ? refTo(node['$ref'], result, at, inlining) : result;
  };

  /**
   * What a ref becomes: a URL stays; a ref to the document itself becomes a local ref; a ref to a whole component of
   * another file (`#/components/<type>/<name>`) becomes a local ref to the component that holds it (added when it is
   * new); a ref to anything else (a whole file, `#/definitions/Pet`, a part of a component) becomes a copy of its
   * target. `node` is the ref's object, with any keys beside `$ref`.
   */
  const refTo = (ref: string, node: Json, at: Place, inlining: readonly string[]): unknown => {
    if (isUrl(ref)) return node;
    const key = keyOf(ref, at);
    if (key === undefined) {
      // The document itself, by its file name: a local ref.
      const hash = ref.indexOf('#');
      return { ...node, $ref: hash === -1 ? '#' : ref.slice(hash) };
    }
    const { $ref: _, ...beside } = node;
    const local = placed.get(key);
    if (local) return { $ref: local, ...beside };
    const target = lookup(key, ref, at);
    const [targetFile, fragment] = split(key);
    const component = COMPONENT.exec(fragment);
    if (component) {
      const [, type, name] = component.map((token) => fragmentKey(token)) as [string, string, string];
      const pointer = pointerOf(['components', type, name]);
      const place = { file: targetFile, pointer: `#${fragment}` };
      const holder = owner.get(pointer);
      if (holder !== undefined) {
        // The name is taken: by the same thing written out again (a copy of the shared Problem), or it is a clash.
        const own = holder === 'root' ? components[type]?.[name] : undefined;
        if (own !== undefined && isDeepStrictEqual(own, copy(target, place, []))) return { $ref: pointer, ...beside };
        fail(at, ref, `brings in ${pointer}, but ${shown(root)} already has a different ${pointer}; rename one.`);
      }
      owner.set(pointer, key);
      placed.set(key, pointer);
      patches.push({ path: ['components', type, name], value: copy(target, place, []) });
      return { $ref: pointer, ...beside };
    }
    if (inlining.includes(key)) fail(at, ref, `refers to itself; put its target under components/ to use it.`);
    const value = copy(target, { file: targetFile, pointer: `#${fragment}` }, [...inlining, key]);
    return isObject(value) ? { ...value, ...beside } : value;
  };

  // The document's components are claimed first, so that nothing brought in takes one of their names.
  for (const [type, map] of Object.entries(components)) {
    for (const [name, value] of Object.entries(map)) {
      const pointer = pointerOf(['components', type, name]);
      const ref = isObject(value) ? value['$ref'] : undefined;
      const key = typeof ref === 'string' && !isUrl(ref) ? keyOf(ref, { file: root, pointer }) : undefined;
      owner.set(pointer, key ?? 'root');
      if (key !== undefined && !placed.has(key)) placed.set(key, pointer);
    }
  }
  for (const { path, ref } of refs) {
    const at = { file: root, pointer: pointerOf(path) };
    const node = path.reduce<unknown>((parent, key) => (parent as Json)[key], document) as Json;
    const slot = path.length === 3 && path[0] === 'components';
    const key = keyOf(ref, at);
    if (slot && key !== undefined) {
      // A component that is a ref to another file's: the component takes the value, under its own name.
      const { $ref: _, ...beside } = node;
      const [targetFile, fragment] = split(key);
      const value = copy(lookup(key, ref, at), { file: targetFile, pointer: `#${fragment}` }, [key]);
      patches.push({ path, value: isObject(value) ? { ...value, ...beside } : value });
    } else patches.push({ path, value: refTo(ref, node, at, []) });
  }
  return patches;
}

/** Apply patches to a parsed document, in place. */
export function applyPatches(document: unknown, patches: readonly RefPatch[]): void {
  for (const { path, value } of patches) {
    let node = document as Json;
    for (const key of path.slice(0, -1)) {
      if (!isObject(node[key]) && !Array.isArray(node[key])) node[key] = {};
      node = node[key] as Json;
    }
    node[path.at(-1)!] = value;
  }
}
