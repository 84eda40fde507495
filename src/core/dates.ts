/**
 * Calendar days in the spreadsheet's time zone (SPEC §4.1, PLATFORM "Time zones").
 *
 * A day is held as a Sheets serial day number: whole days since 1899-12-30, so 2026-01-01 is
 * 46023. Working in whole day numbers makes windows, pace and calendar periods plain integer
 * arithmetic, and makes every result independent of the time zone the code happens to run in.
 *
 * Turning an instant into a day needs the zone's UTC offset at that instant. In Apps Script that
 * costs a service call (`Utilities.formatDate`), so {@link DayConverter} asks for the offset once
 * per week of instants seen and bisects only the weeks in which the offset changes (DST): a
 * million check-ins over a year cost about a hundred offset look-ups, not a million.
 */

import { describeValue, isBlank, KpiInputError } from "./values";

/** Whole days since 1899-12-30 (the Sheets epoch), as a calendar day in the spreadsheet's zone. */
export type Day = number;

/** The UTC offset, in minutes east of UTC, of a time zone at an instant (epoch milliseconds). */
export type OffsetAt = (epochMs: number) => number;

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Serial day of 1970-01-01. */
export const UNIX_EPOCH_DAY = 25_569;
/** Width of one offset-cache bucket. No real zone changes its offset twice within a week. */
const BUCKET_MS = 7 * DAY_MS;

// Built-ins bound once: KPI_ROLLUP reads and writes days per KPI and per check-in, and in a
// sandboxed global (Node's vm) every look-up of a global name is an interceptor call.
const DateClass = Date;
const { floor, min, max } = Math;
const notANumber = Number.isNaN;
const finite = Number.isFinite;
const PLUS_INFINITY = Number.POSITIVE_INFINITY;

/**
 * One week of instants. Where the offset changes inside it, the change is known to lie in
 * (`lo`, `hi`]: the offset is `before` up to `lo` and `after` from `hi`. The interval is narrowed
 * only as far as the instants asked about need — a midnight two hours before a 02:00 switch is
 * settled in about seven look-ups, not the fourteen that pinning the switch to the minute takes.
 */
interface Bucket {
  /** Offset up to `lo` (or throughout, when there is no change). */
  readonly before: number;
  readonly after: number;
  /** Last instant known to have `before` (+Infinity when nothing changes in the bucket). */
  lo: number;
  /** First instant known to have `after`. */
  hi: number;
}

export class DayConverter {
  private readonly buckets = new Map<number, Bucket>();
  private readonly probes = new Map<number, number>();
  private lookups = 0;

  constructor(private readonly offsetAt: OffsetAt) {}

  /** How many times the underlying offset function was called (for tests and benchmarks). */
  get offsetLookups(): number {
    return this.lookups;
  }

  /** Offset in minutes at an instant, from the week cache. */
  offsetMinutes(epochMs: number): number {
    const index = floor(epochMs / BUCKET_MS);
    let bucket = this.buckets.get(index);
    if (bucket === undefined) {
      bucket = this.fillBucket(index);
      this.buckets.set(index, bucket);
    }
    if (epochMs <= bucket.lo) return bucket.before;
    if (epochMs >= bucket.hi) return bucket.after;
    return this.narrow(bucket, epochMs);
  }

  /**
   * Bisects a bucket's (lo, hi] until `epochMs` falls on one side of it, on whole minutes
   * (offsets change on whole minutes), and returns the offset there.
   */
  private narrow(bucket: Bucket, epochMs: number): number {
    while (bucket.hi - bucket.lo > MINUTE_MS) {
      const mid = bucket.lo + floor((bucket.hi - bucket.lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.probe(mid) === bucket.before) bucket.lo = mid;
      else bucket.hi = mid;
      if (epochMs <= bucket.lo) return bucket.before;
      if (epochMs >= bucket.hi) return bucket.after;
    }
    // Within the last minute before the change.
    return bucket.before;
  }

  /** The calendar day an instant falls on in the zone. */
  dayOfInstant(epochMs: number): Day {
    return floor((epochMs + this.offsetMinutes(epochMs) * MINUTE_MS) / DAY_MS) + UNIX_EPOCH_DAY;
  }

  dayOf(date: Date): Day {
    return this.dayOfInstant(date.getTime());
  }

  /**
   * The first instant of a calendar day in the zone, as the `Date` Sheets would hand a script
   * for a date cell holding that day. Where a DST change skips midnight, the first instant
   * that exists on that day; where a change repeats midnight (clocks going back from 01:00 to
   * 00:00, as in Havana, or in Amman until 2022), the earlier of the two midnights; for a day a
   * zone skipped entirely (Samoa's 2011-12-30), the first instant after it.
   */
  startOf(day: Day): Date {
    const wallMidnight = (day - UNIX_EPOCH_DAY) * DAY_MS;
    // Local midnight lies within 14 hours of UTC midnight, so the offsets in force a day either
    // side are every offset that can apply to it (zones change at most once in two days).
    const candidates = [
      wallMidnight - this.offsetMinutes(wallMidnight - DAY_MS) * MINUTE_MS,
      wallMidnight - this.offsetMinutes(wallMidnight + DAY_MS) * MINUTE_MS,
    ];
    let first = PLUS_INFINITY;
    for (const instant of candidates) {
      const wall = instant + this.offsetMinutes(instant) * MINUTE_MS;
      if (wall === wallMidnight && instant < first) first = instant;
    }
    if (first !== PLUS_INFINITY) return new DateClass(first);
    // Midnight does not exist: the day begins at the change, between the two candidates.
    let lo = min(...candidates); // still on an earlier day
    let hi = max(...candidates); // already on this day or later
    while (hi - lo > MINUTE_MS) {
      const mid = lo + floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.dayOfInstant(mid) < day) lo = mid;
      else hi = mid;
    }
    return new DateClass(hi);
  }

  private probe(epochMs: number): number {
    let offset = this.probes.get(epochMs);
    if (offset === undefined) {
      this.lookups++;
      offset = this.offsetAt(epochMs);
      this.probes.set(epochMs, offset);
    }
    return offset;
  }

  private fillBucket(index: number): Bucket {
    const start = index * BUCKET_MS;
    const end = start + BUCKET_MS;
    const before = this.probe(start);
    const after = this.probe(end);
    if (before === after) return { before, after, lo: PLUS_INFINITY, hi: PLUS_INFINITY };
    return { before, after, lo: start, hi: end };
  }
}

/** Serial day of a proleptic Gregorian calendar date; `undefined` when it is not a real date. */
export function dayFromParts(year: number, month: number, day: number): Day | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Not Date.UTC: it reads years 0–99 as 1900–1999.
  const check = new DateClass(0);
  check.setUTCFullYear(year, month - 1, day);
  const ms = check.getTime();
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined;
  if (check.getUTCDate() !== day) return undefined;
  return ms / DAY_MS + UNIX_EPOCH_DAY;
}

export interface CalendarParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  readonly weekday: number;
}

export function dayParts(serial: Day): CalendarParts {
  const date = new DateClass((serial - UNIX_EPOCH_DAY) * DAY_MS);
  const jsWeekday = date.getUTCDay();
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: jsWeekday === 0 ? 7 : jsWeekday,
  };
}

/** `YYYY-MM-DD` of a serial day, for messages and the sidebar. */
export function formatDay(serial: Day): string {
  return new DateClass((serial - UNIX_EPOCH_DAY) * DAY_MS).toISOString().slice(0, 10);
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a date as SPEC §4.1 allows: a `Date` (a date cell); a number, read as a Sheets serial day
 * whose fraction is the time of day; a string `YYYY-MM-DD` optionally followed by `T` or a space
 * and `HH:MM[:SS]`. Returns `undefined` for anything else, blanks included.
 */
export function readDay(value: unknown, zone: DayConverter): Day | undefined {
  if (value instanceof DateClass) {
    const ms = value.getTime();
    return notANumber(ms) ? undefined : zone.dayOfInstant(ms);
  }
  if (typeof value === "number") return finite(value) ? floor(value) : undefined;
  if (typeof value !== "string") return undefined;
  const match = DATE_TEXT.exec(value.trim());
  if (match === null) return undefined;
  const [, y, m, d, hh, mm, ss] = match;
  if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
    return undefined;
  }
  return dayFromParts(Number(y), Number(m), Number(d));
}

/**
 * A date that must be there; throws naming `what` (e.g. `due`) and, after the value, `where`
 * (e.g. ` (row 3)`): `due "soon" (row 3) is not a date`.
 */
export function requireDay(value: unknown, zone: DayConverter, what: string, where = ""): Day {
  const day = readDay(value, zone);
  if (day === undefined) {
    throw new KpiInputError(`${what} ${describeValue(value)}${where} is not a date`);
  }
  return day;
}

/** A date or blank: blank gives `undefined`, anything else that is not a date throws. */
export function optionalDay(
  value: unknown,
  zone: DayConverter,
  what: string,
  where = "",
): Day | undefined {
  return isBlank(value) ? undefined : requireDay(value, zone, what, where);
}
