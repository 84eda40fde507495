/**
 * The emulator's own calendar: Sheets serial days (days since 1899-12-30) ↔ calendar dates, and
 * the first instant of a day in a time zone. Written apart from the add-on's src/core/dates on
 * purpose (issue #8: a witness that shares the suspect's code cannot catch its bugs): dates use
 * the civil-from-days arithmetic rather than `Date`, zones a daily offset cache rather than
 * weekly buckets. test/emulator/calendar.test.ts checks both agree on every day of 1900–2100.
 */

import { offsetMinutesAt } from "./timezone";

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** The serial day of 1970-01-01. */
export const UNIX_EPOCH_DAY = 25_569;

/** Days from 1970-01-01 to a proleptic Gregorian date (March-based years, 400-year eras). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The serial day of a calendar date, or undefined when there is no such date. */
export function dayFromParts(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  const length = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  if (day > length) return undefined;
  return daysFromCivil(year, month, day) + UNIX_EPOCH_DAY;
}

export interface DayParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: number;
}

/** The calendar date of a whole serial day. */
export function dayParts(serial: number): DayParts {
  const days = serial - UNIX_EPOCH_DAY;
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((days + 3) % 7) + 7) % 7) + 1;
  return { ...civilFromDays(days), weekday };
}

/** What day/instant conversions need of a zone (ZoneDays, or any converter with these two). */
export type ZoneLike = Pick<ZoneDays, "offsetMinutes" | "startOf">;

/**
 * One time zone's offsets, cached per UTC day: a day whose first and last second have the same
 * offset has it throughout (no zone changes and changes back within a day); a day holding a
 * change is asked of `Intl` instant by instant.
 */
export class ZoneDays {
  readonly #days = new Map<number, number | null>();

  constructor(readonly timeZone: string) {}

  /** Minutes east of UTC at an instant. */
  offsetMinutes(epochMs: number): number {
    const utcDay = Math.floor(epochMs / DAY_MS);
    let offset = this.#days.get(utcDay);
    if (offset === undefined) {
      const start = offsetMinutesAt(this.timeZone, utcDay * DAY_MS);
      const end = offsetMinutesAt(this.timeZone, (utcDay + 1) * DAY_MS - 1000);
      offset = start === end ? start : null;
      this.#days.set(utcDay, offset);
    }
    return offset ?? offsetMinutesAt(this.timeZone, epochMs);
  }

  /** The serial day an instant falls on in the zone. */
  dayOfInstant(epochMs: number): number {
    return (
      Math.floor((epochMs + this.offsetMinutes(epochMs) * MINUTE_MS) / DAY_MS) + UNIX_EPOCH_DAY
    );
  }

  /**
   * The first instant of a serial day in the zone: its midnight, the earlier one where midnight
   * repeats, or the first instant of the day where a change skips midnight (or the whole day).
   */
  startOf(day: number): Date {
    const wallMidnight = (day - UNIX_EPOCH_DAY) * DAY_MS;
    let first: number | undefined;
    for (const probe of [wallMidnight - DAY_MS, wallMidnight, wallMidnight + DAY_MS]) {
      const instant = wallMidnight - this.offsetMinutes(probe) * MINUTE_MS;
      const wall = instant + this.offsetMinutes(instant) * MINUTE_MS;
      if (wall === wallMidnight && (first === undefined || instant < first)) first = instant;
    }
    if (first !== undefined) return new Date(first);
    // Midnight never happened: walk minute by minute from the earliest offset's midnight.
    let instant = wallMidnight - 15 * HOUR_MS;
    while (this.dayOfInstant(instant) < day) instant += MINUTE_MS;
    return new Date(instant);
  }
}
