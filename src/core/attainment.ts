/** Attainment in the four directions (SPEC §4.2), on numbers that were already read. */

import { isBlank, KpiInputError, normalizeKey } from "./values";

export type Direction = "increase" | "decrease" | "atleast" | "atmost";

// A Map, not an object literal: a typed name such as "constructor" must not find an
// Object.prototype member.
const DIRECTION_ALIASES: ReadonlyMap<string, Direction> = new Map(
  Object.entries({
    increase: "increase",
    up: "increase",
    higher: "increase",
    higherisbetter: "increase",
    decrease: "decrease",
    down: "decrease",
    lower: "decrease",
    lowerisbetter: "decrease",
    atleast: "atleast",
    min: "atleast",
    stayabove: "atleast",
    ">=": "atleast",
    atmost: "atmost",
    max: "atmost",
    staybelow: "atmost",
    "<=": "atmost",
  } satisfies Record<string, Direction>),
);

/** The spelling shown to users, e.g. in the registry's Direction dropdown. */
export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  increase: "Increase",
  decrease: "Decrease",
  atleast: "At least",
  atmost: "At most",
};

/** Blank is `increase`; an unknown name is `undefined` so the caller can name its place. */
export function readDirection(value: unknown): Direction | undefined {
  if (isBlank(value)) return "increase";
  return DIRECTION_ALIASES.get(normalizeKey(value));
}

export function unknownDirectionMessage(value: unknown, where = ""): string {
  return `unknown direction ${JSON.stringify(String(value))}${where}: use Increase, Decrease, At least or At most`;
}

/**
 * Throws when a goal is set up so that no attainment can be computed: a decrease without a
 * baseline, or a target on the wrong side of its baseline (a blank baseline of an increase is 0,
 * so a negative target with no baseline is on the wrong side too). Checked even before any actual
 * exists, so a broken goal shows up the day it is written, not the day its first check-in
 * arrives. With no target yet only the baseline can be checked. `where` (e.g. ` (row 3)`) is put
 * after the goal's numbers in the message.
 */
export function checkGoalSetup(
  target: number | undefined,
  baseline: number | undefined,
  direction: Direction,
  where = "",
): void {
  if (direction === "decrease") {
    if (baseline === undefined) {
      throw new KpiInputError(
        `a Decrease goal${where} needs a baseline to measure the reduction from`,
      );
    }
    if (target !== undefined && target > baseline) {
      throw new KpiInputError(
        `target ${target}${where} is above baseline ${baseline}: use direction "Increase" for a goal that should go up`,
      );
    }
  } else if (direction === "increase" && target !== undefined && target < (baseline ?? 0)) {
    const base = baseline === undefined ? "0 (a blank baseline is 0)" : String(baseline);
    throw new KpiInputError(
      `target ${target}${where} is below baseline ${base}: use direction "Decrease" for a goal that should go down`,
    );
  }
}

/**
 * Progress from baseline to target as a fraction; 1 means the target is met. Not clamped, not
 * rounded. Call {@link checkGoalSetup} first. Throws when a difference or the ratio overflows
 * (numbers near 1e308): an infinite or lost attainment must never become a status.
 */
export function attainment(
  actual: number,
  target: number,
  baseline: number | undefined,
  direction: Direction,
  where = "",
): number {
  switch (direction) {
    case "atleast":
      return actual >= target ? 1 : 0;
    case "atmost":
      return actual <= target ? 1 : 0;
    case "increase": {
      const base = baseline ?? 0;
      if (target === base) {
        return actual >= target ? 1 : 0;
      }
      return ratioOfDifferences(actual, base, target, base, where);
    }
    case "decrease": {
      const base = baseline as number;
      if (target === base) {
        return actual <= target ? 1 : 0;
      }
      return ratioOfDifferences(base, actual, base, target, where);
    }
  }
}

/** Above this, `x * 10^k` may be more than half a unit away from the integer it stands for. */
const EXACT_SCALED_LIMIT = 2 ** 50;

// Bound once: KPI_ROLLUP computes an attainment per KPI, and in a sandboxed global (Node's vm)
// every look-up of a global name such as `Math` is an interceptor call.
const { abs, max, round } = Math;
const isWhole = Number.isInteger;
const finite = Number.isFinite;
const toText = String;
const PLUS_INFINITY = Number.POSITIVE_INFINITY;

/**
 * `(a − b) / (c − d)` with the subtractions done on the decimals the numbers stand for, so that
 * (0.03 − 0.01) / (0.05 − 0.01) is 0.5 as a user expects, not 0.4999999999999999: each operand
 * is scaled by 10^k to the integer it spells (k = the most decimals among them), the integers
 * subtract exactly, and the one division rounds once. Numbers too long or too large for that
 * fall back to plain floating point.
 */
function ratioOfDifferences(a: number, b: number, c: number, d: number, where: string): number {
  // Whole numbers have no decimals (see decimalPlaces), so the usual case of whole counts and
  // targets skips the four conversions to text.
  if (isWhole(a) && isWhole(b) && isWhole(c) && isWhole(d)) return checked(a - b, c - d, where);
  const places = max(decimalPlaces(a), decimalPlaces(b), decimalPlaces(c), decimalPlaces(d));
  if (places > 0 && places <= 15) {
    const scale = 10 ** places;
    const [sa, sb, sc, sd] = [a * scale, b * scale, c * scale, d * scale];
    if (max(abs(sa), abs(sb), abs(sc), abs(sd)) < EXACT_SCALED_LIMIT) {
      return (round(sa) - round(sb)) / (round(sc) - round(sd));
    }
  }
  return checked(a - b, c - d, where);
}

/** `top / bottom`, refused when either difference overflowed or the ratio does. */
function checked(top: number, bottom: number, where: string): number {
  const ratio = top / bottom;
  if (!finite(ratio) || !finite(top) || !finite(bottom)) {
    throw new KpiInputError(`Attainment${where} is too large to compute`);
  }
  return ratio;
}

/** Decimals in a number's shortest spelling: 0.05 → 2, 12 → 0; `Infinity` for "1e-7" forms. */
function decimalPlaces(value: number): number {
  const text = toText(value);
  if (text.includes("e")) return text.includes("e-") ? PLUS_INFINITY : 0;
  const point = text.indexOf(".");
  return point < 0 ? 0 : text.length - point - 1;
}

/** Whether a value meets a target in a direction (used for habit periods and equal-baseline goals). */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === "decrease" || direction === "atmost" ? value <= target : value >= target;
}
