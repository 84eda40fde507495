/**
 * Calendar periods on serial days (SPEC §4.7 Habits): days, ISO weeks (Monday–Sunday), months,
 * quarters and years. A period is identified by an integer index that increases by one from each
 * period to the next, so "the periods from Start to as-of" is a plain integer range and a week
 * that straddles New Year is one period like any other.
 *
 * The arithmetic is integer-only (no `Date`), because habit check-ins are mapped to periods one by
 * one.
 */

import type { Day } from "./dates";

export type Cadence = "daily" | "weekly" | "monthly" | "quarterly" | "yearly";

export const CADENCES: readonly Cadence[] = ["daily", "weekly", "monthly", "quarterly", "yearly"];

/** Serial day 2 is Monday 1900-01-01: ISO weeks are counted from it. */
const FIRST_MONDAY = 2;
/** Serial day of 1970-01-01, and the days from 0000-03-01 to 1970-01-01 in the civil algorithm. */
const UNIX_EPOCH_SERIAL = 25_569;
const CIVIL_SHIFT = 719_468;

/**
 * Year and month (1–12) of a serial day, packed as `year * 12 + month - 1`. Howard Hinnant's
 * civil-from-days algorithm, valid for the whole proleptic Gregorian calendar.
 */
export function monthIndexOf(day: Day): number {
  const z = day - UNIX_EPOCH_SERIAL + CIVIL_SHIFT;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** Serial day of the first day of a month given as `year * 12 + month - 1`. */
export function firstDayOfMonthIndex(monthIndex: number): Day {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - CIVIL_SHIFT + UNIX_EPOCH_SERIAL;
}

/** Index of the period of `cadence` that contains `day`. */
export function periodOf(cadence: Cadence, day: Day): number {
  switch (cadence) {
    case "daily":
      return day;
    case "weekly":
      return Math.floor((day - FIRST_MONDAY) / 7);
    case "monthly":
      return monthIndexOf(day);
    case "quarterly":
      return Math.floor(monthIndexOf(day) / 3);
    case "yearly":
      return Math.floor(monthIndexOf(day) / 12);
  }
}

/** First day of a period. */
export function periodStart(cadence: Cadence, index: number): Day {
  switch (cadence) {
    case "daily":
      return index;
    case "weekly":
      return index * 7 + FIRST_MONDAY;
    case "monthly":
      return firstDayOfMonthIndex(index);
    case "quarterly":
      return firstDayOfMonthIndex(index * 3);
    case "yearly":
      return firstDayOfMonthIndex(index * 12);
  }
}

/** Last day of a period. */
export function periodEnd(cadence: Cadence, index: number): Day {
  return periodStart(cadence, index + 1) - 1;
}
