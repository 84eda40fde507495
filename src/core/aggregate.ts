/**
 * How check-ins combine into an Actual (SPEC §4.7 Actual), computed streaming: a million
 * check-ins are folded into a few numbers per KPI as they are read, without keeping them.
 */

import type { Day } from "./dates";

export type Aggregation = "sum" | "average" | "last" | "max" | "min" | "count";

// Check-ins arrive in random KPI order, so what is touched per check-in is kept small and
// together: the window as two int32 (8 bytes per slot) and the totals every aggregation needs as
// four doubles (32 bytes), minimum and maximum apart and only for the slots that ask for them.
// The check-in scanner reads and writes these arrays itself (see scanCheckins), so the layout is
// exported: until the engine has optimised the loop (the first tens of thousands of rows), a
// method call per check-in costs more than the arithmetic it wraps.
/** Offsets within a slot's {@link STRIDE} doubles of {@link Accumulators.totals}. */
export const COUNT = 0;
export const SUM = 1;
export const LAST_DAY = 2;
export const LAST_VALUE = 3;
export const STRIDE = 4;
/** Window bounds meaning "unbounded"; every real serial day lies between them. */
const NO_FROM = -2_147_483_648;
const NO_TO = 2_147_483_647;
// Bound once: a global look-up per slot is slow in a sandboxed global (Node's vm).
const PLUS_INFINITY = Number.POSITIVE_INFINITY;
const MINUS_INFINITY = Number.NEGATIVE_INFINITY;

/**
 * Running totals for many slots at once (one slot per KPI, or per habit period), each with the
 * window of days it counts (unbounded unless set). Adding a check-in allocates nothing.
 */
export class Accumulators {
  /** [from, to] per slot, both included. */
  readonly window: Int32Array;
  /** {@link STRIDE} doubles per slot: count, sum, day and value of the latest check-in. */
  readonly totals: Float64Array;
  /** [min, max] per slot; only written for slots that track extremes, empty when none does. */
  readonly extremes: Float64Array;
  /** 1 for slots that track their minimum and maximum (needed by Min and Max). */
  readonly tracked: Uint8Array;

  /**
   * @param tracksExtremes per slot, whether Min and Max will be asked for; all slots when omitted.
   */
  constructor(
    readonly size: number,
    tracksExtremes?: Uint8Array,
  ) {
    const tracked = tracksExtremes ?? new Uint8Array(size).fill(1);
    // A rollup of Sum KPIs tracks no extremes: their array is then not allocated at all (at
    // 10,000 KPIs it would be 160 KB of fresh memory to fill per call).
    const extremes = new Float64Array(tracked.includes(1) ? size * 2 : 0);
    const window = new Int32Array(size * 2);
    const totals = new Float64Array(size * STRIDE);
    for (let slot = 0; slot < size; slot++) {
      window[slot * 2] = NO_FROM;
      window[slot * 2 + 1] = NO_TO;
      totals[slot * STRIDE + LAST_DAY] = MINUS_INFINITY;
    }
    for (let slot = 0; slot < extremes.length / 2; slot++) {
      extremes[slot * 2] = PLUS_INFINITY;
      extremes[slot * 2 + 1] = MINUS_INFINITY;
    }
    this.window = window;
    this.totals = totals;
    this.extremes = extremes;
    this.tracked = tracked;
  }

  /** Limits a slot to the days from `from` to `to`, both included (±∞ for no bound). */
  setWindow(slot: number, from: Day, to: Day): void {
    this.window[slot * 2] = from < NO_FROM ? NO_FROM : from;
    this.window[slot * 2 + 1] = to > NO_TO ? NO_TO : to;
  }

  /** Whether a day is inside a slot's window. */
  inWindow(slot: number, day: Day): boolean {
    return day >= this.window[slot * 2]! && day <= this.window[slot * 2 + 1]!;
  }

  /** Adds one check-in; call in row order so that "ties go to the later row" holds. */
  add(slot: number, day: Day, value: number): void {
    const totals = this.totals;
    const base = slot * STRIDE;
    totals[base + COUNT]! += 1;
    totals[base + SUM]! += value;
    if (day >= totals[base + LAST_DAY]!) {
      totals[base + LAST_DAY] = day;
      totals[base + LAST_VALUE] = value;
    }
    if (this.tracked[slot] === 1) {
      const extremes = this.extremes;
      if (value < extremes[slot * 2]!) extremes[slot * 2] = value;
      if (value > extremes[slot * 2 + 1]!) extremes[slot * 2 + 1] = value;
    }
  }

  /** How many values were added to a slot. */
  count(slot: number): number {
    return this.totals[slot * STRIDE + COUNT]!;
  }

  /** Day of the latest value added to a slot; `undefined` when none was. */
  lastDay(slot: number): Day | undefined {
    return this.count(slot) === 0 ? undefined : this.totals[slot * STRIDE + LAST_DAY]!;
  }

  /**
   * The combined value of a slot, or `undefined` when nothing was added to it. Min and Max need
   * a slot that tracks extremes.
   */
  result(slot: number, aggregation: Aggregation): number | undefined {
    const base = slot * STRIDE;
    const count = this.totals[base + COUNT]!;
    if (count === 0) return undefined;
    switch (aggregation) {
      case "sum":
        return this.totals[base + SUM]!;
      case "average":
        return this.totals[base + SUM]! / count;
      case "last":
        // The latest by date; among check-ins of that day, the one added last (the later row).
        return this.totals[base + LAST_VALUE]!;
      case "max":
        return this.extremeOf(slot, 1);
      case "min":
        return this.extremeOf(slot, 0);
      case "count":
        return count;
    }
  }

  private extremeOf(slot: number, which: 0 | 1): number {
    if (this.tracked[slot] !== 1) throw new Error(`slot ${slot} does not track Min and Max`);
    return this.extremes[slot * 2 + which]!;
  }
}
