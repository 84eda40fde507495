/**
 * A spreadsheet for formula tests: HyperFormula made to call the custom functions of the built
 * dist/Code.js, loaded in a vm with only the custom-function services, as Sheets would.
 */

import { CellType, type DetailedCellError } from "hyperformula";
import {
  createFormulaEngine,
  dateOfSerial,
  type FormulaEngine,
  type SheetValue,
} from "../../emulator/hyperformula";
import { loadBundle } from "../support/bundle";
import { day, zoneOf } from "../support/clock";

export const TIME_ZONES = ["Pacific/Auckland", "America/Los_Angeles"] as const;

export function openWorkbook(timeZone: string, sheets: Record<string, unknown[][]>): FormulaEngine {
  const bundle = loadBundle({ spreadsheetTimeZone: timeZone, scriptTimeZone: "Etc/UTC" });
  return createFormulaEngine({ sheets, timeZone, functions: bundle.functions });
}

/** Cells of an A1 range such as "Dashboard!A1:H10", as `Range.getValues()` reads them. */
export function cellsIn(engine: FormulaEngine, a1: string): SheetValue[][] {
  const [sheetName, corners] = splitRef(a1);
  const sheet = engine.hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const range = engine.hf.simpleCellRangeFromString(corners, sheet);
  if (range === undefined) throw new Error(`bad range ${a1}`);
  const rows: SheetValue[][] = [];
  for (let row = range.start.row; row <= range.end.row; row++) {
    const out: SheetValue[] = [];
    for (let col = range.start.col; col <= range.end.col; col++) {
      out.push(engine.getValue({ sheet, row, col }));
    }
    rows.push(out);
  }
  return rows;
}

export function cellAt(engine: FormulaEngine, a1: string): SheetValue {
  const [sheetName, ref] = splitRef(a1);
  const sheet = engine.hf.getSheetId(sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const address = engine.hf.simpleCellAddressFromString(ref, sheet);
  if (address === undefined) throw new Error(`bad cell ${a1}`);
  return engine.getValue(address);
}

/** HyperFormula's detailed type of a cell ("NUMBER_DATE", "NUMBER_PERCENT", "STRING"…). */
export function typeOf(engine: FormulaEngine, a1: string): string {
  const [sheetName, ref] = splitRef(a1);
  const sheet = engine.hf.getSheetId(sheetName);
  const address =
    sheet === undefined ? undefined : engine.hf.simpleCellAddressFromString(ref, sheet);
  if (address === undefined) throw new Error(`bad cell ${a1}`);
  return engine.hf.getCellValueDetailedType(address);
}

/** The part of the sheet a formula's result occupies: rows × columns from its anchor. */
export function spillOf(engine: FormulaEngine, a1: string): { rows: number; columns: number } {
  const [sheetName, ref] = splitRef(a1);
  const sheet = engine.hf.getSheetId(sheetName);
  const anchor =
    sheet === undefined ? undefined : engine.hf.simpleCellAddressFromString(ref, sheet);
  if (anchor === undefined) throw new Error(`bad cell ${a1}`);
  const typeAt = (row: number, col: number) =>
    engine.hf.getCellType({ sheet: anchor.sheet, row, col });
  if (typeAt(anchor.row, anchor.col) !== CellType.ARRAYFORMULA) return { rows: 1, columns: 1 };
  // Cells spilled from an anchor are ARRAY cells; the next formula's anchor ends the area.
  let rows = 1;
  while (typeAt(anchor.row + rows, anchor.col) === CellType.ARRAY) rows++;
  let columns = 1;
  while (typeAt(anchor.row, anchor.col + columns) === CellType.ARRAY) columns++;
  return { rows, columns };
}

export function isCellError(value: SheetValue): value is DetailedCellError {
  return typeof value === "object" && !(value instanceof Date);
}

/** The `Date` of a date-time cell: that wall-clock time on that day in the spreadsheet's zone. */
export function wallClock(timeZone: string, iso: string, hours: number, minutes = 0): Date {
  return dateOfSerial(day(iso) + (hours * 60 + minutes) / 1440, zoneOf(timeZone));
}

function splitRef(a1: string): [string, string] {
  const bang = a1.lastIndexOf("!");
  if (bang === -1) throw new Error(`${a1} names no sheet`);
  const sheet = a1.slice(0, bang).replace(/^'(.*)'$/, "$1");
  return [sheet, a1.slice(bang + 1)];
}
