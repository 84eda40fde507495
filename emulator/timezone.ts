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
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
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
