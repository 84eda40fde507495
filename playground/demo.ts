/**
 * Builds the demo workbook the way a manager would: the add-on's own "Set up KPI sheets" makes
 * the sheets, then the rows of ./demoData.ts are typed into them by header name, whatever order
 * the columns are in.
 */

import type { AddOn, Emulator } from "../emulator";
import { columnLetters } from "../emulator/a1";
import { headerKey } from "../src/core/headers";
import { SHEET_NAMES } from "../src/server/workbook";
import { DEMO_KPIS, demoCheckins, type TypedCell, type TypedRow } from "./demoData";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PLACEHOLDER = /\{([^@}]+)@([^}]+)\}/g;

function headerColumns(sheet: Sheet): Map<string, number> {
  const width = sheet.getLastColumn();
  const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (key !== "" && !columns.has(key)) columns.set(key, index + 1);
  });
  return columns;
}

/**
 * Types rows under a sheet's headers, after its last row, as one paste. `{Header@ID}` in a
 * formula becomes the A1 address of that column in the row whose ID column holds `ID`.
 */
export function typeRows(sheet: Sheet, rows: readonly TypedRow[], idHeader?: string): void {
  if (rows.length === 0) return;
  const columns = headerColumns(sheet);
  const columnOf = (header: string): number => {
    const column = columns.get(headerKey(header));
    if (column === undefined) throw new Error(`"${sheet.getName()}" has no "${header}" column`);
    return column;
  };
  const first = sheet.getLastRow() + 1;
  const rowOf = new Map<string, number>();
  if (idHeader !== undefined) {
    for (const [i, row] of rows.entries()) rowOf.set(String(row[idHeader] ?? ""), first + i);
  }
  const resolve = (cell: TypedCell): TypedCell =>
    typeof cell === "string" && cell.startsWith("=")
      ? cell.replace(PLACEHOLDER, (_, header: string, id: string) => {
          const row = rowOf.get(id);
          if (row === undefined) throw new Error(`no row with ID ${id} for ${header}`);
          return `${columnLetters(columnOf(header))}${row}`;
        })
      : cell;
  const width = Math.max(...rows.flatMap((row) => Object.keys(row).map(columnOf)));
  const block = rows.map((row) => {
    const cells: TypedCell[] = new Array(width).fill("");
    for (const [header, cell] of Object.entries(row)) cells[columnOf(header) - 1] = resolve(cell);
    return cells;
  });
  const needed = first + rows.length - 1;
  if (sheet.getMaxRows() < needed)
    sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(first, 1, rows.length, width).setValues(block);
}

/**
 * Runs "Set up KPI sheets" as the user would from the menu, then types the demo's KPIs and
 * check-ins, and leaves the spreadsheet on the Dashboard without the empty first sheet.
 */
export function buildDemo(emu: Emulator, addOn: AddOn): void {
  const spreadsheet = emu.spreadsheet;
  const before = spreadsheet.getSheets().map((sheet) => sheet.getName());
  addOn.run("setupSheets", [], { authMode: "FULL" });
  const named = (name: string) => {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet === null) throw new Error(`setupSheets did not create "${name}"`);
    return sheet;
  };
  typeRows(named(SHEET_NAMES.kpis), DEMO_KPIS, "ID");
  typeRows(named(SHEET_NAMES.checkins), demoCheckins());
  for (const name of before) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet !== null && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) {
      spreadsheet.deleteSheet(sheet);
    }
  }
  spreadsheet.setActiveSheet(named(SHEET_NAMES.dashboard));
}
