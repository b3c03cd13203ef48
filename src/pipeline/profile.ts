/**
 * Opt-in phase timing for benchmarks and profiling scripts: with IACJUDGE_PROFILE=1 the pipeline adds each
 * phase's milliseconds to `PHASE_TIMES`. Off by default, and then costs one boolean test per phase.
 */
export const PROFILE_ENABLED = process.env['IACJUDGE_PROFILE'] === '1';

/** Accumulated milliseconds per phase name (ingest, parse, stage:<name>...) since the last reset. */
export const PHASE_TIMES = new Map<string, number>();

export function addPhaseTime(phase: string, ms: number): void {
  PHASE_TIMES.set(phase, (PHASE_TIMES.get(phase) ?? 0) + ms);
}

export function resetPhaseTimes(): void {
  PHASE_TIMES.clear();
}

/** Runs `fn`, adding its time to `phase` when profiling is on. */
export function timed<T>(phase: string, fn: () => T): T {
  if (!PROFILE_ENABLED) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    addPhaseTime(phase, performance.now() - t0);
  }
}
