/** Expected progress: the fraction of a goal's window elapsed (SPEC §4.3), in whole calendar days. */

import { type Day, formatDay } from "./dates";
import { KpiInputError } from "./values";

export function checkWindow(start: Day, due: Day, where = ""): void {
  if (due < start) {
    throw new KpiInputError(`due ${formatDay(due)}${where} is before start ${formatDay(start)}`);
  }
}

export function pace(start: Day, due: Day, asOf: Day, where = ""): number {
  checkWindow(start, due, where);
  if (due === start) return asOf >= due ? 1 : 0;
  return Math.min(1, Math.max(0, (asOf - start) / (due - start)));
}
