/**
 * SPEC §8: the daily check's service calls do not grow with the registry or the log. A check
 * over 10 goals and one over 10,000 goals with 1,000,000 check-ins make the same calls, e-mails
 * aside (both send the same one digest).
 */

import type { Emulator } from "../../emulator";
import { type Cells, goal, workbook } from "./dailyCheck.fixture";

/** Check-ins spread over the same 300 days in both sizes: the zone look-ups go by week. */
const DAYS = 300;

function checkCalls(goals: number, checkins: number) {
  const book = workbook();
  const spreadsheet = book.emu.spreadsheet;
  // The Dashboard's formulas are no part of the check; without them the emulator need not
  // evaluate KPI_ROLLUP over a million rows (its formula engine stops at 40,000 rows).
  spreadsheet.deleteSheet(spreadsheet.getSheetByName("Dashboard")!);
  const rows: Cells[] = Array.from({ length: goals }, (_, i) =>
    i === 0 ? goal("KPI-0", "bob@example.com", "2026-03-31") : goal(`KPI-${i}`, "", "2026-12-31"),
  );
  book.type("KPIs", rows);
  fillLog(book.emu, goals, checkins);
  book.at("2026-04-01");
  book.emu.calls.reset();
  const outcome = book.run();
  return { outcome, calls: book.emu.calls.byMethod() };
}

/** Writes the log straight into the sheet: one check-in a row, cycling through goals and days. */
function fillLog(emu: Emulator, goals: number, count: number): void {
  const sheet = emu.spreadsheet.getSheetByName("Check-ins")!;
  // Five columns, as the log has: a million rows of 26 would pass Sheets' 10 million cells.
  sheet.deleteColumns(6, sheet.getMaxColumns() - 5);
  if (sheet.getMaxRows() < count + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), count + 1 - sheet.getMaxRows());
  const first = Date.UTC(2026, 0, 1) - 8 * 3_600_000; // midnight in Taipei
  const block: unknown[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    block[i] = [new Date(first + (i % DAYS) * 86_400_000), `KPI-${i % goals}`, 1, "", ""];
  }
  sheet.getRange(2, 1, count, 5).setValues(block);
}

describe("the daily check's service calls", () => {
  it("are the same for 10 goals and for 10,000 goals with 1,000,000 check-ins", () => {
    const small = checkCalls(10, DAYS);
    const big = checkCalls(10_000, 1_000_000);
    expect(small.outcome).toMatchObject({ ran: true, sent: 1 });
    expect(big.outcome).toMatchObject({ ran: true, sent: 1 });
    expect(big.calls).toEqual(small.calls);
    expect(small.calls["Range.getValues"]).toBe(4);
    expect(small.calls["MailApp.sendEmail"]).toBe(1);
  }, 300_000);
});
