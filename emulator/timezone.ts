/**
 * Time-zone arithmetic for the emulator, from the ICU data in Node's `Intl`: what
 * `Utilities.formatDate(date, tz, "Z")` and the spreadsheet's calendar give in Google.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a name that is not an IANA time zone, as `Intl` does. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Wall-clock fields of an instant in a zone, to the second. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(timeZone: string, epochMs: number): WallClock {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  // A switch rather than a record keyed by part type: this runs for every offset the add-on asks
  // `Utilities.formatDate` for, and the benchmarks time those calls as part of the add-on's.
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
    }
  }
  return { year, month, day, hour, minute, second };
}

/** Minutes east of UTC at an instant whose wall clock in the zone is `wall`. */
export function offsetFromWall(wall: WallClock, epochMs: number): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/** Minutes east of UTC of a zone at an instant. */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  return offsetFromWall(wallClock(timeZone, epochMs), epochMs);
}
