/**
 * KPI_ATTAINMENT, KPI_PACE and KPI_STATUS (SPEC §4.2–§4.4) on single values or whole ranges.
 * Reading and validating each cell happens here; the arithmetic is in attainment.ts, pace.ts and
 * status.ts, shared with KPI_ROLLUP and the daily check.
 */

import { attainment, checkGoalSetup, readDirection, unknownDirectionMessage } from "./attainment";
import type { CellValue, Clock, FormulaResult } from "./clock";
import { type Day, optionalDay } from "./dates";
import { mapCells } from "./grid";
import { pace } from "./pace";
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP, status } from "./status";
import { KpiInputError, optionalNumber } from "./values";

/**
 * Every cell is validated, even one whose result will be blank: a typo in a direction or a
 * decrease without a baseline shows up the day the goal is written, not when its first check-in
 * arrives.
 *
 * When the target is blank too, the result is `""` (the goal is still being written), but what
 * can already be checked still is: the actual, the baseline and the direction must be readable,
 * and a Decrease goal must have a baseline. Only the side of the target against the baseline
 * waits for the target.
 */
export function kpiAttainment(
  actual: unknown,
  target: unknown,
  baseline: unknown,
  direction: unknown,
): FormulaResult {
  return mapCells({ actual, target, baseline, direction }, (cell, where) => {
    const actualValue = optionalNumber(cell.actual, "actual", where);
    const targetValue = optionalNumber(cell.target, "target", where);
    const baselineValue = optionalNumber(cell.baseline, "baseline", where);
    const goalDirection = readDirection(cell.direction);
    if (goalDirection === undefined) {
      throw new KpiInputError(unknownDirectionMessage(cell.direction, where));
    }
    checkGoalSetup(targetValue, baselineValue, goalDirection, where);
    if (actualValue === undefined || targetValue === undefined) return "";
    return attainment(actualValue, targetValue, baselineValue, goalDirection, where);
  });
}

export function kpiPace(start: unknown, due: unknown, asOf: unknown, clock: Clock): FormulaResult {
  const today = todayOf(clock);
  return mapCells({ start, due, as_of: asOf }, (cell, where): CellValue => {
    const startDay = optionalDay(cell.start, clock.zone, "start", where);
    const dueDay = optionalDay(cell.due, clock.zone, "due", where);
    const asOfDay = optionalDay(cell.as_of, clock.zone, "as_of", where);
    if (startDay === undefined || dueDay === undefined) return "";
    return pace(startDay, dueDay, asOfDay ?? today(), where);
  });
}

export function kpiStatus(
  attainmentArg: unknown,
  expected: unknown,
  due: unknown,
  asOf: unknown,
  atRiskGap: unknown,
  offTrackGap: unknown,
  clock: Clock,
): FormulaResult {
  const today = todayOf(clock);
  const args = {
    attainment: attainmentArg,
    expected,
    due,
    as_of: asOf,
    at_risk_gap: atRiskGap,
    off_track_gap: offTrackGap,
  };
  return mapCells(args, (cell, where): CellValue => {
    const attainmentValue = optionalNumber(cell.attainment, "attainment", where);
    const expectedValue = optionalNumber(cell.expected, "expected", where);
    const dueDay = optionalDay(cell.due, clock.zone, "due", where);
    const asOfDay = optionalDay(cell.as_of, clock.zone, "as_of", where);
    const atRisk = optionalNumber(cell.at_risk_gap, "at_risk_gap", where) ?? DEFAULT_AT_RISK_GAP;
    const offTrack =
      optionalNumber(cell.off_track_gap, "off_track_gap", where) ?? DEFAULT_OFF_TRACK_GAP;
    // Any numeric gaps are graded by §4.4's rules as written: they stay well defined when a
    // user swaps the two or makes one negative (a stricter bar), so neither is refused.
    return status({
      attainment: attainmentValue,
      expected: expectedValue,
      due: dueDay,
      asOf: asOfDay ?? today(),
      atRiskGap: atRisk,
      offTrackGap: offTrack,
    });
  });
}

/**
 * Today, asked of the clock at most once per call: in Apps Script it costs a service call, and
 * every cell of one formula must grade against the same day.
 */
function todayOf(clock: Clock): () => Day {
  let today: Day | undefined;
  return () => {
    if (today === undefined) today = clock.today();
    return today;
  };
}
