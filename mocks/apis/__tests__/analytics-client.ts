/** The analytics sandbox for one key, with a clock that moves only with `advance`, for the analytics tests. */
import { sandboxClient } from './sandbox-client.ts';

export const KEY = 'sk_test_analytics01';

export function client(start = '2026-11-25T12:00:00Z') {
  const { sandbox, call, advance: advanceSeconds } = sandboxClient('analytics', KEY, start);
  const counts = async (query: string) => (await call('GET', `/reports/event-counts?${query}`)).body;
  const state = () => JSON.stringify(sandbox.state(KEY, 'analytics'));
  const advance = (ms: number) => advanceSeconds(ms / 1000);
  return { call, counts, state, advance, sandbox };
}

/** The counts of a report's series, day by day (or week by week). */
export const seriesOf = (report: { series: { count: number }[] }) => report.series.map((point) => point.count);
