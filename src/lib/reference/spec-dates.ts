/**
 * When each API's document last changed, for the reference pages' "last updated", the sitemap and structured data:
 * the date of the last commit that touched the file it was read from or one of the files it bundles, as generate
 * lists them (mocks/generated/sources.json). A change to a shared component dates only the documents that use it.
 * A document outside the git checkout (added with OPENAPI_EXTRA) or a checkout without git history counts as
 * changed today.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface Source {
  api: string;
  file: string;
  /** The other files its document takes parts from (openapi/shared/components.yaml); absent when there are none. */
  bundled?: string[];
}

export function specDates(sourcesFile = 'mocks/generated/sources.json'): Record<string, Date> {
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as Source[];
  return Object.fromEntries(
    sources.map(({ api, file, bundled = [] }) => [api, lastCommitDate(file, bundled) ?? today()]),
  );
}

function lastCommitDate(file: string, bundled: string[]): Date | undefined {
  // One question per file: a bundled file outside the document's checkout would fail a shared `git log` (exit 128)
  // and date the whole document today. Each file is asked in its own folder, so it is dated by its own history.
  const dates = [file, ...bundled].flatMap((other) => {
    const path = resolve(other);
    const result = spawnSync('git', ['log', '-1', '--format=%cs', '--', path], {
      encoding: 'utf8',
      cwd: dirname(path),
    });
    const date = result.status === 0 ? result.stdout.trim() : '';
    return date ? [new Date(date)] : [];
  });
  return dates.length > 0 ? new Date(Math.max(...dates.map(Number))) : undefined;
}

export const today = () => new Date(new Date().toISOString().slice(0, 10));
