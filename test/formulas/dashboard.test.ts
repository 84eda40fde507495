/**
 * The demo's Dashboard as setup writes it, computed in the emulator by the built bundle: every
 * cell of its KPI_SUMMARY and of its company trend checked against KPI_ROLLUP itself on two
 * as-of dates, a check-in typed late moving only its own week's point, and a check-in whose
 * value is an error cell (`=1/0`) marking only its own goal.
 */

import type { Emulator, ErrorArguments } from "../../emulator";
import { buildDemo } from "../../playground/demo";
import { DEMO_TIME_ZONE } from "../../playground/demoData";
import { emulated } from "../server/emulated";
import { type LoadedBundle, loadBundle } from "../support/bundle";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// Each test builds the demo workbook in the emulator and computes its Dashboard: seconds each.
jest.setTimeout(60_000);

const STATUSES = [
  "Achieved",
  "On track",
  "At risk",
  "Off track",
  "Missed",
  "In progress",
  "No data",
];

interface Demo {
  readonly emu: Emulator;
  readonly dashboard: Sheet;
  readonly bundle: LoadedBundle;
}

function demo(errorArguments: ErrorArguments = "text"): Demo {
  const { emu, addOn } = emulated(errorArguments);
  emu.spreadsheet.setSpreadsheetTimeZone(DEMO_TIME_ZONE);
  buildDemo(emu, addOn);
  const bundle = loadBundle({ spreadsheetTimeZone: DEMO_TIME_ZONE, scriptTimeZone: "Etc/UTC" });
  return { emu, dashboard: emu.spreadsheet.getSheetByName("Dashboard")!, bundle };
}

function setAsOf(emu: Emulator, iso: string): void {
  emu.spreadsheet.getRangeByName("KPI_AS_OF")!.setValue(iso);
}

/** KPI_ROLLUP over the workbook's own ranges, called directly: the reference for every cell. */
function rollup(d: Demo, asOf: unknown, fields: string): unknown[][] {
  const values = (name: string) => {
    const sheet = d.emu.spreadsheet.getSheetByName(name)!;
    return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  };
  return d.bundle.functions.KPI_ROLLUP(
    values("KPIs"),
    values("Check-ins"),
    asOf,
    fields,
  ) as unknown[][];
}

/** A spilled table from its top-left cell: rows until a blank first cell. */
function table(sheet: Sheet, a1: string, width: number): unknown[][] {
  const start = sheet.getRange(a1);
  const rows = start.offset(0, 0, 200, width).getValues();
  const end = rows.findIndex((row) => row[0] === "");
  return end < 0 ? rows : rows.slice(0, end);
}

describe.each(["2026-02-15", "2026-03-31"])("the demo Dashboard as of %s", (asOf) => {
  let d: Demo;
  beforeAll(() => {
    d = demo();
    setAsOf(d.emu, asOf);
  });

  it("counts each department's goals by status as KPI_ROLLUP grades them", () => {
    const summary = table(d.dashboard, "K21", 11);
    const asOfDate = d.emu.spreadsheet.getRangeByName("KPI_AS_OF")!.getValue();
    const rows = rollup(d, asOfDate, "Department,Status,Score").slice(1);
    const groups = new Map<string, unknown[][]>();
    for (const row of rows) {
      const key = String(row[0]).trim().toLowerCase();
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const count = (label: string, group: unknown[][]) => {
      const scores = group.map((r) => r[2]).filter((s): s is number => typeof s === "number");
      return [
        label,
        group.length,
        ...STATUSES.map((status) => group.filter((r) => r[1] === status).length),
        group.filter((r) => String(r[1]).startsWith("Error: ")).length,
        scores.length === 0 ? "" : scores.reduce((a, b) => a + b, 0) / scores.length,
      ];
    };
    const expected = [...groups.keys()]
      .sort()
      .map((key) => count(String(groups.get(key)![0]![0]).trim() || "(none)", groups.get(key)!));
    expect(summary[0]).toEqual(["Department", "Goals", ...STATUSES, "Errors", "Mean score"]);
    expect(summary.slice(1)).toEqual([...expected, count("Total", rows)]);
  });

  it("shows in every trend cell the company goal's KPI_ROLLUP attainment at that week's end", () => {
    for (const [anchor, field] of [
      ["W21", "Attainment"],
      ["AI21", "Expected"],
    ] as const) {
      const trend = table(d.dashboard, anchor, 3);
      const goals = rollup(d, "", "ID,Name,Level")
        .slice(1)
        .filter((row) => row[2] === "Company");
      expect(trend[0]).toEqual(["Date", ...goals.map((goal) => goal[1])]);
      expect(trend.length).toBeGreaterThan(5);
      for (const line of trend.slice(1)) {
        const reference = rollup(d, line[0], `ID,${field}`);
        const expected = goals.map((goal) => reference.find((row) => row[0] === goal[0])![1]);
        expect([line[0], ...line.slice(1)]).toEqual([line[0], ...expected]);
      }
      expect((trend.at(-1)![0] as Date).getTime()).toBe(
        (d.emu.spreadsheet.getRangeByName("KPI_AS_OF")!.getValue() as Date).getTime(),
      );
    }
  });
});

describe("the demo Dashboard's trend", () => {
  it("moves only the point of the week a check-in is typed for, even weeks later", () => {
    const d = demo();
    setAsOf(d.emu, "2026-03-31");
    const before = table(d.dashboard, "W21", 2);
    const weekOf = (iso: string) =>
      before.findIndex((row, i) => i > 0 && (row[0] as Date) >= new Date(`${iso}T00:00:00+08:00`));
    const checkins = d.emu.spreadsheet.getSheetByName("Check-ins")!;
    // 250,000 NTD through SEO (a channel of the company goal), typed on 31 March for 20 January.
    checkins
      .getRange(checkins.getLastRow() + 1, 1, 1, 3)
      .setValues([["2026-01-20", "KPI-0002", 250_000]]);
    const after = table(d.dashboard, "W21", 2);
    const week = weekOf("2026-01-20");
    expect(after.slice(0, week)).toEqual(before.slice(0, week));
    expect(after[week]![1] as number).toBeCloseTo((before[week]![1] as number) + 0.025, 9);
    expect(after[week]![0]).toEqual(before[week]![0]);
  });

  // Whether Sheets calls a custom function whose range holds an error is undocumented: the
  // formulas setup writes turn error cells into text first, so the Dashboard holds either way.
  it.each<ErrorArguments>(["text", "error"])(
    "marks only the goal whose check-in holds an error cell, every other KPI still shown (error cells reaching a function as %s)",
    (mode) => {
      const d = demo(mode);
      setAsOf(d.emu, "2026-03-31");
      const kpiTable = () => table(d.dashboard, "A21", 9);
      const before = kpiTable();
      const checkins = d.emu.spreadsheet.getSheetByName("Check-ins")!;
      const row = checkins.getLastRow() + 1;
      checkins.getRange(row, 1, 1, 2).setValues([["2026-03-02", "KPI-0006"]]);
      checkins.getRange(row, 3).setFormula("=1/0");
      const after = kpiTable();
      expect(after.length).toBe(before.length);
      after.forEach((line, i) => {
        if (line[0] === "KPI-0006") {
          // Sheets names the error #DIV/0!; the emulator's formulas cannot (no ERROR.TYPE).
          expect(line[8]).toMatch(
            /^Error: check-in row \d+ has the error #(DIV\/0|ERROR)! in Value$/,
          );
        } else if (String(line[8]).startsWith("Error: child KPI-0006")) {
          expect(before[i]![8]).not.toMatch(/^Error/);
        } else {
          expect(line).toEqual(before[i]);
        }
      });
      const summary = table(d.dashboard, "K21", 11);
      expect(summary.at(-1)![9]).toBeGreaterThanOrEqual(1);
      expect(table(d.dashboard, "W21", 3).length).toBeGreaterThan(5);
    },
  );
});
