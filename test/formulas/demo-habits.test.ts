/**
 * The guide's personal habits on the demo's Dashboard (SPEC §4.7 Habits): the playground's demo
 * workbook, built by the add-on's own setup in the emulator, computed by the built dist/Code.js
 * through the Dashboard's KPI_ROLLUP formula, as a user opening the playground on 31 March sees it.
 */

import { existsSync, readFileSync } from "node:fs";
import { createEmulator, loadAddOn } from "../../emulator";
import { buildDemo } from "../../playground/demo";
import {
  DEMO_NOW,
  DEMO_SPREADSHEET_NAME,
  DEMO_TIME_ZONE,
  DEMO_TODAY,
  DEMO_USER,
} from "../../playground/demoData";
import { CODE_PATH } from "../support/bundle";

function demoDashboard(): Map<string, Record<string, unknown>> {
  if (!existsSync(CODE_PATH)) throw new Error(`${CODE_PATH} is missing: run \`npm run build\``);
  const emu = createEmulator({
    timeZone: DEMO_TIME_ZONE,
    user: DEMO_USER,
    now: DEMO_NOW,
    spreadsheetName: DEMO_SPREADSHEET_NAME,
  });
  buildDemo(emu, loadAddOn(readFileSync(CODE_PATH, "utf8"), emu));
  const dashboard = emu.spreadsheet.getSheetByName("Dashboard");
  if (dashboard === null) throw new Error("the demo has no Dashboard");
  const values = dashboard.getDataRange().getValues();
  // The KPI_ROLLUP table starts at its header row, the one whose first cell is "ID".
  const top = values.findIndex((row) => row[0] === "ID");
  if (top < 0) throw new Error("no KPI_ROLLUP table on the Dashboard");
  // The table ends at its first blank header cell (other tables sit beside it).
  const header = values[top]!.map(String);
  const width = header.indexOf("") < 0 ? header.length : header.indexOf("");
  header.length = width;
  const rows = new Map<string, Record<string, unknown>>();
  for (const row of values.slice(top + 1)) {
    if (row[0] === "") continue;
    rows.set(String(row[1]), Object.fromEntries(header.map((name, i) => [name, row[i]])));
  }
  return rows;
}

describe(`the demo's Dashboard on ${DEMO_TODAY}`, () => {
  const rows = demoDashboard();

  it('shows "Travel once a quarter" On track after the trip in February', () => {
    expect(rows.get("Travel once a quarter")).toMatchObject({
      Actual: 1,
      Attainment: 1,
      Expected: 1,
      Status: "On track",
    });
  });

  it("counts March for the monthly book, read on 22 March, before the month is over", () => {
    // January ✓ (25 Jan), February ✗, March ✓ already: 2 of 3 months.
    const row = rows.get("Read a book every month")!;
    expect(row.Actual).toBe(1);
    expect(row.Attainment).toBeCloseTo(2 / 3, 12);
  });

  it("never shows a personal habit as Achieved or Missed", () => {
    for (const name of [
      "Exercise twice a week",
      "Read a book every month",
      "Travel once a quarter",
      "Get off work on time every day",
    ]) {
      expect(["On track", "At risk", "Off track", "No data"]).toContain(rows.get(name)?.Status);
    }
  });
});
