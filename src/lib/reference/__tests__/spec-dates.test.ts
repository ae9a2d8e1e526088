import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { specDates, today } from '../spec-dates';

describe('when each API document last changed', () => {
  const folder = mkdtempSync(join(tmpdir(), 'spec-dates-'));
  const sources = join(folder, 'sources.json');
  const outside = join(folder, 'outside.yaml');
  writeFileSync(outside, 'openapi: 3.1.0\n');
  writeFileSync(
    sources,
    JSON.stringify([
      { api: 'payments', file: 'openapi/payments.yaml' },
      { api: 'outside', file: outside },
    ]),
  );
  const dates = specDates(sources);

  test('a document in the checkout is dated by its last commit, not by the day of the build', () => {
    // payments.yaml is committed; its date is a real day on or before today.
    expect(dates['payments']!.toISOString()).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(dates['payments']!.getTime()).toBeLessThanOrEqual(today().getTime());
  });

  test('a document git does not know (OPENAPI_EXTRA from elsewhere) counts as changed today', () => {
    expect(dates['outside']).toEqual(today());
  });
});
