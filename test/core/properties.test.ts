import fc from "fast-check";
import { wallClock } from "../../emulator/timezone";
import type { CellValue } from "../../src/core/clock";
import { formatDay } from "../../src/core/dates";
import { kpiAttainment, kpiPace, kpiStatus } from "../../src/core/elementwise";
import { kpiSplit } from "../../src/core/split";
import { day, fixedClock, sheetDate, withProcessTimeZone } from "../support/clock";

const SHEET_ZONES = [
  "Pacific/Auckland",
  "America/Los_Angeles",
  "Europe/London",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Asia/Kathmandu",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "UTC",
];
const PROCESS_ZONES = ["Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "UTC"];

/** A weight cell: blank, or a number of tenths (kept as an integer for exact expectations). */
const weightCell = fc.oneof(
  { weight: 1, arbitrary: fc.constant<number | undefined>(undefined) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 1000 }) },
);

describe("KPI_SPLIT properties", () => {
  it("parts add up to the total exactly and each is within one unit of its exact quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(weightCell, { minLength: 1, maxLength: 12 }),
        (totalUnits, decimals, tenths) => {
          fc.pre(tenths.some((t) => t !== undefined && t > 0));
          const scale = 10 ** decimals;
          const total = totalUnits / scale;
          const weights = tenths.map((t) => [t === undefined ? "" : t / 10]);
          const result = kpiSplit(total, weights, decimals) as CellValue[][];

          expect(result).toHaveLength(tenths.length);
          const sum = tenths.reduce<number>((a, t) => a + (t ?? 0), 0);
          let partsUnits = 0n;
          tenths.forEach((t, index) => {
            const cell = result[index]?.[0];
            if (t === undefined) {
              expect(cell).toBe("");
              return;
            }
            expect(typeof cell).toBe("number");
            const units = BigInt(Math.round((cell as number) * scale));
            partsUnits += units;
            // |part − total × t / sum| < 1 unit, compared exactly in integers.
            const error = units * BigInt(sum) - BigInt(totalUnits) * BigInt(t);
            expect(error < 0n ? -error : error).toBeLessThan(BigInt(sum));
          });
          expect(partsUnits).toBe(BigInt(totalUnits));
        },
      ),
    );
  });

  it("gives an earlier part at least as much as a later part of the same weight", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          const parts = (
            kpiSplit(
              total,
              weights.map((w) => [w]),
              0,
            ) as number[][]
          ).map((row) => row[0] as number);
          for (let i = 0; i < weights.length; i++) {
            for (let j = i + 1; j < weights.length; j++) {
              if (weights[i] === weights[j]) expect(parts[i]).toBeGreaterThanOrEqual(parts[j]!);
            }
          }
        },
      ),
    );
  });

  it("splits a negative total as the mirror image of the positive one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 3 }),
        (totalUnits, count, decimals) => {
          const total = totalUnits / 10 ** decimals;
          const positive = kpiSplit(total, count, decimals) as number[][];
          const negative = kpiSplit(-total, count, decimals) as number[][];
          expect(negative.map((row) => -(row[0] as number) + 0)).toEqual(
            positive.map((row) => row[0]),
          );
        },
      ),
    );
  });
});

describe("KPI_ATTAINMENT properties", () => {
  /** Either the number returned or "error", so thrown set-up errors must mirror too. */
  const outcome = (run: () => unknown): unknown => {
    try {
      const value = run();
      // 0 and -0 are the same attainment.
      return value === 0 ? 0 : value;
    } catch {
      return "error";
    }
  };
  const typed = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
  const anyNumber = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

  it.each([
    ["numbers with two decimals", typed],
    ["any double", anyNumber],
  ])("decrease(a, t, b) equals increase(−a, −t, −b) for %s", (_name, number) => {
    fc.assert(
      fc.property(number, number, number, (a, t, b) => {
        expect(outcome(() => kpiAttainment(a, t, b, "decrease"))).toEqual(
          outcome(() => kpiAttainment(-a, -t, -b, "increase")),
        );
      }),
    );
  });

  it("at least and at most mirror each other the same way", () => {
    fc.assert(
      fc.property(typed, typed, (a, t) => {
        expect(kpiAttainment(a, t, "", "at most")).toBe(kpiAttainment(-a, -t, "", "at least"));
      }),
    );
  });
});

describe("KPI_PACE and KPI_STATUS do not depend on time zones", () => {
  const FIRST = day("2024-01-01");
  const dayArb = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => FIRST + offset);
  const window = fc
    .tuple(dayArb, fc.integer({ min: 0, max: 400 }), dayArb)
    .map(([start, length, asOf]) => ({ start, due: start + length, asOf }));

  /** The results for one spreadsheet zone, the dates passed as its date cells. */
  function gradeIn(
    timeZone: string,
    w: { start: number; due: number; asOf: number },
    attainment: number,
  ) {
    const cell = (serial: number) => sheetDate(timeZone, formatDay(serial));
    const clock = fixedClock(timeZone, formatDay(w.asOf));
    const expected = kpiPace(cell(w.start), cell(w.due), cell(w.asOf), clock);
    return {
      expected,
      status: kpiStatus(attainment, expected, cell(w.due), cell(w.asOf), "", "", clock),
      statusToday: kpiStatus(attainment, expected, cell(w.due), "", "", "", clock),
      paceToday: kpiPace(cell(w.start), cell(w.due), "", clock),
    };
  }

  /** The same dates given as text, which involves no zone at all. */
  function gradeAsText(w: { start: number; due: number; asOf: number }, attainment: number) {
    const clock = fixedClock("UTC", formatDay(w.asOf));
    const expected = kpiPace(formatDay(w.start), formatDay(w.due), formatDay(w.asOf), clock);
    return {
      expected,
      status: kpiStatus(attainment, expected, formatDay(w.due), formatDay(w.asOf), "", "", clock),
      statusToday: kpiStatus(attainment, expected, formatDay(w.due), "", "", "", clock),
      paceToday: expected,
    };
  }

  const attainmentArb = fc.integer({ min: -20, max: 120 }).map((n) => n / 100);

  it("gives the same results for the same calendar dates in every spreadsheet zone", () => {
    fc.assert(
      fc.property(window, attainmentArb, fc.constantFrom(...SHEET_ZONES), (w, a, timeZone) => {
        expect(gradeIn(timeZone, w, a)).toEqual(gradeAsText(w, a));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same results whatever the time zone of the process", () => {
    const newYear = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(window, attainmentArb, fc.constantFrom(...SHEET_ZONES), (w, a, timeZone) => {
        for (const processZone of PROCESS_ZONES) {
          const result = withProcessTimeZone(processZone, () => {
            // The switch took effect: local time now follows processZone.
            expect(new Date(newYear).getHours()).toBe(wallClock(processZone, newYear).hour);
            return gradeIn(timeZone, w, a);
          });
          expect(result).toEqual(gradeAsText(w, a));
        }
      }),
      { numRuns: 100 },
    );
  });
});
