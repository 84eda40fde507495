import fc from "fast-check";
import { dayParts } from "../../src/core/dates";
import {
  CADENCES,
  firstDayOfMonthIndex,
  monthIndexOf,
  periodEnd,
  periodOf,
  periodStart,
} from "../../src/core/periods";
import { day } from "../support/clock";

const anyDay = fc.integer({ min: -200_000, max: 200_000 });

describe("calendar periods", () => {
  it("finds the month of a day as the calendar does", () => {
    fc.assert(
      fc.property(anyDay, (serial) => {
        const { year, month } = dayParts(serial);
        expect(monthIndexOf(serial)).toBe(year * 12 + month - 1);
      }),
    );
  });

  it("finds the first day of a month", () => {
    expect(firstDayOfMonthIndex(2026 * 12 + 1)).toBe(day("2026-02-01"));
    expect(firstDayOfMonthIndex(2024 * 12 + 2)).toBe(day("2024-03-01"));
    expect(firstDayOfMonthIndex(1899 * 12 + 11)).toBe(day("1899-12-01"));
  });

  it("starts ISO weeks on Monday and keeps the week across New Year whole", () => {
    const newYearWeek = periodOf("weekly", day("2026-01-01"));
    expect(periodStart("weekly", newYearWeek)).toBe(day("2025-12-29"));
    expect(periodEnd("weekly", newYearWeek)).toBe(day("2026-01-04"));
    expect(periodOf("weekly", day("2025-12-29"))).toBe(newYearWeek);
    expect(periodOf("weekly", day("2025-12-28"))).toBe(newYearWeek - 1);
    expect(periodOf("weekly", day("2026-01-05"))).toBe(newYearWeek + 1);
    fc.assert(
      fc.property(anyDay, (serial) => {
        expect(dayParts(periodStart("weekly", periodOf("weekly", serial))).weekday).toBe(1);
      }),
    );
  });

  it.each([
    ["monthly", "2024-02-14", "2024-02-01", "2024-02-29"],
    ["quarterly", "2026-05-20", "2026-04-01", "2026-06-30"],
    ["quarterly", "2026-12-31", "2026-10-01", "2026-12-31"],
    ["yearly", "2026-07-04", "2026-01-01", "2026-12-31"],
    ["daily", "2026-03-01", "2026-03-01", "2026-03-01"],
  ] as const)("puts a day in its %s period (%s → %s … %s)", (cadence, date, first, last) => {
    const index = periodOf(cadence, day(date));
    expect(periodStart(cadence, index)).toBe(day(first));
    expect(periodEnd(cadence, index)).toBe(day(last));
  });

  it("numbers consecutive periods with consecutive indexes that tile the calendar", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CADENCES), anyDay, (cadence, serial) => {
        const index = periodOf(cadence, serial);
        const start = periodStart(cadence, index);
        const end = periodEnd(cadence, index);
        expect(start).toBeLessThanOrEqual(serial);
        expect(end).toBeGreaterThanOrEqual(serial);
        expect(periodOf(cadence, start)).toBe(index);
        expect(periodOf(cadence, end)).toBe(index);
        expect(periodOf(cadence, end + 1)).toBe(index + 1);
        expect(periodOf(cadence, start - 1)).toBe(index - 1);
      }),
    );
  });
});
