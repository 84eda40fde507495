import fc from "fast-check";
import { dayReader, scanCheckins } from "../../src/core/checkins";
import { readDay } from "../../src/core/dates";
import { day, sheetDate, zoneOf } from "../support/clock";

const TZ = "America/Los_Angeles";
const zone = zoneOf(TZ);
const header = ["Date", "KPI ID", "Value"];
const ids = new Map([
  ["kpi-a", 0],
  ["kpi-b", 1],
  ["dup", -1],
]);

function windows(from: number[], to: number[], keep: number[] = [0, 0]) {
  return { from: Float64Array.from(from), to: Float64Array.from(to), keep: Uint8Array.from(keep) };
}
const open = windows([-Infinity, -Infinity], [Infinity, Infinity]);
const d = (iso: string) => sheetDate(TZ, iso);

describe("scanning the check-in log", () => {
  it("adds each KPI's check-ins inside its window, bounds included", () => {
    const scan = scanCheckins(
      [
        header,
        [d("2026-01-31"), "KPI-A", 100],
        [d("2026-02-01"), "KPI-A", 1],
        [d("2026-02-28"), "KPI-A", 2],
        [d("2026-03-01"), "KPI-A", 200],
        [d("2026-03-01"), "KPI-B", 5],
      ],
      ids,
      2,
      windows([day("2026-02-01"), -Infinity], [day("2026-02-28"), Infinity]),
      zone,
    );
    expect(scan.own.result(0, "sum")).toBe(3);
    expect(scan.own.result(1, "sum")).toBe(5);
    expect(Array.from(scan.anyDate)).toEqual([4, 1]);
    expect(scan.problems.size).toBe(0);
    expect(scan.hasDate).toBe(true);
  });

  it("matches IDs trimmed and case-insensitively, numbers included, and skips others", () => {
    const scan = scanCheckins(
      [
        header,
        [d("2026-01-05"), " kpi-a ", 1],
        [d("2026-01-05"), "KPI-A", 2],
        [d("2026-01-05"), 7, 4],
        [d("2026-01-05"), "", 8],
        [d("2026-01-05"), "dup", 16],
      ],
      new Map([...ids, ["7", 1]]),
      2,
      open,
      zone,
    );
    expect(scan.own.result(0, "sum")).toBe(3);
    expect(scan.own.result(1, "sum")).toBe(4);
  });

  it("reads Date cells, serial days and text dates as days of the spreadsheet's zone", () => {
    const lateEvening = new Date(d("2026-01-05").getTime() + 23 * 3_600_000);
    const scan = scanCheckins(
      [
        header,
        [lateEvening, "KPI-A", 1],
        [day("2026-01-07") + 0.9, "KPI-A", 2],
        ["2026-01-06T08:00", "KPI-A", 3],
      ],
      ids,
      2,
      open,
      zone,
    );
    expect(scan.kept.size).toBe(0);
    expect(scan.own.lastDay(0)).toBe(day("2026-01-07"));
    expect(scan.own.result(0, "min")).toBe(1);
    expect(scan.own.result(0, "last")).toBe(2);
  });

  it("records the first problem row of a KPI and stops counting it", () => {
    const scan = scanCheckins(
      [
        header,
        [d("2026-01-05"), "KPI-A", 1],
        [d("2030-01-05"), "KPI-A", "n/a"],
        ["", "KPI-A", 1],
        ["", "KPI-B", ""],
        [new Date(Number.NaN), "KPI-B", 1],
      ],
      ids,
      2,
      windows([-Infinity, -Infinity], [day("2026-02-01"), day("2026-02-01")]),
      zone,
    );
    expect(scan.problems.get(0)).toBe('check-in row 3 has Value "n/a", which is not a number');
    expect(scan.problems.get(1)).toBe("check-in row 5 has no date");
  });

  it("reads text values as numbers and skips blank values", () => {
    const scan = scanCheckins(
      [
        header,
        [d("2026-01-05"), "KPI-A", " 12 "],
        [d("2026-01-05"), "KPI-A", "5%"],
        [d("2026-01-05"), "KPI-A", null],
      ],
      ids,
      2,
      open,
      zone,
    );
    expect(scan.own.result(0, "sum")).toBe(12.05);
    expect(scan.own.result(0, "count")).toBe(2);
    expect(scan.problems.size).toBe(0);
  });

  it("keeps individual check-ins only for the KPIs that ask for them", () => {
    const scan = scanCheckins(
      [
        header,
        [d("2026-01-05"), "KPI-A", 1],
        [d("2026-01-06"), "KPI-B", 2],
        [d("2026-01-04"), "KPI-B", 3],
      ],
      ids,
      2,
      windows([-Infinity, -Infinity], [Infinity, Infinity], [0, 1]),
      zone,
    );
    expect(scan.kept.has(0)).toBe(false);
    expect(scan.kept.get(1)).toEqual({
      days: [day("2026-01-06"), day("2026-01-04")],
      values: [2, 3],
    });
  });

  it("counts every row without a Date column", () => {
    const scan = scanCheckins(
      [
        ["KPI", "Value"],
        ["KPI-A", 1],
        ["KPI-A", 2],
      ],
      ids,
      2,
      windows([0, 0], [0, 0]),
      zone,
    );
    expect(scan.hasDate).toBe(false);
    expect(scan.own.result(0, "last")).toBe(2);
  });

  it("puts every Date cell on its day in the zone, across DST changes and in any order", () => {
    const DAY_MS = 86_400_000;
    for (const timeZone of [
      "Pacific/Auckland",
      "America/Havana",
      "Australia/Lord_Howe",
      "Asia/Taipei",
    ]) {
      const oracle = zoneOf(timeZone);
      const instants: number[] = [];
      const from = Date.UTC(2025, 0, 1);
      for (let ms = from; ms < from + 730 * DAY_MS; ms += 97 * 60_000) instants.push(ms);
      // Every 7 minutes from a day before to a day after each UTC day with an offset change.
      for (let dayStart = from; dayStart < from + 730 * DAY_MS; dayStart += DAY_MS) {
        if (oracle.offsetMinutes(dayStart) === oracle.offsetMinutes(dayStart + DAY_MS - 1))
          continue;
        for (let ms = dayStart - DAY_MS; ms < dayStart + 2 * DAY_MS; ms += 7 * 60_000) {
          instants.push(ms);
        }
      }
      // Shuffled (Fisher–Yates, fixed seed) so that both offsets of a DST zone alternate.
      let seed = 7;
      for (let i = instants.length - 1; i > 0; i--) {
        seed = (seed * 48_271) % 2_147_483_647;
        const j = seed % (i + 1);
        [instants[i], instants[j]] = [instants[j]!, instants[i]!];
      }
      const n = instants.length;
      const days = instants.map((ms) => oracle.dayOfInstant(ms));
      // One KPI per row whose window is the one day the row must fall on.
      const scan = scanCheckins(
        [header, ...instants.map((ms, i) => [new Date(ms), `K${i}`, 1])],
        new Map(instants.map((_, i) => [`k${i}`, i])),
        n,
        {
          from: Float64Array.from(days),
          to: Float64Array.from(days),
          keep: new Uint8Array(n),
          extremes: new Uint8Array(n),
        },
        zoneOf(timeZone),
      );
      const missed = instants.filter((_, i) => scan.own.count(i) !== 1);
      expect(missed.map((ms) => new Date(ms).toISOString())).toEqual([]);
    }
  });

  it("looks each distinct raw ID up once", () => {
    let lookups = 0;
    const counting = new Map(ids);
    const get = counting.get.bind(counting);
    counting.get = (key: string) => {
      lookups++;
      return get(key);
    };
    const rows = Array.from({ length: 1000 }, (_, i) => [
      d("2026-01-05"),
      i % 2 ? "KPI-A" : "kpi-b",
      1,
    ]);
    scanCheckins([header, ...rows], counting, 2, open, zone);
    expect(lookups).toBe(2);
  });
});

describe("reading many dates of one zone", () => {
  const zones = [
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Australia/Lord_Howe",
    "America/Havana",
    "Asia/Kolkata",
  ];

  it("gives the day readDay gives, across DST changes and far from the first date read", () => {
    for (const timeZone of zones) {
      const zoneOfSheet = zoneOf(timeZone);
      const read = dayReader(zoneOfSheet);
      const year2026 = Date.UTC(2026, 0, 1);
      fc.assert(
        fc.property(
          fc.oneof(
            fc.integer({ min: year2026 - 400 * 86_400_000, max: year2026 + 400 * 86_400_000 }),
            fc.integer({ min: Date.UTC(1700, 0, 1), max: Date.UTC(2400, 0, 1) }),
          ),
          (ms) => {
            expect(read(new Date(ms))).toBe(zoneOfSheet.dayOfInstant(ms));
          },
        ),
        { numRuns: 400 },
      );
    }
  });

  it("reads the minutes around a DST change on the right day", () => {
    const auckland = zoneOf("Pacific/Auckland");
    const read = dayReader(auckland);
    // 2026-04-05 03:00 NZDT becomes 02:00 NZST; 2026-09-27 02:00 NZST becomes 03:00 NZDT.
    for (const iso of ["2026-04-04T13:00:00Z", "2026-09-26T13:00:00Z"]) {
      const change = Date.parse(iso);
      for (let minutes = -24 * 60; minutes <= 24 * 60; minutes += 7) {
        const ms = change + minutes * 60_000;
        expect(read(new Date(ms))).toBe(auckland.dayOfInstant(ms));
      }
    }
  });

  it("reads text dates, serial days and blanks as readDay does", () => {
    const read = dayReader(zone);
    for (const value of [
      "2026-01-05",
      "2026-01-05 23:59",
      46_030.7,
      "",
      "soon",
      new Date(Number.NaN),
    ]) {
      expect(read(value)).toBe(readDay(value, zone));
    }
  });
});
