import { offsetMinutesAt, wallClock } from "../../emulator/timezone";
import {
  DAY_MS,
  DayConverter,
  dayFromParts,
  dayParts,
  formatDay,
  optionalDay,
  readDay,
  requireDay,
  UNIX_EPOCH_DAY,
} from "../../src/core/dates";
import { KpiInputError } from "../../src/core/values";
import { day, sheetDate, zoneOf } from "../support/clock";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The calendar day of an instant in a zone, straight from ICU: the oracle the converter must match. */
function icuDay(timeZone: string, epochMs: number): number {
  const w = wallClock(timeZone, epochMs);
  return dayFromParts(w.year, w.month, w.day)!;
}

describe("dayFromParts", () => {
  it("counts days from the Sheets epoch 1899-12-30", () => {
    expect(dayFromParts(1899, 12, 30)).toBe(0);
    expect(dayFromParts(1900, 1, 1)).toBe(2);
    expect(dayFromParts(1970, 1, 1)).toBe(UNIX_EPOCH_DAY);
    expect(dayFromParts(2026, 1, 1)).toBe(46023);
    expect(dayFromParts(2026, 1, 16)).toBe(46038);
  });

  it("knows leap years", () => {
    expect(dayFromParts(2024, 2, 29)).toBe(45351);
    expect(dayFromParts(2000, 2, 29)).toBeDefined();
    expect(dayFromParts(2025, 2, 29)).toBeUndefined();
    expect(dayFromParts(1900, 2, 29)).toBeUndefined();
  });

  it("refuses dates that do not exist", () => {
    expect(dayFromParts(2026, 2, 30)).toBeUndefined();
    expect(dayFromParts(2026, 4, 31)).toBeUndefined();
    expect(dayFromParts(2026, 13, 1)).toBeUndefined();
    expect(dayFromParts(2026, 0, 1)).toBeUndefined();
    expect(dayFromParts(2026, 1, 0)).toBeUndefined();
    expect(dayFromParts(2026, 1, 32)).toBeUndefined();
  });

  it("reads years below 100 as themselves, not as 19xx", () => {
    const serial = dayFromParts(99, 5, 1);
    expect(serial).toBeDefined();
    expect(formatDay(serial!)).toBe("0099-05-01");
    expect(dayParts(serial!).year).toBe(99);
  });
});

describe("dayParts and formatDay", () => {
  it("give the calendar date and ISO weekday of a serial day", () => {
    expect(dayParts(46023)).toEqual({ year: 2026, month: 1, day: 1, weekday: 4 });
    expect(dayParts(day("2026-01-04")).weekday).toBe(7);
    expect(dayParts(day("2026-01-05")).weekday).toBe(1);
    expect(formatDay(46038)).toBe("2026-01-16");
    expect(formatDay(0)).toBe("1899-12-30");
  });
});

describe("readDay", () => {
  const zones = [
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Europe/London",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "America/Santiago",
    "UTC",
  ];

  it.each(zones)("reads a date cell of a spreadsheet in %s as its calendar day", (timeZone) => {
    const zone = zoneOf(timeZone);
    for (const iso of ["2026-01-01", "2026-03-08", "2026-04-05", "2026-09-06", "2026-12-31"]) {
      expect(readDay(sheetDate(timeZone, iso), zone)).toBe(day(iso));
    }
  });

  it("reads a date-time cell as the day it falls on in the spreadsheet's zone", () => {
    const zone = zoneOf("Pacific/Auckland");
    const start = sheetDate("Pacific/Auckland", "2026-01-16").getTime();
    expect(readDay(new Date(start + 10.5 * HOUR_MS), zone)).toBe(day("2026-01-16"));
    expect(readDay(new Date(start + 24 * HOUR_MS - 1), zone)).toBe(day("2026-01-16"));
    expect(readDay(new Date(start - 1), zone)).toBe(day("2026-01-15"));
    // The same instant is a different day in a spreadsheet in Los Angeles.
    expect(readDay(new Date(start), zoneOf("America/Los_Angeles"))).toBe(day("2026-01-15"));
  });

  it("refuses an invalid Date", () => {
    expect(readDay(new Date(Number.NaN), zoneOf("UTC"))).toBeUndefined();
  });

  it("reads numbers as serial days, dropping the time-of-day fraction", () => {
    const zone = zoneOf("Pacific/Auckland");
    expect(readDay(46023, zone)).toBe(46023);
    expect(readDay(46023.75, zone)).toBe(46023);
    expect(readDay(46023.999999, zone)).toBe(46023);
    expect(readDay(0.5, zone)).toBe(0);
    expect(readDay(-0.25, zone)).toBe(-1);
    expect(readDay(Number.NaN, zone)).toBeUndefined();
    expect(readDay(Number.POSITIVE_INFINITY, zone)).toBeUndefined();
  });

  it("reads YYYY-MM-DD text, optionally with a time after T or a space", () => {
    const zone = zoneOf("America/Los_Angeles");
    const expected = day("2026-01-16");
    for (const text of [
      "2026-01-16",
      " 2026-01-16 ",
      "2026-01-16T10:30",
      "2026-01-16 10:30",
      "2026-01-16 10:30:15",
      "2026-01-16T00:00:00",
      "2026-01-16T23:59:59",
    ]) {
      expect(readDay(text, zone)).toBe(expected);
    }
  });

  it("refuses text that is not such a date, numeric text included", () => {
    const zone = zoneOf("UTC");
    for (const text of [
      "2026-02-30",
      "2025-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-16",
      "26-01-16",
      "16/01/2026",
      "2026/01/16",
      "2026-01-16T24:00",
      "2026-01-16T10:60",
      "2026-01-16 10:30:60",
      "2026-01-16T10",
      "2026-01-16T10:30Z",
      "2026-01-16T10:30+01:00",
      "2026-01-16Z",
      "2026-01-16x",
      "46023",
      "46023.5",
      "tomorrow",
      "",
    ]) {
      expect(readDay(text, zone)).toBeUndefined();
    }
  });

  it("refuses blanks, booleans and other values", () => {
    const zone = zoneOf("UTC");
    for (const value of [null, undefined, true, false, [[46023]], {}]) {
      expect(readDay(value, zone)).toBeUndefined();
    }
  });
});

describe("requireDay and optionalDay", () => {
  const zone = zoneOf("UTC");

  it("name the argument, the value and the place when a value is not a date", () => {
    expect(() => requireDay("2026-02-30", zone, "due", " (row 3)")).toThrow(
      new KpiInputError('due "2026-02-30" (row 3) is not a date'),
    );
    expect(() => requireDay("", zone, "start")).toThrow("start blank is not a date");
    expect(() => optionalDay(true, zone, "as_of", " (row 1, column 2)")).toThrow(
      "as_of TRUE (row 1, column 2) is not a date",
    );
  });

  it("return the day read, and optionalDay gives undefined for blanks", () => {
    expect(requireDay("2026-01-16", zone, "due")).toBe(day("2026-01-16"));
    expect(optionalDay("", zone, "due")).toBeUndefined();
    expect(optionalDay(null, zone, "due")).toBeUndefined();
    expect(optionalDay(46023, zone, "due")).toBe(46023);
  });
});

describe("DayConverter", () => {
  const FIRST = day("2025-01-01");
  const LAST = day("2026-12-31");

  it.each([
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Lord_Howe",
    "America/Santiago",
    "America/Havana",
  ])("maps the first instant of every day of 2025–2026 in %s to that day and back", (timeZone) => {
    const zone = zoneOf(timeZone);
    for (let serial = FIRST; serial <= LAST; serial++) {
      const start = zone.startOf(serial).getTime();
      expect(zone.dayOfInstant(start)).toBe(serial);
      expect(zone.dayOfInstant(start - 1)).toBe(serial - 1);
      // Checked against ICU: the instant is on that day and the millisecond before is not.
      expect(icuDay(timeZone, start)).toBe(serial);
      expect(icuDay(timeZone, start - 1)).toBe(serial - 1);
    }
  });

  it.each([
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Europe/London",
    "Australia/Lord_Howe",
    "America/Santiago",
    "America/Havana",
  ])("agrees with ICU on the day of every quarter hour of 2025–2026 in %s", (timeZone) => {
    const zone = zoneOf(timeZone);
    const from = (FIRST - UNIX_EPOCH_DAY) * DAY_MS - DAY_MS;
    const to = (LAST - UNIX_EPOCH_DAY + 1) * DAY_MS + DAY_MS;
    let mismatches = 0;
    for (let instant = from; instant < to; instant += 15 * MINUTE_MS) {
      if (zone.dayOfInstant(instant) !== icuDay(timeZone, instant)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("finds each DST change to the minute, 30-minute changes included", () => {
    const cases: [string, string, number, number][] = [
      ["Australia/Lord_Howe", "2026-04-04T15:00:00Z", 660, 630],
      ["Australia/Lord_Howe", "2026-10-03T15:30:00Z", 630, 660],
      ["America/Santiago", "2026-09-06T04:00:00Z", -240, -180],
      ["Europe/London", "2026-03-29T01:00:00Z", 0, 60],
      ["Pacific/Auckland", "2026-04-04T14:00:00Z", 780, 720],
    ];
    for (const [timeZone, iso, before, after] of cases) {
      const zone = zoneOf(timeZone);
      const change = Date.parse(iso);
      expect(zone.offsetMinutes(change - 1)).toBe(before);
      expect(zone.offsetMinutes(change - MINUTE_MS)).toBe(before);
      expect(zone.offsetMinutes(change)).toBe(after);
      expect(zone.offsetMinutes(change + MINUTE_MS)).toBe(after);
    }
  });

  it("starts a day whose midnight is skipped at the first instant that exists", () => {
    // Chile moves its clocks from 24:00 to 01:00; so did Cuba in March 2025.
    const santiago = zoneOf("America/Santiago").startOf(day("2026-09-06"));
    expect(santiago.toISOString()).toBe("2026-09-06T04:00:00.000Z");
    expect(wallClock("America/Santiago", santiago.getTime())).toMatchObject({ day: 6, hour: 1 });
    const havana = zoneOf("America/Havana").startOf(day("2025-03-09"));
    expect(wallClock("America/Havana", havana.getTime())).toMatchObject({ day: 9, hour: 1 });
  });

  it("starts a day whose midnight happens twice at the first of the two", () => {
    // Cuba moves its clocks back from 01:00 to 00:00.
    const havana = zoneOf("America/Havana").startOf(day("2025-11-02"));
    expect(havana.toISOString()).toBe("2025-11-02T04:00:00.000Z");
    expect(zoneOf("Asia/Amman").startOf(day("2021-10-29")).toISOString()).toBe(
      "2021-10-28T21:00:00.000Z",
    );
  });

  it("starts a day a zone skipped at the first instant of the next day", () => {
    // Samoa jumped from 2011-12-29 to 2011-12-31.
    const zone = zoneOf("Pacific/Apia");
    const start = zone.startOf(day("2011-12-30"));
    expect(zone.dayOf(start)).toBe(day("2011-12-31"));
    expect(start.getTime()).toBe(zone.startOf(day("2011-12-31")).getTime());
  });

  it("gives sheetDate the same instant as ICU's local midnight", () => {
    expect(sheetDate("Pacific/Auckland", "2026-01-16").toISOString()).toBe(
      "2026-01-15T11:00:00.000Z",
    );
    expect(sheetDate("America/Los_Angeles", "2026-07-01").toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
  });

  it("converts a million instants over a year with at most ~200 offset look-ups", () => {
    for (const timeZone of ["Pacific/Auckland", "Australia/Lord_Howe", "America/Santiago"]) {
      const zone = zoneOf(timeZone);
      const from = Date.UTC(2026, 0, 1);
      const step = (365 * DAY_MS) / 1_000_000;
      let checksum = 0;
      for (let i = 0; i < 1_000_000; i++) checksum += zone.dayOfInstant(from + i * step);
      expect(checksum).toBeGreaterThan(0);
      expect(zone.offsetLookups).toBeLessThanOrEqual(200);
      // A second pass over the same year is served from the cache.
      const before = zone.offsetLookups;
      for (let i = 0; i < 1000; i++) zone.dayOfInstant(from + i * 1000 * step);
      expect(zone.offsetLookups).toBe(before);
    }
  });

  it("counts every call of the offset function in offsetLookups", () => {
    let calls = 0;
    const zone = new DayConverter((epochMs) => {
      calls++;
      return offsetMinutesAt("Europe/London", epochMs);
    });
    zone.dayOfInstant(Date.UTC(2026, 5, 1));
    zone.startOf(day("2026-03-29"));
    expect(calls).toBeGreaterThan(0);
    expect(zone.offsetLookups).toBe(calls);
  });
});
