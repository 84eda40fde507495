/**
 * The spreadsheet's calendar, read through the services a custom function may use
 * (AuthMode.CUSTOM_FUNCTION: the spreadsheet's time zone and `Utilities.formatDate`).
 * Each offset look-up is a service call, so the DayConverter caches them by week.
 */

import type { Clock } from "../core/clock";
import { DayConverter } from "../core/dates";

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Parses the `Z` pattern of `Utilities.formatDate` ("+1300", "-0800") into minutes east of UTC. */
export function parseOffset(text: string): number {
  const match = OFFSET.exec(text.trim());
  if (match === null) throw new Error(`unexpected time-zone offset ${JSON.stringify(text)}`);
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

export function spreadsheetClock(): Clock {
  return clockOf(SpreadsheetApp.getActive().getSpreadsheetTimeZone());
}

/** The calendar of a time zone read from a spreadsheet (one opened by ID has no active one). */
export function clockOf(timeZone: string): Clock {
  const zone = new DayConverter((epochMs) =>
    parseOffset(Utilities.formatDate(new Date(epochMs), timeZone, "Z")),
  );
  return { zone, today: () => zone.dayOf(new Date()) };
}
