import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { specDates, today } from '../spec-dates';

/**
 * A git checkout of its own with two documents committed on a known day, then the shared components one of them uses
 * on a later one.
 */
function checkout(folder: string) {
  const git = (args: string[], date?: string) => {
    const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: folder,
      env,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
  };
  git(['init', '-q']);
  writeFileSync(join(folder, 'payments.yaml'), 'openapi: 3.1.0\n');
  writeFileSync(join(folder, 'messaging.yaml'), 'openapi: 3.1.0\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'documents'], '2024-05-06T12:00:00Z');
  mkdirSync(join(folder, 'shared'));
  writeFileSync(join(folder, 'shared', 'components.yaml'), 'components: {}\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'shared components'], '2025-01-02T12:00:00Z');
}

describe('when each API document last changed', () => {
  const folder = mkdtempSync(join(tmpdir(), 'spec-dates-'));
  const repo = join(folder, 'repo');
  mkdirSync(repo);
  checkout(repo);
  const lone = join(folder, 'lone');
  mkdirSync(lone);
  const sources = join(folder, 'sources.json');
  const outside = join(lone, 'outside.yaml');
  writeFileSync(join(lone, 'elsewhere.yaml'), 'components: {}\n');
  writeFileSync(outside, 'openapi: 3.1.0\n');
  writeFileSync(
    sources,
    JSON.stringify([
      { api: 'payments', file: join(repo, 'payments.yaml'), bundled: [join(repo, 'shared', 'components.yaml')] },
      { api: 'messaging', file: join(repo, 'messaging.yaml'), bundled: [] },
      { api: 'outside', file: outside },
      // A shared file from outside the checkout (OPENAPI_EXTRA bundling from elsewhere) has no history here.
      { api: 'mixed', file: join(repo, 'messaging.yaml'), bundled: [join(lone, 'elsewhere.yaml')] },
    ]),
  );
  const dates = specDates(sources);

  test('a document is dated by the last commit to it or to the shared components it uses, not by today', () => {
    expect(dates['payments']).toEqual(new Date('2025-01-02'));
  });

  test('a change to shared components it does not use leaves a document its own date', () => {
    expect(dates['messaging']).toEqual(new Date('2024-05-06'));
  });

  test('a document git does not know (OPENAPI_EXTRA from elsewhere) counts as changed today', () => {
    expect(dates['outside']).toEqual(today());
  });

  test('a bundled file git does not know leaves the document dated by the files it does know', () => {
    expect(dates['mixed']).toEqual(new Date('2024-05-06'));
  });
});
