/** Attainment in the four directions (SPEC §4.2), on numbers that were already read. */

import { isBlank, KpiInputError, normalizeKey } from "./values";

export type Direction = "increase" | "decrease" | "atleast" | "atmost";

const DIRECTION_ALIASES: Readonly<Record<string, Direction>> = {
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
};

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
  return DIRECTION_ALIASES[normalizeKey(value)];
}

export function unknownDirectionMessage(value: unknown): string {
  return `unknown direction ${JSON.stringify(String(value))}: use Increase, Decrease, At least or At most`;
}

/**
 * Throws when a goal is set up so that no attainment can be computed: a decrease without a
 * baseline, or a target on the wrong side of its baseline. Checked even before any actual exists,
 * so a broken goal shows up the day it is written, not the day its first check-in arrives.
 */
export function checkGoalSetup(
  target: number,
  baseline: number | undefined,
  direction: Direction,
): void {
  if (direction === "decrease") {
    if (baseline === undefined) {
      throw new KpiInputError("a Decrease goal needs a baseline to measure the reduction from");
    }
    if (target > baseline) {
      throw new KpiInputError(
        `target ${target} is above baseline ${baseline}: use direction "Increase" for a goal that should go up`,
      );
    }
  } else if (direction === "increase" && baseline !== undefined && target < baseline) {
    throw new KpiInputError(
      `target ${target} is below baseline ${baseline}: use direction "Decrease" for a goal that should go down`,
    );
  }
}

/**
 * Progress from baseline to target as a fraction; 1 means the target is met. Not clamped, not
 * rounded. Call {@link checkGoalSetup} first.
 */
export function attainment(
  actual: number,
  target: number,
  baseline: number | undefined,
  direction: Direction,
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
      return (actual - base) / (target - base);
    }
    case "decrease": {
      const base = baseline as number;
      if (target === base) {
        return actual <= target ? 1 : 0;
      }
      return (base - actual) / (base - target);
    }
  }
}

/** Whether a value meets a target in a direction (used for habit periods and equal-baseline goals). */
export function meetsTarget(value: number, target: number, direction: Direction): boolean {
  return direction === "decrease" || direction === "atmost" ? value <= target : value >= target;
}
