/**
 * The custom functions as Sheets sees them. The build copies each JSDoc block and parameter
 * list onto a top-level forwarder in dist/Code.js, which is where Sheets reads autocomplete and
 * formula help from — so the parameter names here are the contract of SPEC §4 and the doc blocks
 * are user documentation.
 *
 * Each function only builds the spreadsheet's clock and names itself in errors; the arithmetic is
 * in the pure core.
 */

import { spreadsheetClock } from "../adapters/clock";
import type { Clock, FormulaResult } from "../core/clock";
import { kpiAttainment, kpiPace, kpiStatus } from "../core/elementwise";
import { kpiRollup } from "../core/rollup";
import { kpiSmart } from "../core/smart";
import { kpiSplit } from "../core/split";
import { kpiSummary, readAsOfDay } from "../core/summary";
import { kpiTrend } from "../core/trend";
import { withFunctionName } from "../core/values";

/**
 * Progress from baseline to target as a fraction (1 = target met; may be below 0 or above 1).
 * Works on single values or whole ranges of the same shape.
 *
 * Example: =KPI_ATTAINMENT(7.5, 5, 10, "decrease") returns 0.5.
 *
 * @param {number|Array<Array<number>>} actual The value reached so far (blank gives a blank result).
 * @param {number|Array<Array<number>>} target The goal's target value; "5%" is read as 0.05.
 * @param {number|Array<Array<number>>} baseline The starting value; blank means 0 for Increase and is an error for Decrease.
 * @param {string|Array<Array<string>>} direction Increase (default), Decrease, At least or At most; aliases such as "lower is better" are accepted.
 * @return The attainment, or a range of attainments shaped like the arguments.
 * @customfunction
 */
export function KPI_ATTAINMENT(
  actual: unknown,
  target: unknown,
  baseline?: unknown,
  direction?: unknown,
): FormulaResult {
  return withFunctionName("KPI_ATTAINMENT", () =>
    kpiAttainment(actual, target, baseline, direction),
  );
}

/**
 * The expected progress at a date: the fraction of the goal's window from start to due that has
 * elapsed, counted in whole calendar days and kept between 0 and 1.
 *
 * Example: =KPI_PACE(DATE(2026,1,1), DATE(2026,1,31), DATE(2026,1,16)) returns 0.5.
 *
 * @param {Date|Array<Array<Date>>} start The first day of the goal's window.
 * @param {Date|Array<Array<Date>>} due The deadline, the last day of the window.
 * @param {Date|Array<Array<Date>>} as_of The day to compute for; blank means today (use the KPI_AS_OF cell, since TODAY() cannot be passed to a custom function).
 * @return The elapsed fraction, or a range of them shaped like the arguments.
 * @customfunction
 */
export function KPI_PACE(start: unknown, due: unknown, as_of?: unknown): FormulaResult {
  return withClock("KPI_PACE", (clock) => kpiPace(start, due, as_of, clock));
}

/**
 * The status of a goal: Achieved, Missed, On track, At risk, Off track, In progress or No data,
 * from its attainment and the expected progress at the as-of date.
 *
 * Example: =KPI_STATUS(0.4, 0.5) returns "On track"; =KPI_STATUS(0.2, 0.5) returns "Off track".
 *
 * @param {number|Array<Array<number>>} attainment The attainment (1 = target met), e.g. from KPI_ATTAINMENT.
 * @param {number|Array<Array<number>>} expected The expected progress, e.g. from KPI_PACE; blank gives "In progress".
 * @param {Date|Array<Array<Date>>} due The deadline; after it an unmet goal is "Missed".
 * @param {Date|Array<Array<Date>>} as_of The day to grade for; blank means today.
 * @param {number} at_risk_gap How far behind the expected progress is still "On track" (default 0.10).
 * @param {number} off_track_gap How far behind is "At risk" rather than "Off track" (default 0.25).
 * @return The status text, or a range of them shaped like the arguments.
 * @customfunction
 */
export function KPI_STATUS(
  attainment: unknown,
  expected?: unknown,
  due?: unknown,
  as_of?: unknown,
  at_risk_gap?: unknown,
  off_track_gap?: unknown,
): FormulaResult {
  return withClock("KPI_STATUS", (clock) =>
    kpiStatus(attainment, expected, due, as_of, at_risk_gap, off_track_gap, clock),
  );
}

/**
 * Splits a target across parts in proportion to weights, rounded so the parts add up to the total
 * exactly (largest remainder; ties go to the earlier part).
 *
 * Example: =KPI_SPLIT(10000000, {4;3;2;1}) returns 4000000, 3000000, 2000000, 1000000;
 * =KPI_SPLIT(100, 3) returns 34, 33, 33.
 *
 * @param {number} total The target to split.
 * @param {Array<Array<number>>|number} weights A range of weights (blank cells take no share), or a whole number N for N equal parts.
 * @param {number} decimals Decimal places of each part, 0 to 10 (default 0).
 * @return The parts, shaped like the weights (a column for N equal parts).
 * @customfunction
 */
export function KPI_SPLIT(total: unknown, weights: unknown, decimals?: unknown): FormulaResult {
  return withFunctionName("KPI_SPLIT", () => kpiSplit(total, weights, decimals));
}

/**
 * Grades each goal of a KPI registry against the SMART rules: how many of Specific, Measurable,
 * Attainable, Relevant and Time-bound it passes, and advice for the first one it fails.
 *
 * Example: =KPI_SMART(KPIs!A1:V) returns a "SMART | Advice" table with rows such as "5/5" and
 * "3/5 | Link it to the goal it serves…".
 *
 * @param {Array<Array<string>>} kpis The registry range including its header row (ID, Name, Type, Level, Parent, Unit, Baseline, Target, Start, Due…).
 * @return A header row "SMART | Advice" and one row per registry row.
 * @customfunction
 */
export function KPI_SMART(kpis: unknown): FormulaResult {
  return withClock("KPI_SMART", (clock) => kpiSmart(kpis, clock));
}

/**
 * Computes every goal of a KPI registry from a check-in log: actuals, attainment, expected
 * progress, status, OKR scores, habit streaks, and rollups of children into parents.
 *
 * Example: =KPI_ROLLUP(KPIs!A1:AD, 'Check-ins'!A1:E, KPI_AS_OF, "ID,Name,Actual,Target,Status", 0.1, 0.25)
 *
 * @param {Array<Array<string>>} kpis The registry range including its header row; needs ID and Target columns.
 * @param {Array<Array<string>>} checkins The check-in log including its header row; needs KPI ID and Value, and usually Date.
 * @param {Date} as_of The day to compute for; blank means today.
 * @param {string} fields Comma-separated output columns, e.g. "ID,Name,Owner,Actual,Target,Attainment,Expected,Status" (the default).
 * @param {number} at_risk_gap How far behind the expected progress is still "On track" (default 0.10); pass the Settings cell so every view grades alike.
 * @param {number} off_track_gap How far behind is "At risk" rather than "Off track" (default 0.25).
 * @return A header row of the fields and one row per goal.
 * @customfunction
 */
export function KPI_ROLLUP(
  kpis: unknown,
  checkins: unknown,
  as_of?: unknown,
  fields?: unknown,
  at_risk_gap?: unknown,
  off_track_gap?: unknown,
): FormulaResult {
  return withClock("KPI_ROLLUP", (clock) =>
    kpiRollup(kpis, checkins, as_of, fields, clock, at_risk_gap, off_track_gap),
  );
}

function withClock(name: string, run: (clock: Clock) => FormulaResult): FormulaResult {
  return withFunctionName(name, () => run(spreadsheetClock()));
}

/**
 * The history of one field of some goals, re-graded from the check-in log as of each step date
 * (no snapshots: a check-in typed late corrects the past). Every cell equals KPI_ROLLUP's value
 * for that goal at that date.
 *
 * Example: =KPI_TREND(KPIs!A1:AD, 'Check-ins'!A1:E, "KPI-0001", , KPI_AS_OF, "week") returns the
 * company goal's attainment at the end of every week since its start.
 *
 * @param {Array<Array<string>>} kpis The registry range including its header row.
 * @param {Array<Array<string>>} checkins The check-in log including its header row.
 * @param {string|Array<Array<string>>} ids One ID, a comma-separated list, or a range of IDs (blank cells skipped).
 * @param {Date} from The first date; blank means the earliest Start of the chosen goals.
 * @param {Date} to The last date; blank means today (pass the KPI_AS_OF cell).
 * @param {string} step day, week (default; ISO weeks), month or quarter.
 * @param {string} field Actual, Attainment (default), Expected, Score, Status or Check-ins.
 * @return A header row "Date | <goal names>" and one row per step date.
 * @customfunction
 */
export function KPI_TREND(
  kpis: unknown,
  checkins: unknown,
  ids: unknown,
  from?: unknown,
  to?: unknown,
  step?: unknown,
  field?: unknown,
): FormulaResult {
  return withClock("KPI_TREND", (clock) =>
    kpiTrend(kpis, checkins, { ids, from, to, step, field }, clock),
  );
}

/**
 * Counts goals by status, with their mean OKR score, per department (or per Level, Owner, Type or
 * any other registry column), from the same computation as KPI_ROLLUP; a last row "Total".
 *
 * Example: =KPI_SUMMARY(KPIs!A1:AD, 'Check-ins'!A1:E, KPI_AS_OF) gives one row per department:
 * Goals, Achieved, On track, At risk, Off track, Missed, In progress, No data, Errors, Mean score.
 *
 * @param {Array<Array<string>>} kpis The registry range including its header row.
 * @param {Array<Array<string>>} checkins The check-in log including its header row.
 * @param {Date} as_of The day to grade for; blank means today.
 * @param {string} by The registry column to group by (default Department).
 * @param {number} at_risk_gap How far behind the expected progress is still "On track" (default 0.10).
 * @param {number} off_track_gap How far behind is "At risk" rather than "Off track" (default 0.25).
 * @return A header row and one row per group, then a Total row.
 * @customfunction
 */
export function KPI_SUMMARY(
  kpis: unknown,
  checkins: unknown,
  as_of?: unknown,
  by?: unknown,
  at_risk_gap?: unknown,
  off_track_gap?: unknown,
): FormulaResult {
  return withClock("KPI_SUMMARY", (clock) =>
    kpiSummary(
      kpis,
      checkins,
      { asOf: readAsOfDay(as_of, clock), by, atRiskGap: at_risk_gap, offTrackGap: off_track_gap },
      clock,
    ),
  );
}
