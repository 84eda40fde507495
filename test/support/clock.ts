import { readFileSync } from "node:fs";
import { offsetMinutesAt } from "../../emulator/timezone";
import type { Clock } from "../../src/core/clock";
import { DayConverter, dayFromParts } from "../../src/core/dates";

/** A DayConverter for a real IANA zone, backed by Node's ICU data. */
export function zoneOf(timeZone: string): DayConverter {
  return new DayConverter((epochMs) => offsetMinutesAt(timeZone, epochMs));
}

/** Serial day of an ISO date, for readable tests: day("2026-01-31"). */
export function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  const serial = dayFromParts(y ?? 0, m ?? 0, d ?? 0);
  if (serial === undefined) throw new Error(`bad test date ${iso}`);
  return serial;
}

/**
 * A clock for a spreadsheet in `timeZone` whose "today" is fixed, so tests never depend on the
 * real date or on the machine's TZ.
 */
export function fixedClock(timeZone: string, todayIso: string): Clock {
  const zone = zoneOf(timeZone);
  const today = day(todayIso);
  return { zone, today: () => today };
}

/**
 * The `Date` Sheets passes for a date cell holding `iso` in a spreadsheet in `timeZone`:
 * midnight of that day in the spreadsheet's zone, whatever the machine's zone is.
 */
export function sheetDate(timeZone: string, iso: string): Date {
  return zoneOf(timeZone).startOf(day(iso));
}

/**
 * Runs `run` with the process's own time zone set to `timeZone`, then restores it, so a test can
 * show that a result does not depend on the machine's zone. Jest gives each test file a plain
 * copy of `process.env`, so assigning TZ there never reaches Node's ICU; the real `process` is
 * reached through the outer realm, where a core module's Function constructor evaluates.
 */
export function withProcessTimeZone<T>(timeZone: string, run: () => T): T {
  const outerRealm = readFileSync.constructor as FunctionConstructor;
  const realProcess = outerRealm("return process")() as NodeJS.Process;
  const original = realProcess.env.TZ;
  realProcess.env.TZ = timeZone;
  try {
    return run();
  } finally {
    if (original === undefined) delete realProcess.env.TZ;
    else realProcess.env.TZ = original;
  }
}
