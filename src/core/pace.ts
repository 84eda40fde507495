/** Expected progress: the fraction of a goal's window elapsed (SPEC §4.3), in whole calendar days. */

import { type Day, formatDay } from "./dates";
import { KpiInputError } from "./values";

// Bound once: KPI_ROLLUP computes a pace per KPI, and in a sandboxed global (Node's vm) every
// look-up of a global name such as `Math` is an interceptor call.
const { min, max } = Math;

export function checkWindow(start: Day, due: Day, where = ""): void {
  if (due < start) {
    throw new KpiInputError(`due ${formatDay(due)}${where} is before start ${formatDay(start)}`);
  }
}

export function pace(start: Day, due: Day, asOf: Day, where = ""): number {
  checkWindow(start, due, where);
  if (due === start) return asOf >= due ? 1 : 0;
  return min(1, max(0, (asOf - start) / (due - start)));
}
