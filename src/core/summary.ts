/**
 * `KPI_SUMMARY` (SPEC §4.9): counts by status and the mean score for groups of goals (by
 * Department unless told otherwise), counted from the rows {@link computeRollup} computes — the
 * same rows `KPI_ROLLUP` shows, so a summary never disagrees with the table beside it.
 *
 * Groups are made in code, not with `AVERAGEIF`/`COUNTIF` in the sheet: a department named
 * `<b>Hax</b>` or `>5` would be read there as a comparison.
 */

import type { CellValue, Clock, FormulaResult } from "./clock";
import { type Day, formatDay, readDay } from "./dates";
import { headerKey, requireTable } from "./headers";
import { computeRollup, type RollupRow } from "./rollup";
import type { Status } from "./status";
import { describeValue, isBlank, KpiInputError, optionalNumber } from "./values";

/** The status columns in the order SPEC §4.9 lists them. */
const COUNTED: readonly Status[] = [
  "Achieved",
  "On track",
  "At risk",
  "Off track",
  "Missed",
  "In progress",
  "No data",
];

export const SUMMARY_HEADER_AFTER_GROUP = ["Goals", ...COUNTED, "Errors", "Mean score"] as const;

/** The label of goals whose group cell is blank. */
export const NO_GROUP = "(none)";
export const TOTAL = "Total";

interface Group {
  readonly label: string;
  goals: number;
  readonly counts: number[];
  errors: number;
  scoreSum: number;
  scored: number;
}

function newGroup(label: string): Group {
  return { label, goals: 0, counts: COUNTED.map(() => 0), errors: 0, scoreSum: 0, scored: 0 };
}

function add(group: Group, row: RollupRow): void {
  group.goals += 1;
  if (row.status === undefined) group.errors += 1;
  else group.counts[COUNTED.indexOf(row.status)]! += 1;
  if (row.score !== undefined) {
    group.scoreSum += row.score;
    group.scored += 1;
  }
}

function line(group: Group): CellValue[] {
  return [
    group.label,
    group.goals,
    ...group.counts,
    group.errors,
    group.scored === 0 ? "" : group.scoreSum / group.scored,
  ];
}

/** A group cell as text: trimmed; a date as `YYYY-MM-DD`. */
function groupLabel(value: unknown, clock: Clock): string {
  if (isBlank(value)) return "";
  if (value instanceof Date) {
    const day: Day | undefined = readDay(value, clock.zone);
    return day === undefined ? "" : formatDay(day);
  }
  return String(value).trim();
}

function scalar(value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  const cells = value.flat();
  if (cells.length !== 1) throw new KpiInputError(`${what} must be one value, not a range`);
  return cells[0];
}

/** The as-of argument: one date; blank is today. */
export function readAsOfDay(asOf: unknown, clock: Clock): Day {
  const value = scalar(asOf, "as_of");
  if (isBlank(value)) return clock.today();
  const day = readDay(value, clock.zone);
  if (day === undefined) throw new KpiInputError(`as_of ${describeValue(value)} is not a date`);
  return day;
}

export interface SummaryRequest {
  readonly asOf: Day;
  readonly by: unknown;
  readonly atRiskGap: unknown;
  readonly offTrackGap: unknown;
}

/** `KPI_SUMMARY(kpis, checkins, [as_of], [by], [at_risk_gap], [off_track_gap])`. */
export function kpiSummary(
  kpis: unknown,
  checkins: unknown,
  request: SummaryRequest,
  clock: Clock,
): FormulaResult {
  const registry = requireTable(kpis, "kpis");
  const header = registry[0]!;
  const byValue = scalar(request.by, "by");
  const by = isBlank(byValue) ? "Department" : String(byValue);
  const wanted = headerKey(by);
  const column = header.findIndex((cell) => wanted !== "" && headerKey(cell) === wanted);
  if (column < 0) {
    throw new KpiInputError(`by ${describeValue(byValue)}: kpis has no such column`);
  }
  const atRiskGap = optionalNumber(scalar(request.atRiskGap, "at_risk_gap"), "at_risk_gap");
  const offTrackGap = optionalNumber(scalar(request.offTrackGap, "off_track_gap"), "off_track_gap");
  const rows = computeRollup(registry, checkins, {
    asOf: request.asOf,
    zone: clock.zone,
    atRiskGap,
    offTrackGap,
  });

  const groups = new Map<string, Group>();
  const total = newGroup(TOTAL);
  for (const row of rows) {
    const text = groupLabel(registry[row.row - 1]?.[column], clock);
    const key = text.toLowerCase();
    let group = groups.get(key);
    if (group === undefined) {
      group = newGroup(text === "" ? NO_GROUP : text);
      groups.set(key, group);
    }
    add(group, row);
    add(total, row);
  }
  const sorted = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => group);
  const title = String(header[column]).trim();
  return [[title, ...SUMMARY_HEADER_AFTER_GROUP], ...sorted.map(line), line(total)];
}
