/** Status rules of SPEC §4.4, first rule that applies wins. */

import type { Day } from "./dates";
import { EPSILON } from "./values";

export const STATUSES = [
  "Achieved",
  "Missed",
  "On track",
  "At risk",
  "Off track",
  "In progress",
  "No data",
] as const;
export type Status = (typeof STATUSES)[number];

export const DEFAULT_AT_RISK_GAP = 0.1;
export const DEFAULT_OFF_TRACK_GAP = 0.25;

export interface StatusInput {
  readonly attainment: number | undefined;
  readonly expected: number | undefined;
  readonly due: Day | undefined;
  readonly asOf: Day;
  readonly atRiskGap?: number;
  readonly offTrackGap?: number;
  /** Habits skip the Achieved and Missed rules (SPEC §4.7 Habits). */
  readonly isHabit?: boolean;
}

export function status(input: StatusInput): Status {
  const { attainment, expected, due, asOf } = input;
  const atRiskGap = input.atRiskGap ?? DEFAULT_AT_RISK_GAP;
  const offTrackGap = input.offTrackGap ?? DEFAULT_OFF_TRACK_GAP;
  if (!input.isHabit) {
    if (attainment !== undefined && attainment >= 1 - EPSILON) return "Achieved";
    if (due !== undefined && asOf > due) return "Missed";
  }
  if (attainment === undefined) return "No data";
  if (expected === undefined) return "In progress";
  const gap = attainment - expected;
  if (gap >= -atRiskGap - EPSILON) return "On track";
  if (gap >= -offTrackGap - EPSILON) return "At risk";
  return "Off track";
}
