/**
 * Readable registries and check-in logs for the rollup tests: goals are written as objects keyed
 * by header, check-ins as `[date, KPI ID, value]` with ISO dates turned into the `Date` cells a
 * spreadsheet in `timeZone` would pass.
 */

import type { Day } from "../../src/core/dates";
import { computeRollup, type RollupOptions, type RollupRow } from "../../src/core/rollup";
import { day, sheetDate, zoneOf } from "../support/clock";

/** The spreadsheet zone most tests use; the zone tests repeat fixtures in others. */
export const TZ = "Asia/Taipei";

export type Goal = Record<string, unknown>;

/** A range with a header row made of every key used by the goals, in first-seen order. */
export function table(goals: readonly Goal[], header?: readonly string[]): unknown[][] {
  const columns = header ?? [...new Set(goals.flatMap((goal) => Object.keys(goal)))];
  return [[...columns], ...goals.map((goal) => columns.map((column) => goal[column] ?? ""))];
}

/** `[date, KPI ID, value]`; a date written `YYYY-MM-DD` becomes a Date cell in `timeZone`. */
export type Checkin = readonly [date: unknown, id: unknown, value: unknown];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dateCell(value: unknown, timeZone = TZ): unknown {
  return typeof value === "string" && ISO_DAY.test(value) ? sheetDate(timeZone, value) : value;
}

export function log(checkins: readonly Checkin[], timeZone = TZ): unknown[][] {
  return [
    ["Date", "KPI ID", "Value", "Note", "By"],
    ...checkins.map(([date, id, value]) => [dateCell(date, timeZone), id, value, "", ""]),
  ];
}

/** Goals whose Start and Due written as ISO dates become Date cells in `timeZone`. */
export function registry(goals: readonly Goal[], timeZone = TZ, header?: readonly string[]) {
  return table(
    goals.map((goal) => {
      const copy: Goal = { ...goal };
      for (const key of ["Start", "Due"]) {
        if (key in copy) copy[key] = dateCell(copy[key], timeZone);
      }
      return copy;
    }),
    header,
  );
}

export function rollup(
  goals: readonly Goal[],
  checkins: readonly Checkin[],
  asOfIso: string,
  options: Partial<RollupOptions> & { timeZone?: string } = {},
): Record<string, RollupRow> {
  const timeZone = options.timeZone ?? TZ;
  const rows = computeRollup(registry(goals, timeZone), log(checkins, timeZone), {
    asOf: day(asOfIso),
    zone: zoneOf(timeZone),
    ...options,
  });
  return Object.fromEntries(rows.map((row) => [row.id, row]));
}

/** The row's Status cell, and the computed numbers most tests look at. */
export function summary(row: RollupRow | undefined) {
  if (row === undefined) throw new Error("no such row");
  return {
    actual: row.actual,
    attainment: row.attainment,
    expected: row.expected,
    status: row.statusText,
  };
}

export const iso = (serial: Day | undefined) =>
  serial === undefined
    ? undefined
    : new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
