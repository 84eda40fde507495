/**
 * What the spreadsheet classes share: the context each object carries, A1 and grid helpers, and the
 * way back up to `Spreadsheet`, `Sheet` and `Range`.
 *
 * Those three files bind their constructors into `upward` when they load. The objects below them
 * (protections, metadata, validation, conditional rules, charts) return ranges and sheets through
 * it instead of importing Range.ts or Sheet.ts, which import them: so the import graph has no cycle.
 */

import { parseA1 } from "./a1";
import type { Execution, Host } from "./context";
import { AppsScriptError } from "./errors";
import type { GridRef, SheetModel, Workbook } from "./model";
import type { UiRecorder } from "./ui";
import { isDate } from "./values";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** The context every spreadsheet object carries. */
export interface SheetsContext {
  readonly book: Workbook;
  readonly exec: Execution;
  readonly host: Host;
  readonly ui: UiRecorder;
}

/** The constructors Spreadsheet.ts, Sheet.ts and Range.ts bind when they load. */
interface Upward {
  spreadsheet(ctx: SheetsContext): GasSpreadsheet;
  sheet(ctx: SheetsContext, sheetId: number): GasSheet;
  /** The id of an emulated sheet; throws "Invalid argument: sheet" for anything else. */
  sheetIdOf(sheet: unknown): number;
  range(ctx: SheetsContext, ref: GridRef): GasRange;
  /** The rectangle of an emulated range; throws "Invalid argument: range" for anything else. */
  refOf(range: unknown): GridRef;
  isRange(value: unknown): boolean;
}

const bound: Partial<Upward> = {};

function need<K extends keyof Upward>(name: K): Upward[K] {
  const fn = bound[name];
  // Unreachable through createEmulator, which loads Spreadsheet.ts (and so Sheet.ts and Range.ts).
  if (fn === undefined) throw new Error(`emulator: ${name} used before Spreadsheet.ts was loaded`);
  return fn;
}

export const upward: Upward & { bind(part: Partial<Upward>): void } = {
  bind: (part) => {
    Object.assign(bound, part);
  },
  spreadsheet: (ctx) => need("spreadsheet")(ctx),
  sheet: (ctx, sheetId) => need("sheet")(ctx, sheetId),
  sheetIdOf: (sheet) => need("sheetIdOf")(sheet),
  range: (ctx, ref) => need("range")(ctx, ref),
  refOf: (range) => need("refOf")(range),
  isRange: (value) => need("isRange")(value),
};

export function sheetOf(ctx: SheetsContext, sheetId: number): SheetModel {
  const sheet = ctx.book.sheetById(sheetId);
  if (sheet === undefined)
    throw new AppsScriptError("The sheet you are trying to access no longer exists.");
  return sheet;
}

/** Resolves A1 notation (optionally with a sheet name) to a rectangle, bounded by the sheet's grid. */
export function resolveA1(ctx: SheetsContext, notation: string, defaultSheet: SheetModel): GridRef {
  const parsed = parseA1(String(notation));
  if (parsed === undefined) throw new AppsScriptError("Range not found");
  let sheet = defaultSheet;
  if (parsed.sheetName !== undefined) {
    const named = ctx.book.sheetByName(parsed.sheetName);
    if (named === undefined) throw new AppsScriptError("Range not found");
    sheet = named;
  }
  const row = parsed.start.row ?? 1;
  const column = parsed.start.column ?? 1;
  const endRow = parsed.end.row ?? sheet.maxRows;
  const endColumn = parsed.end.column ?? sheet.maxColumns;
  const top = Math.min(row, endRow);
  const left = Math.min(column, endColumn);
  const ref = {
    sheetId: sheet.id,
    row: top,
    column: left,
    numRows: Math.abs(endRow - row) + 1,
    numColumns: Math.abs(endColumn - column) + 1,
  };
  if (
    ref.row + ref.numRows - 1 > sheet.maxRows ||
    ref.column + ref.numColumns - 1 > sheet.maxColumns
  ) {
    throw new AppsScriptError("Range not found");
  }
  return ref;
}

export function checkInGrid(sheet: SheetModel, ref: GridRef): void {
  if (
    ref.row + ref.numRows - 1 > sheet.maxRows ||
    ref.column + ref.numColumns - 1 > sheet.maxColumns
  ) {
    throw new AppsScriptError(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  }
}

export function intersects(a: GridRef, b: GridRef): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

export function contains(outer: GridRef, inner: GridRef): boolean {
  return (
    outer.sheetId === inner.sheetId &&
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

/** Criteria values kept in JSON: ranges as GridRefs, dates as epoch milliseconds. */
type StoredCriterion = { readonly range: GridRef } | { readonly date: number } | unknown;

export function storeCriterion(value: unknown): StoredCriterion {
  if (upward.isRange(value)) return { range: { ...upward.refOf(value) } };
  if (isDate(value)) return { date: value.getTime() };
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : String(v)));
  return value;
}

export function loadCriterion(ctx: SheetsContext, value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as { range?: GridRef; date?: number };
    if (record.range !== undefined) return upward.range(ctx, { ...record.range });
    if (record.date !== undefined) return new Date(record.date);
  }
  return Array.isArray(value) ? [...value] : value;
}
