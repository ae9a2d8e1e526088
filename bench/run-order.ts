/** The order in which the timing part loads its targets (bench/timing.ts). */

export type CpuSetting = 'normal' | 'throttled';

/**
 * The order of the timed loads: run by run, setting by setting, every target once (A B C D, A B C D, …), never the
 * same target twice in a row, so a burst of load from other jobs lands on all targets rather than on one. Each run
 * starts one target later than the last (B C D A in the second), so no target always follows the slowest page or
 * always opens a run; with as many runs as targets every target takes every position once per setting.
 */
export function interleavedOrder(
  targets: number,
  runs: number,
  settings: readonly CpuSetting[] = ['normal', 'throttled'],
): { run: number; setting: CpuSetting; target: number }[] {
  const order: { run: number; setting: CpuSetting; target: number }[] = [];
  for (let run = 0; run < runs; run++)
    for (const setting of settings)
      for (let position = 0; position < targets; position++)
        order.push({ run, setting, target: (run + position) % targets });
  return order;
}
