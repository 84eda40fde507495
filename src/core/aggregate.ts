/**
 * How check-ins combine into an Actual (SPEC §4.7 Actual), computed streaming: a million
 * check-ins are folded into a few numbers per KPI as they are read, without keeping them.
 */

import type { Day } from "./dates";

export type Aggregation = "sum" | "average" | "last" | "max" | "min" | "count";

// A slot's running totals sit side by side in one typed array, so that adding a check-in to a
// random KPI touches one cache line rather than six arrays.
const COUNT = 0;
const SUM = 1;
const MIN = 2;
const MAX = 3;
const LAST_DAY = 4;
const LAST_VALUE = 5;
const STRIDE = 6;
// Bound once: a global look-up per slot is slow in a sandboxed global (Node's vm).
const PLUS_INFINITY = Number.POSITIVE_INFINITY;
const MINUS_INFINITY = Number.NEGATIVE_INFINITY;

/**
 * Running totals for many slots at once (one slot per KPI, or per habit period). Adding a
 * check-in allocates nothing.
 */
export class Accumulators {
  private readonly data: Float64Array;

  constructor(readonly size: number) {
    this.data = new Float64Array(size * STRIDE);
    for (let base = 0; base < this.data.length; base += STRIDE) {
      this.data[base + MIN] = PLUS_INFINITY;
      this.data[base + MAX] = MINUS_INFINITY;
      this.data[base + LAST_DAY] = MINUS_INFINITY;
    }
  }

  /** Adds one check-in; call in row order so that "ties go to the later row" holds. */
  add(slot: number, day: Day, value: number): void {
    const data = this.data;
    const base = slot * STRIDE;
    data[base + COUNT]! += 1;
    data[base + SUM]! += value;
    if (value < data[base + MIN]!) data[base + MIN] = value;
    if (value > data[base + MAX]!) data[base + MAX] = value;
    if (day >= data[base + LAST_DAY]!) {
      data[base + LAST_DAY] = day;
      data[base + LAST_VALUE] = value;
    }
  }

  /** How many values were added to a slot. */
  count(slot: number): number {
    return this.data[slot * STRIDE + COUNT]!;
  }

  /** Day of the latest value added to a slot; `undefined` when none was. */
  lastDay(slot: number): Day | undefined {
    return this.count(slot) === 0 ? undefined : this.data[slot * STRIDE + LAST_DAY]!;
  }

  /** The combined value of a slot, or `undefined` when nothing was added to it. */
  result(slot: number, aggregation: Aggregation): number | undefined {
    const base = slot * STRIDE;
    const count = this.data[base + COUNT]!;
    if (count === 0) return undefined;
    switch (aggregation) {
      case "sum":
        return this.data[base + SUM]!;
      case "average":
        return this.data[base + SUM]! / count;
      case "last":
        // The latest by date; among check-ins of that day, the one added last (the later row).
        return this.data[base + LAST_VALUE]!;
      case "max":
        return this.data[base + MAX]!;
      case "min":
        return this.data[base + MIN]!;
      case "count":
        return count;
    }
  }
}
