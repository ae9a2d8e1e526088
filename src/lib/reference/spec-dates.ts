/**
 * When each API's document last changed, for the reference pages' "last updated", the sitemap and structured data:
 * the date of the last commit that touched the file it was read from (mocks/generated/sources.json), or the shared
 * components beside it that it bundles (openapi/shared/). A document outside the git checkout (added with
 * OPENAPI_EXTRA) or a checkout without git history counts as changed today.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function specDates(sourcesFile = 'mocks/generated/sources.json'): Record<string, Date> {
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as { api: string; file: string }[];
  return Object.fromEntries(sources.map(({ api, file }) => [api, lastCommitDate(file) ?? today()]));
}

function lastCommitDate(file: string): Date | undefined {
  const path = resolve(file);
  const shared = join(dirname(path), 'shared');
  const paths = existsSync(shared) ? [path, shared] : [path];
  // Asked in the document's own folder, so a document from another checkout is dated by that checkout's history.
  const result = spawnSync('git', ['log', '-1', '--format=%cs', '--', ...paths], {
    encoding: 'utf8',
    cwd: dirname(path),
  });
  const date = result.status === 0 ? result.stdout.trim() : '';
  return date ? new Date(date) : undefined;
}

export const today = () => new Date(new Date().toISOString().slice(0, 10));
