import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const SHARED = '../shared/specs';
const isSpec = (file: string) => /\.(ya?ml|json)$/.test(file);

/**
 * The documents the vendor tests run on: every spec in the fixture folders, always, and the real vendor documents in
 * ../shared/specs when that checkout is present. A shared document that a fixture folder copies is read once, from
 * the fixture, so a fresh clone and a full checkout test the same file.
 */
export function specFiles(fixtureFolders: readonly string[] = ['tests/fixtures/specs']): string[] {
  const fixtures = fixtureFolders.flatMap((folder) =>
    readdirSync(folder)
      .filter(isSpec)
      .map((file) => join(folder, file)),
  );
  const copied = new Set(fixtures.map((file) => basename(file)));
  const shared = existsSync(SHARED)
    ? readdirSync(SHARED)
        .filter((file) => isSpec(file) && !copied.has(file))
        .map((file) => join(SHARED, file))
    : [];
  return [...fixtures, ...shared];
}
