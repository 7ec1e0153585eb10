import type { Rollup } from 'vite';

/** zod's sources carry pure-annotations Rollup cannot place: harmless, and noisy in every build. */
export function quietRollupWarnings(
  warning: Rollup.RollupLog,
  warn: (warning: Rollup.RollupLog) => void,
): void {
  if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
}
