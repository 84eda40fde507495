/**
 * The emulator's calendar (emulator/calendar.ts) is written apart from the add-on's
 * (src/core/dates.ts) so each can catch the other's bugs: here they must agree on every day of
 * 1900–2100, in zones with DST both ways, half-hour offsets, midnight changes and a skipped day.
 */

import { dayFromParts, dayParts, UNIX_EPOCH_DAY, ZoneDays } from "../../emulator/calendar";
import { offsetMinutesAt } from "../../emulator/timezone";
import * as addOn from "../../src/core/dates";

const FIRST = addOn.dayFromParts(1900, 1, 1)!;
const LAST = addOn.dayFromParts(2100, 12, 31)!;
const ZONES = [
  "Pacific/Auckland",
  "America/Los_Angeles",
  "Australia/Lord_Howe",
  "America/Havana",
  "Pacific/Apia",
];

describe("the emulator's calendar agrees with the add-on's", () => {
  it("on the date of every serial day of 1900–2100, and back", () => {
    expect(UNIX_EPOCH_DAY).toBe(addOn.UNIX_EPOCH_DAY);
    const disagreements: string[] = [];
    for (let day = FIRST; day <= LAST; day++) {
      const mine = dayParts(day);
      const theirs = addOn.dayParts(day);
      if (
        mine.year !== theirs.year ||
        mine.month !== theirs.month ||
        mine.day !== theirs.day ||
        mine.weekday !== theirs.weekday ||
        dayFromParts(mine.year, mine.month, mine.day) !== day
      )
        disagreements.push(`${day}: ${JSON.stringify(mine)} vs ${JSON.stringify(theirs)}`);
    }
    expect(disagreements).toEqual([]);
    expect(LAST - FIRST + 1).toBe(73_414);
  });

  it("refuses the same impossible dates", () => {
    for (const [y, m, d] of [
      [1900, 2, 29],
      [2000, 2, 29],
      [2100, 2, 29],
      [2026, 4, 31],
      [2026, 13, 1],
      [2026, 0, 10],
      [2026, 1, 0],
    ] as const) {
      expect(dayFromParts(y, m, d)).toBe(addOn.dayFromParts(y, m, d));
    }
  });

  it.each(ZONES)(
    "on the first instant and the noon day of every day of 1900–2100 in %s",
    (zone) => {
      const mine = new ZoneDays(zone);
      const theirs = new addOn.DayConverter((ms) => offsetMinutesAt(zone, ms));
      const disagreements: string[] = [];
      for (let day = FIRST; day <= LAST; day++) {
        const start = mine.startOf(day).getTime();
        if (start !== theirs.startOf(day).getTime()) disagreements.push(`start of ${day}`);
        const noon = start + 12 * 3_600_000;
        if (mine.dayOfInstant(noon) !== theirs.dayOfInstant(noon))
          disagreements.push(`noon ${day}`);
        if (disagreements.length > 5) break;
      }
      expect(disagreements).toEqual([]);
    },
  );
});
