/**
 * `Spreadsheet`, `Sheet`, `Range` and `NamedRange` as views on the Workbook model.
 *
 * Each class `implements Pick<>` of its `@types/google-apps-script` interface, so the compiler
 * holds every emulated method to the real signature. Methods that return another Apps Script
 * object return it typed as the real interface (`gas(...)` casts the emulator object); the
 * parameters and value results are checked as they are.
 */

import { cellA1, parseA1 } from "./a1";
import { type Execution, gas, type Host, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";
import { cellKey } from "./grid";
import { markScriptReady } from "./membrane";
import type { CellStyle, GridRef, SheetModel, ValidationData, Workbook } from "./model";
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  formatDisplay,
  GENERAL,
  isDateFormat,
} from "./numberFormat";
import {
  addMetadata,
  EmuConditionalFormatRule,
  EmuDataValidation,
  EmuDeveloperMetadata,
  EmuDeveloperMetadataFinder,
  EmuEmbeddedChart,
  EmuEmbeddedChartBuilder,
  EmuProtection,
  protectionsBlocking,
} from "./sheetObjects";
import type { UiRecorder } from "./ui";
import {
  type CellValue,
  fromScriptValue,
  instantInZone,
  isCellError,
  isDate,
  NEEDS_PARSING,
  quickStore,
  type Stored,
  serialInZone,
  zoneConverter,
} from "./values";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** What Apps Script reports as the number format of a cell nobody formatted. */
export const UNSET_FORMAT_REPORTED = "0.###############";

/** The context every spreadsheet object carries. */
export interface SheetsContext {
  readonly book: Workbook;
  readonly exec: Execution;
  readonly host: Host;
  readonly ui: UiRecorder;
}

const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

function requireInteger(value: unknown, method: string, args: unknown[]): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const types = args
      .map((a) => (a === null ? "null" : a === undefined ? "undefined" : typeof a))
      .join(",");
    throw new AppsScriptError(
      `The parameters (${types}) don't match the method signature for ${method}.`,
    );
  }
  return Math.floor(value);
}

export function sheetOf(ctx: SheetsContext, sheetId: number): SheetModel {
  const sheet = ctx.book.sheetById(sheetId);
  if (sheet === undefined)
    throw new AppsScriptError("The sheet you are trying to access no longer exists.");
  return sheet;
}

/** Throws as Sheets does when the active user may not edit any cell of the rectangle. */
export function assertEditable(ctx: SheetsContext, ref: GridRef): void {
  if (ctx.book.protections.length === 0) return;
  if (protectionsBlocking(ctx, ref).length > 0) throw new AppsScriptError(PROTECTED_MESSAGE);
}

function sheetIndexOf(book: Workbook, sheet: SheetModel): number {
  return book.sheets.indexOf(sheet);
}

function uniqueSheetName(book: Workbook): string {
  let n = book.sheets.length + 1;
  while (book.sheetByName(`Sheet${n}`) !== undefined) n++;
  return `Sheet${n}`;
}

function assertNewSheetName(book: Workbook, name: string, except?: SheetModel): void {
  const clash = book.sheets.find(
    (s) => s !== except && s.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash !== undefined) {
    throw new AppsScriptError(
      `A sheet with the name "${name}" already exists. Please enter another name.`,
    );
  }
  if (name.trim() === "") throw new AppsScriptError("Invalid argument: sheetName");
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

function checkInGrid(sheet: SheetModel, ref: GridRef): void {
  if (
    ref.row + ref.numRows - 1 > sheet.maxRows ||
    ref.column + ref.numColumns - 1 > sheet.maxColumns
  ) {
    throw new AppsScriptError(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  }
}

type SpreadsheetMethods =
  | "addDeveloperMetadata"
  | "createDeveloperMetadataFinder"
  | "deleteSheet"
  | "getActiveSheet"
  | "getDeveloperMetadata"
  | "getId"
  | "getName"
  | "getNamedRanges"
  | "getNumSheets"
  | "getProtections"
  | "getRange"
  | "getRangeByName"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "insertSheet"
  | "removeNamedRange"
  | "rename"
  | "setActiveSheet"
  | "setNamedRange"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast"
  | "getLastRow"
  | "getLastColumn"
  | "getDataRange"
  | "getSheetName"
  | "appendRow"
  | "getActiveRange"
  | "getActiveCell"
  | "getCurrentCell"
  | "setActiveRange";

export class EmuSpreadsheet
  extends ServiceObject
  implements Pick<GasSpreadsheet, SpreadsheetMethods>
{
  readonly [SERVICE_NAME] = "Spreadsheet";
  readonly #ctx: SheetsContext;

  constructor(ctx: SheetsContext) {
    super();
    this.#ctx = ctx;
  }

  /** The context, for the emulator's own plumbing (not reachable from scripts through the membrane). */
  static contextOf(spreadsheet: EmuSpreadsheet): SheetsContext {
    return spreadsheet.#ctx;
  }

  #sheet(model: SheetModel): EmuSheet {
    return new EmuSheet(this.#ctx, model.id);
  }

  #activeModel(): SheetModel {
    const book = this.#ctx.book;
    const active = book.sheetById(book.activeSheetId) ?? book.sheets[0];
    if (active === undefined) throw new AppsScriptError("The spreadsheet has no sheets.");
    return active;
  }

  getId(): string {
    return this.#ctx.book.id;
  }

  getName(): string {
    return this.#ctx.book.name;
  }

  rename(newName: string): void {
    this.#ctx.book.name = String(newName);
  }

  getUrl(): string {
    return this.#ctx.book.url;
  }

  getSpreadsheetTimeZone(): string {
    return this.#ctx.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: String(timezone) });
    } catch {
      throw new AppsScriptError(`Invalid argument: ${timezone}`);
    }
    this.#ctx.book.timeZone = String(timezone);
    this.#ctx.book.touch();
  }

  getSpreadsheetLocale(): string {
    return this.#ctx.book.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.#ctx.book.locale = String(locale);
  }

  getSheets(): GasSheet[] {
    return this.#ctx.book.sheets.map((s) => gas<GasSheet>(this.#sheet(s)));
  }

  getNumSheets(): number {
    return this.#ctx.book.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    const model = this.#ctx.book.sheetByName(String(name));
    return model === undefined ? null : gas(this.#sheet(model));
  }

  getSheetById(id: number): GasSheet | null {
    const model = this.#ctx.book.sheetById(Number(id));
    return model === undefined ? null : gas(this.#sheet(model));
  }

  getActiveSheet(): GasSheet {
    return gas(this.#sheet(this.#activeModel()));
  }

  getSheetName(): string {
    return this.#activeModel().name;
  }

  getActiveRange(): GasRange | null {
    return this.getActiveSheet().getActiveRange();
  }

  getActiveCell(): GasRange {
    return this.getActiveSheet().getActiveCell();
  }

  getCurrentCell(): GasRange | null {
    return this.getActiveSheet().getActiveCell();
  }

  setActiveRange(range: GasRange): GasRange {
    return range.activate();
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    const model = EmuSheet.modelOf(sheet);
    this.#ctx.book.activeSheetId = model.id;
    return sheet;
  }

  insertSheet(a?: unknown, b?: unknown, _c?: unknown): GasSheet {
    const book = this.#ctx.book;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === "string") {
      name = a;
      if (typeof b === "number") index = b;
    } else if (typeof a === "number") {
      index = a;
    }
    const sheetName = name ?? uniqueSheetName(book);
    assertNewSheetName(book, sheetName);
    const at =
      index === undefined
        ? book.sheets.length
        : Math.max(0, Math.min(book.sheets.length, Math.floor(index)));
    const model = book.addSheet(sheetName, at);
    book.activeSheetId = model.id;
    return gas(this.#sheet(model));
  }

  deleteSheet(sheet: GasSheet): void {
    const model = EmuSheet.modelOf(sheet);
    const book = this.#ctx.book;
    if (book.sheets.length <= 1) {
      throw new AppsScriptError("You can't remove all the sheets in a document.");
    }
    assertEditable(this.#ctx, {
      sheetId: model.id,
      row: 1,
      column: 1,
      numRows: model.maxRows,
      numColumns: model.maxColumns,
    });
    book.removeSheet(model);
  }

  getRange(a1Notation: string): GasRange {
    const ref = resolveA1(this.#ctx, a1Notation, this.#activeModel());
    return gas(new EmuRange(this.#ctx, ref));
  }

  getRangeByName(name: string): GasRange | null {
    const ref = this.#ctx.book.namedRanges.get(String(name));
    return ref === undefined ? null : gas(new EmuRange(this.#ctx, { ...ref }));
  }

  setNamedRange(name: string, range: GasRange): void {
    const text = String(name);
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(text) ||
      parseA1(text) !== undefined ||
      /^(true|false)$/i.test(text)
    ) {
      throw new AppsScriptError("Invalid argument: name");
    }
    this.#ctx.book.namedRanges.set(text, { ...EmuRange.refOf(range) });
    this.#ctx.book.touch();
  }

  removeNamedRange(name: string): void {
    if (!this.#ctx.book.namedRanges.delete(String(name))) {
      throw new AppsScriptError(`Named range ${name} not found.`);
    }
    this.#ctx.book.touch();
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.#ctx.book.namedRanges.keys()].map((name) =>
      gas(new EmuNamedRange(this.#ctx, name)),
    );
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    return this.#ctx.book.protections
      .filter((p) => p.type === wanted)
      .map((p) => gas(new EmuProtection(this.#ctx, p.id)));
  }

  addDeveloperMetadata(key: string, b?: unknown, c?: unknown): GasSpreadsheet {
    addMetadata(this.#ctx, { type: "SPREADSHEET" }, key, b, c);
    return gas(this);
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.#ctx.book.metadata
      .filter((m) => m.location.type === "SPREADSHEET")
      .map((m) => gas(new EmuDeveloperMetadata(this.#ctx, m.id)));
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return gas(new EmuDeveloperMetadataFinder(this.#ctx, undefined));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.#ctx.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
      at: new Date(this.#ctx.host.nowMs()),
    });
  }

  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }

  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }

  getDataRange(): GasRange {
    return this.getActiveSheet().getDataRange();
  }

  appendRow(rowContents: unknown[]): GasSheet {
    return this.getActiveSheet().appendRow(rowContents);
  }
}

type SheetMethods =
  | "activate"
  | "addDeveloperMetadata"
  | "appendRow"
  | "autoResizeColumns"
  | "clear"
  | "clearConditionalFormatRules"
  | "clearContents"
  | "clearFormats"
  | "createDeveloperMetadataFinder"
  | "deleteColumn"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "getCharts"
  | "getColumnWidth"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getDeveloperMetadata"
  | "getFrozenColumns"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getNamedRanges"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getSheetId"
  | "getSheetName"
  | "getSheetValues"
  | "hideSheet"
  | "insertChart"
  | "insertColumnAfter"
  | "insertColumnBefore"
  | "insertColumns"
  | "insertColumnsAfter"
  | "insertColumnsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertRows"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "isSheetHidden"
  | "newChart"
  | "protect"
  | "removeChart"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setConditionalFormatRules"
  | "setFrozenColumns"
  | "setFrozenRows"
  | "setName"
  | "showSheet"
  | "updateChart"
  | "getActiveRange"
  | "getActiveCell"
  | "setActiveRange";

export class EmuSheet extends ServiceObject implements Pick<GasSheet, SheetMethods> {
  readonly [SERVICE_NAME] = "Sheet";
  readonly #ctx: SheetsContext;
  readonly #id: number;

  constructor(ctx: SheetsContext, sheetId: number) {
    super();
    this.#ctx = ctx;
    this.#id = sheetId;
  }

  static modelOf(sheet: unknown): SheetModel {
    if (!(sheet instanceof EmuSheet)) throw new AppsScriptError("Invalid argument: sheet");
    return sheetOf(sheet.#ctx, sheet.#id);
  }

  get #model(): SheetModel {
    return sheetOf(this.#ctx, this.#id);
  }

  #whole(): GridRef {
    const m = this.#model;
    return { sheetId: m.id, row: 1, column: 1, numRows: m.maxRows, numColumns: m.maxColumns };
  }

  getName(): string {
    return this.#model.name;
  }

  getSheetName(): string {
    return this.#model.name;
  }

  setName(name: string): GasSheet {
    const text = String(name);
    const model = this.#model;
    if (text === model.name) return gas(this);
    assertNewSheetName(this.#ctx.book, text, model);
    this.#ctx.book.renameSheet(model, text);
    return gas(this);
  }

  getSheetId(): number {
    return this.#id;
  }

  getIndex(): number {
    return sheetIndexOf(this.#ctx.book, this.#model) + 1;
  }

  getParent(): GasSpreadsheet {
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  activate(): GasSheet {
    this.#ctx.book.activeSheetId = this.#id;
    return gas(this);
  }

  getActiveRange(): GasRange | null {
    const selected = this.#ctx.book.selections.get(this.#id);
    const ref = selected ?? { sheetId: this.#id, row: 1, column: 1, numRows: 1, numColumns: 1 };
    return gas(new EmuRange(this.#ctx, { ...ref }));
  }

  getActiveCell(): GasRange {
    const range = this.getActiveRange() as GasRange;
    return range.getCell(1, 1);
  }

  setActiveRange(range: GasRange): GasRange {
    if (EmuRange.refOf(range).sheetId !== this.#id) {
      throw new AppsScriptError("The range must be on the sheet it is set active on.");
    }
    return range.activate();
  }

  getMaxRows(): number {
    return this.#model.maxRows;
  }

  getMaxColumns(): number {
    return this.#model.maxColumns;
  }

  getLastRow(): number {
    this.#ctx.host.recalculate();
    return this.#model.lastRow();
  }

  getLastColumn(): number {
    this.#ctx.host.recalculate();
    return this.#model.lastColumn();
  }

  getRange(a: number | string, b?: number, c?: number, d?: number): GasRange {
    const model = this.#model;
    if (typeof a === "string" && b === undefined) {
      const ref = resolveA1(this.#ctx, a, model);
      return gas(new EmuRange(this.#ctx, ref));
    }
    const args = [a, b, c, d].filter((x) => x !== undefined);
    const method = "SpreadsheetApp.Sheet.getRange";
    const row = requireInteger(a, method, args);
    const column = requireInteger(b, method, args);
    const numRows = c === undefined ? 1 : requireInteger(c, method, args);
    const numColumns = d === undefined ? 1 : requireInteger(d, method, args);
    if (row < 1) throw new AppsScriptError("The starting row of the range is too small.");
    if (column < 1) throw new AppsScriptError("The starting column of the range is too small.");
    if (numRows < 1)
      throw new AppsScriptError("The number of rows in the range must be at least 1.");
    if (numColumns < 1)
      throw new AppsScriptError("The number of columns in the range must be at least 1.");
    const ref = { sheetId: model.id, row, column, numRows, numColumns };
    checkInGrid(model, ref);
    return gas(new EmuRange(this.#ctx, ref));
  }

  getDataRange(): GasRange {
    this.#ctx.host.recalculate();
    const model = this.#model;
    const ref = {
      sheetId: model.id,
      row: 1,
      column: 1,
      numRows: Math.max(1, model.lastRow()),
      numColumns: Math.max(1, model.lastColumn()),
    };
    return gas(new EmuRange(this.#ctx, ref));
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const model = this.#model;
    const rows = numRows === -1 ? Math.max(1, model.lastRow() - startRow + 1) : numRows;
    const columns =
      numColumns === -1 ? Math.max(1, model.lastColumn() - startColumn + 1) : numColumns;
    return this.getRange(startRow, startColumn, rows, columns).getValues();
  }

  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new AppsScriptError(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    this.#ctx.host.recalculate();
    const model = this.#model;
    const row = model.lastRow() + 1;
    if (row > model.maxRows) model.maxRows = row;
    if (rowContents.length > model.maxColumns) model.maxColumns = rowContents.length;
    const range = new EmuRange(this.#ctx, {
      sheetId: model.id,
      row,
      column: 1,
      numRows: 1,
      numColumns: rowContents.length,
    });
    range.setValues([rowContents]);
    this.#ctx.book.structureRevision++;
    return gas(this);
  }

  #insert(
    axis: "row" | "column",
    at: number,
    count: number,
    inheritFrom: number | undefined,
  ): void {
    const model = this.#model;
    const max = axis === "row" ? model.maxRows : model.maxColumns;
    if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || at > max + 1 || count < 1) {
      throw new AppsScriptError(
        axis === "row" ? "Those rows are out of bounds." : "Those columns are out of bounds.",
      );
    }
    this.#ctx.book.moveDimension(model, axis, at, count, inheritFrom);
  }

  #delete(axis: "row" | "column", at: number, count: number): void {
    const model = this.#model;
    const max = axis === "row" ? model.maxRows : model.maxColumns;
    if (
      !Number.isInteger(at) ||
      !Number.isInteger(count) ||
      at < 1 ||
      count < 1 ||
      at + count - 1 > max
    ) {
      throw new AppsScriptError(
        axis === "row" ? "Those rows are out of bounds." : "Those columns are out of bounds.",
      );
    }
    const frozen = axis === "row" ? model.frozenRows : model.frozenColumns;
    if (count >= max - frozen && at > frozen) {
      throw new AppsScriptError(
        axis === "row"
          ? "Sorry, it is not possible to delete all non-frozen rows."
          : "Sorry, it is not possible to delete all non-frozen columns.",
      );
    }
    const ref =
      axis === "row"
        ? { sheetId: model.id, row: at, column: 1, numRows: count, numColumns: model.maxColumns }
        : { sheetId: model.id, row: 1, column: at, numRows: model.maxRows, numColumns: count };
    assertEditable(this.#ctx, ref);
    this.#ctx.book.moveDimension(model, axis, at, -count);
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.#insert("row", afterPosition + 1, howMany, afterPosition >= 1 ? afterPosition : undefined);
    return gas(this);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.#insert("row", beforePosition, howMany, beforePosition + howMany);
    return gas(this);
  }

  insertRowAfter(afterPosition: number): GasSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.#insert(
      "column",
      afterPosition + 1,
      howMany,
      afterPosition >= 1 ? afterPosition : undefined,
    );
    return gas(this);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    this.#insert("column", beforePosition, howMany, beforePosition + howMany);
    return gas(this);
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  insertColumns(columnIndex: number, numColumns?: number): void {
    this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }

  deleteRow(rowPosition: number): GasSheet {
    this.#delete("row", rowPosition, 1);
    return gas(this);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.#delete("row", rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.#delete("column", columnPosition, 1);
    return gas(this);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.#delete("column", columnPosition, howMany);
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    new EmuRange(this.#ctx, this.#whole()).clear(options);
    return gas(this);
  }

  clearContents(): GasSheet {
    new EmuRange(this.#ctx, this.#whole()).clearContent();
    return gas(this);
  }

  clearFormats(): GasSheet {
    new EmuRange(this.#ctx, this.#whole()).clearFormat();
    return gas(this);
  }

  getFrozenRows(): number {
    return this.#model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.#model.frozenRows = Math.max(0, Math.floor(rows));
  }

  getFrozenColumns(): number {
    return this.#model.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.#model.frozenColumns = Math.max(0, Math.floor(columns));
  }

  hideSheet(): GasSheet {
    const visible = this.#ctx.book.sheets.filter((s) => !s.hidden);
    if (visible.length <= 1 && !this.#model.hidden) {
      throw new AppsScriptError("You can't hide all the sheets in a document.");
    }
    this.#model.hidden = true;
    return gas(this);
  }

  showSheet(): GasSheet {
    this.#model.hidden = false;
    return gas(this);
  }

  isSheetHidden(): boolean {
    return this.#model.hidden;
  }

  getColumnWidth(columnPosition: number): number {
    return this.#model.columnWidths.get(columnPosition) ?? 100;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.#model.columnWidths.set(columnPosition, width);
    return gas(this);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.#model.columnWidths.set(c, width);
    return gas(this);
  }

  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.#model.columnWidths.delete(c);
    return gas(this);
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.#ctx.book.namedRanges]
      .filter(([, ref]) => ref.sheetId === this.#id)
      .map(([name]) => gas(new EmuNamedRange(this.#ctx, name)));
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return gas(EmuProtection.create(this.#ctx, "SHEET", this.#whole()));
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    return this.#ctx.book.protections
      .filter((p) => p.type === wanted && p.range.sheetId === this.#id)
      .map((p) => gas(new EmuProtection(this.#ctx, p.id)));
  }

  addDeveloperMetadata(key: string, b?: unknown, c?: unknown): GasSheet {
    addMetadata(this.#ctx, { type: "SHEET", sheetId: this.#id }, key, b, c);
    return gas(this);
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.#ctx.book.metadata
      .filter((m) => m.location.type === "SHEET" && m.location.sheetId === this.#id)
      .map((m) => gas(new EmuDeveloperMetadata(this.#ctx, m.id)));
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return gas(new EmuDeveloperMetadataFinder(this.#ctx, this.#id));
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.#model.conditionalRules.map((rule) =>
      gas(new EmuConditionalFormatRule(this.#ctx, rule)),
    );
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.#model.conditionalRules = rules.map((rule) => EmuConditionalFormatRule.dataOf(rule));
  }

  clearConditionalFormatRules(): void {
    this.#model.conditionalRules = [];
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return gas(new EmuEmbeddedChartBuilder(this.#ctx, this.#id, undefined));
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    EmuEmbeddedChart.insert(this.#ctx, this.#id, chart);
  }

  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    EmuEmbeddedChart.update(this.#ctx, chart);
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    EmuEmbeddedChart.remove(this.#ctx, chart);
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.#ctx.book.charts
      .filter((c) => c.sheetId === this.#id)
      .map((c) => gas(new EmuEmbeddedChart(this.#ctx, c.id)));
  }
}

type RangeMethods =
  | "activate"
  | "addDeveloperMetadata"
  | "canEdit"
  | "check"
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "clearFormat"
  | "clearNote"
  | "createDeveloperMetadataFinder"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getCell"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDeveloperMetadata"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFontColorObject"
  | "getFontWeight"
  | "getFontWeights"
  | "getFontStyle"
  | "getFormula"
  | "getFormulas"
  | "getGridId"
  | "getHeight"
  | "getHorizontalAlignment"
  | "getHorizontalAlignments"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getRowIndex"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "getWidth"
  | "getWrap"
  | "insertCheckboxes"
  | "isBlank"
  | "isChecked"
  | "isEndColumnBounded"
  | "isEndRowBounded"
  | "offset"
  | "protect"
  | "removeCheckboxes"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setDataValidations"
  | "setFontColor"
  | "setFontFamily"
  | "setFontSize"
  | "setFontStyle"
  | "setFontWeight"
  | "setFontWeights"
  | "setFormula"
  | "setFormulas"
  | "setHorizontalAlignment"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues"
  | "setVerticalAlignment"
  | "setWrap"
  | "sort"
  | "uncheck";

export class EmuRange extends ServiceObject implements Pick<GasRange, RangeMethods> {
  readonly [SERVICE_NAME] = "Range";
  readonly #ctx: SheetsContext;
  readonly #ref: GridRef;

  constructor(ctx: SheetsContext, ref: GridRef) {
    super();
    this.#ctx = ctx;
    this.#ref = ref;
  }

  static refOf(range: unknown): GridRef {
    if (!(range instanceof EmuRange)) throw new AppsScriptError("Invalid argument: range");
    return range.#ref;
  }

  get #sheet(): SheetModel {
    return sheetOf(this.#ctx, this.#ref.sheetId);
  }

  get #lastRowIndex(): number {
    return this.#ref.row + this.#ref.numRows - 1;
  }

  get #lastColumnIndex(): number {
    return this.#ref.column + this.#ref.numColumns - 1;
  }

  #writable(): SheetModel {
    assertEditable(this.#ctx, this.#ref);
    return this.#sheet;
  }

  #checkShape(values: unknown, what: string): unknown[][] {
    if (!Array.isArray(values)) {
      throw new AppsScriptError(
        `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${what}.`,
      );
    }
    if (values.length !== this.#ref.numRows) {
      throw new AppsScriptError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.#ref.numRows}.`,
      );
    }
    for (const row of values) {
      const length = Array.isArray(row) ? row.length : 0;
      if (length !== this.#ref.numColumns) {
        throw new AppsScriptError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${length} but the range has ${this.#ref.numColumns}.`,
        );
      }
    }
    return values as unknown[][];
  }

  /**
   * Builds a rows × columns grid column by column, visiting each column's runs of number formats,
   * in the script's realm when there is one (a million-row read must not be copied again).
   */
  #read<T>(cell: (value: CellValue | undefined, format: string | undefined) => T): T[][] {
    this.#ctx.host.recalculate();
    const sheet = this.#sheet;
    const ArrayOf = this.#ctx.exec.realm?.Array ?? Array;
    const { row, numRows, numColumns } = this.#ref;
    const last = this.#lastRowIndex;
    const out: T[][] = new ArrayOf(numRows);
    for (let r = 0; r < numRows; r++) out[r] = new ArrayOf(numColumns) as T[];
    const computed = sheet.computed.size > 0 ? sheet.computed : undefined;
    for (let c = 0; c < numColumns; c++) {
      const column = this.#ref.column + c;
      const stored = sheet.values.column(column);
      sheet.formats.forEach(column, row, last, (start, end, format) => {
        for (let r = start; r <= end; r++) {
          const result = computed?.get(cellKey(r, column));
          if (result === undefined) {
            (out[r - row] as T[])[c] = cell(stored?.[r - 1], format);
          } else {
            const shown = format ?? sheet.computedFormats.get(cellKey(r, column));
            (out[r - row] as T[])[c] = cell(result, shown);
          }
        }
      });
    }
    return markScriptReady(out);
  }

  getValues(): unknown[][] {
    const zone = zoneConverter(this.#ctx.book.timeZone);
    const DateOf = this.#ctx.exec.realm?.Date ?? Date;
    let lastFormat: string | undefined;
    let lastIsDate = false;
    return this.#read((value, format) => {
      if (value === undefined) return "";
      if (typeof value === "number") {
        if (format !== lastFormat) {
          lastFormat = format;
          lastIsDate = isDateFormat(format);
        }
        return lastIsDate ? new DateOf(instantInZone(value, zone)) : value;
      }
      if (isCellError(value)) return value.error;
      return value;
    });
  }

  getValue(): unknown {
    return this.#single().getValues()[0]?.[0];
  }

  getDisplayValues(): string[][] {
    return this.#read((value, format) => formatDisplay(value, format));
  }

  getDisplayValue(): string {
    return this.#single().getDisplayValues()[0]?.[0] ?? "";
  }

  #single(): EmuRange {
    const { sheetId, row, column } = this.#ref;
    return new EmuRange(this.#ctx, { sheetId, row, column, numRows: 1, numColumns: 1 });
  }

  setValues(values: unknown[][]): GasRange {
    const rows = this.#checkShape(values, "setValues");
    this.#write((r, c) => rows[r]?.[c]);
    return gas(this);
  }

  setValue(value: unknown): GasRange {
    this.#write(() => value);
    return gas(this);
  }

  /** Writes content as Sheets parses it, one column at a time, collecting format changes. */
  #write(valueAt: (r: number, c: number) => unknown): void {
    const sheet = this.#writable();
    const book = this.#ctx.book;
    const timeZone = book.timeZone;
    const { row, column, numRows, numColumns } = this.#ref;
    const hadFormulas = sheet.formulas.size > 0;
    const zone = zoneConverter(timeZone);
    for (let c = 0; c < numColumns; c++) {
      const col = column + c;
      const formatRuns = new FormatRuns();
      const values: Array<Stored | undefined> = new Array(numRows);
      sheet.formats.forEach(col, row, this.#lastRowIndex, (start, end, format) => {
        for (let r = start; r <= end; r++) {
          const input = valueAt(r - row, c);
          const quick = quickStore(input, format, zone);
          if (quick !== NEEDS_PARSING) {
            values[r - row] = quick;
            if (hadFormulas) sheet.formulas.delete(cellKey(r, col));
            continue;
          }
          if (isDate(input) && !Number.isNaN(input.getTime())) {
            // A Date into a cell without a date format: the serial plus a default date format.
            const serial = serialInZone(input.getTime(), zone);
            values[r - row] = serial;
            if (hadFormulas) sheet.formulas.delete(cellKey(r, col));
            const midnight = Number.isInteger(Math.round(serial * 86_400) / 86_400);
            formatRuns.note(r, midnight ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT);
            continue;
          }
          const written = fromScriptValue(input, format, timeZone);
          values[r - row] = written.value;
          const key = written.formula !== undefined || hadFormulas ? cellKey(r, col) : 0;
          if (written.formula !== undefined) sheet.formulas.set(key, written.formula);
          else if (hadFormulas) sheet.formulas.delete(key);
          if (written.format !== undefined && written.format !== format) {
            formatRuns.note(r, written.format);
          }
        }
      });
      sheet.values.writeColumn(col, row, values);
      formatRuns.applyTo(sheet, col);
    }
    book.touch(this.#ref);
  }

  getFormulas(): string[][] {
    const sheet = this.#sheet;
    const out: string[][] = [];
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      const line: string[] = [];
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
        line.push(sheet.formulas.get(cellKey(r, c)) ?? "");
      }
      out.push(line);
    }
    return out;
  }

  getFormula(): string {
    return this.getFormulas()[0]?.[0] ?? "";
  }

  setFormulas(formulas: string[][]): GasRange {
    const rows = this.#checkShape(formulas, "setFormulas");
    this.#writeFormulas((r, c) => rows[r]?.[c]);
    return gas(this);
  }

  setFormula(formula: string): GasRange {
    this.#writeFormulas(() => formula);
    return gas(this);
  }

  #writeFormulas(formulaAt: (r: number, c: number) => unknown): void {
    const sheet = this.#writable();
    const book = this.#ctx.book;
    for (let r = 0; r < this.#ref.numRows; r++) {
      for (let c = 0; c < this.#ref.numColumns; c++) {
        const text = String(formulaAt(r, c) ?? "");
        const row = this.#ref.row + r;
        const col = this.#ref.column + c;
        if (text === "") book.writeCell(sheet, row, col, undefined);
        else if (text.startsWith("=")) book.writeCell(sheet, row, col, undefined, text);
        else
          book.writeCell(
            sheet,
            row,
            col,
            fromScriptValue(text, sheet.formats.get(row, col), book.timeZone).value,
          );
      }
    }
    book.touch(this.#ref);
  }

  getNumberFormats(): string[][] {
    const sheet = this.#sheet;
    const out: string[][] = [];
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      const line: string[] = [];
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
        line.push(sheet.formats.get(r, c) ?? UNSET_FORMAT_REPORTED);
      }
      out.push(line);
    }
    return out;
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0]?.[0] ?? UNSET_FORMAT_REPORTED;
  }

  setNumberFormat(numberFormat: string): GasRange {
    const sheet = this.#writable();
    const format = String(numberFormat);
    for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
      sheet.formats.set(
        c,
        this.#ref.row,
        this.#lastRowIndex,
        format === GENERAL ? undefined : format,
      );
    }
    this.#ctx.book.touch(this.#ref);
    return gas(this);
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    const rows = this.#checkShape(numberFormats, "setNumberFormats");
    const sheet = this.#writable();
    for (let c = 0; c < this.#ref.numColumns; c++) {
      const runs = new FormatRuns();
      for (let r = 0; r < this.#ref.numRows; r++)
        runs.note(this.#ref.row + r, String(rows[r]?.[c] ?? GENERAL));
      runs.applyTo(sheet, this.#ref.column + c);
    }
    this.#ctx.book.touch(this.#ref);
    return gas(this);
  }

  getRow(): number {
    return this.#ref.row;
  }

  getRowIndex(): number {
    return this.#ref.row;
  }

  getColumn(): number {
    return this.#ref.column;
  }

  getLastRow(): number {
    return this.#lastRowIndex;
  }

  getLastColumn(): number {
    return this.#lastColumnIndex;
  }

  getNumRows(): number {
    return this.#ref.numRows;
  }

  getHeight(): number {
    return this.#ref.numRows;
  }

  getNumColumns(): number {
    return this.#ref.numColumns;
  }

  getWidth(): number {
    return this.#ref.numColumns;
  }

  getGridId(): number {
    return this.#ref.sheetId;
  }

  isEndRowBounded(): boolean {
    return true;
  }

  isEndColumnBounded(): boolean {
    return true;
  }

  getA1Notation(): string {
    const start = cellA1(this.#ref.row, this.#ref.column);
    if (this.#ref.numRows === 1 && this.#ref.numColumns === 1) return start;
    return `${start}:${cellA1(this.#lastRowIndex, this.#lastColumnIndex)}`;
  }

  getSheet(): GasSheet {
    return gas(new EmuSheet(this.#ctx, this.#ref.sheetId));
  }

  activate(): GasRange {
    this.#ctx.book.activeSheetId = this.#ref.sheetId;
    this.#ctx.book.selections.set(this.#ref.sheetId, { ...this.#ref });
    return gas(this);
  }

  canEdit(): boolean {
    return (
      this.#ctx.book.protections.length === 0 ||
      protectionsBlocking(this.#ctx, this.#ref).length === 0
    );
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    const ref = {
      sheetId: this.#ref.sheetId,
      row: this.#ref.row + rowOffset,
      column: this.#ref.column + columnOffset,
      numRows: numRows ?? this.#ref.numRows,
      numColumns: numColumns ?? this.#ref.numColumns,
    };
    if (ref.row < 1 || ref.column < 1 || ref.numRows < 1 || ref.numColumns < 1) {
      throw new AppsScriptError(
        "The coordinates of the range are outside the dimensions of the sheet.",
      );
    }
    checkInGrid(this.#sheet, ref);
    return gas(new EmuRange(this.#ctx, ref));
  }

  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.#ref.numRows || column > this.#ref.numColumns) {
      throw new AppsScriptError(
        "The coordinates of the range are outside the dimensions of the sheet.",
      );
    }
    return this.offset(row - 1, column - 1, 1, 1);
  }

  isBlank(): boolean {
    this.#ctx.host.recalculate();
    const sheet = this.#sheet;
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
        if (sheet.valueAt(r, c) !== undefined || sheet.formulas.has(cellKey(r, c))) return false;
      }
    }
    return true;
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GasRange {
    const only = options ?? {};
    const any = only.contentsOnly || only.formatOnly || only.validationsOnly || only.commentsOnly;
    if (!any || only.contentsOnly) this.clearContent();
    if (!any || only.formatOnly) this.clearFormat();
    if (only.validationsOnly) this.clearDataValidations();
    if (!any) this.clearNote();
    return gas(this);
  }

  clearContent(): GasRange {
    const sheet = this.#writable();
    const book = this.#ctx.book;
    const last = Math.min(this.#lastRowIndex, sheet.lastRow());
    for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
      for (let r = this.#ref.row; r <= last; r++) book.writeCell(sheet, r, c, undefined);
    }
    book.touch(this.#ref);
    return gas(this);
  }

  clearFormat(): GasRange {
    const sheet = this.#writable();
    for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
      sheet.formats.set(c, this.#ref.row, this.#lastRowIndex, undefined);
      sheet.styles.set(c, this.#ref.row, this.#lastRowIndex, undefined);
    }
    this.#ctx.book.touch(this.#ref);
    return gas(this);
  }

  clearNote(): GasRange {
    const sheet = this.#sheet;
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++)
        sheet.notes.delete(cellKey(r, c));
    }
    return gas(this);
  }

  #styleUpdate(patch: CellStyle): void {
    const sheet = this.#writable();
    for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
      sheet.styles.update(c, this.#ref.row, this.#lastRowIndex, (old) =>
        normalizeStyle({ ...old, ...patch }),
      );
    }
  }

  #styleGrid<T>(pick: (style: CellStyle | undefined) => T): T[][] {
    const sheet = this.#sheet;
    const out: T[][] = [];
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      const line: T[] = [];
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++)
        line.push(pick(sheet.styles.get(r, c)));
      out.push(line);
    }
    return out;
  }

  #styleGridUpdate(values: unknown[][], patch: (value: unknown) => CellStyle): void {
    const rows = this.#checkShape(values, "set");
    const sheet = this.#writable();
    for (let r = 0; r < this.#ref.numRows; r++) {
      for (let c = 0; c < this.#ref.numColumns; c++) {
        const row = this.#ref.row + r;
        const p = patch(rows[r]?.[c]);
        sheet.styles.update(this.#ref.column + c, row, row, (old) =>
          normalizeStyle({ ...old, ...p }),
        );
      }
    }
  }

  setBackground(color: string | null): GasRange {
    this.#styleUpdate({ background: color ?? undefined });
    return gas(this);
  }

  setBackgrounds(color: Array<Array<string | null>>): GasRange {
    this.#styleGridUpdate(color, (v) => ({
      background: v === null || v === undefined ? undefined : String(v),
    }));
    return gas(this);
  }

  getBackground(): string {
    return this.getBackgrounds()[0]?.[0] ?? "#ffffff";
  }

  getBackgrounds(): string[][] {
    return this.#styleGrid((s) => s?.background ?? "#ffffff");
  }

  setFontColor(color: string | null): GasRange {
    this.#styleUpdate({ fontColor: color ?? undefined });
    return gas(this);
  }

  getFontColorObject(): GoogleAppsScript.Spreadsheet.Color {
    const hex = this.#styleGrid((s) => s?.fontColor ?? "#000000")[0]?.[0] ?? "#000000";
    return gas(new EmuColor(hex));
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    this.#styleUpdate({ fontWeight: fontWeight ?? undefined });
    return gas(this);
  }

  setFontWeights(
    fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>,
  ): GasRange {
    this.#styleGridUpdate(fontWeights, (v) => ({
      fontWeight: v === null || v === undefined ? undefined : String(v),
    }));
    return gas(this);
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.getFontWeights()[0]?.[0] ?? "normal";
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.#styleGrid(
      (s) => (s?.fontWeight ?? "normal") as GoogleAppsScript.Spreadsheet.FontWeight,
    );
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    this.#styleUpdate({ fontStyle: fontStyle ?? undefined });
    return gas(this);
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return (this.#styleGrid((s) => s?.fontStyle ?? "normal")[0]?.[0] ??
      "normal") as GoogleAppsScript.Spreadsheet.FontStyle;
  }

  setFontSize(size: number): GasRange {
    this.#styleUpdate({ fontSize: size });
    return gas(this);
  }

  setFontFamily(fontFamily: string | null): GasRange {
    this.#styleUpdate({ fontFamily: fontFamily ?? undefined });
    return gas(this);
  }

  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): GasRange {
    this.#styleUpdate({ horizontalAlignment: alignment ?? undefined });
    return gas(this);
  }

  getHorizontalAlignment(): string {
    return this.getHorizontalAlignments()[0]?.[0] ?? "general";
  }

  getHorizontalAlignments(): string[][] {
    return this.#styleGrid((s) => s?.horizontalAlignment ?? "general");
  }

  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): GasRange {
    this.#styleUpdate({ verticalAlignment: alignment ?? undefined });
    return gas(this);
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    this.#styleUpdate({ wrap: Boolean(isWrapEnabled) });
    return gas(this);
  }

  getWrap(): boolean {
    return this.#styleGrid((s) => s?.wrap ?? true)[0]?.[0] ?? true;
  }

  setNote(note: string | null): GasRange {
    const sheet = this.#sheet;
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
        if (note === null || note === "") sheet.notes.delete(cellKey(r, c));
        else sheet.notes.set(cellKey(r, c), String(note));
      }
    }
    return gas(this);
  }

  setNotes(notes: Array<Array<string | null>>): GasRange {
    const rows = this.#checkShape(notes, "setNotes");
    for (let r = 0; r < this.#ref.numRows; r++) {
      for (let c = 0; c < this.#ref.numColumns; c++) {
        const note = rows[r]?.[c];
        const key = cellKey(this.#ref.row + r, this.#ref.column + c);
        if (note === null || note === undefined || note === "") this.#sheet.notes.delete(key);
        else this.#sheet.notes.set(key, String(note));
      }
    }
    return gas(this);
  }

  getNote(): string {
    return this.getNotes()[0]?.[0] ?? "";
  }

  getNotes(): string[][] {
    const sheet = this.#sheet;
    const out: string[][] = [];
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      const line: string[] = [];
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++)
        line.push(sheet.notes.get(cellKey(r, c)) ?? "");
      out.push(line);
    }
    return out;
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    const sheet = this.#writable();
    const data = rule === null ? undefined : EmuDataValidation.dataOf(rule);
    for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
      sheet.validations.set(c, this.#ref.row, this.#lastRowIndex, data);
    }
    return gas(this);
  }

  setDataValidations(
    rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>,
  ): GasRange {
    const rows = this.#checkShape(rules, "setDataValidations");
    const sheet = this.#writable();
    for (let r = 0; r < this.#ref.numRows; r++) {
      for (let c = 0; c < this.#ref.numColumns; c++) {
        const rule = rows[r]?.[c];
        const data =
          rule === null || rule === undefined ? undefined : EmuDataValidation.dataOf(rule);
        const row = this.#ref.row + r;
        sheet.validations.set(this.#ref.column + c, row, row, data);
      }
    }
    return gas(this);
  }

  clearDataValidations(): GasRange {
    return this.setDataValidation(null);
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0]?.[0] ?? null;
  }

  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    const sheet = this.#sheet;
    const out: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> = [];
    for (let r = this.#ref.row; r <= this.#lastRowIndex; r++) {
      const line: Array<GoogleAppsScript.Spreadsheet.DataValidation | null> = [];
      for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
        const data = sheet.validations.get(r, c);
        line.push(data === undefined ? null : gas(new EmuDataValidation(this.#ctx, data)));
      }
      out.push(line);
    }
    return out;
  }

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GasRange {
    const values: unknown[] = [];
    if (checkedValue !== undefined) values.push(checkedValue);
    if (uncheckedValue !== undefined) values.push(uncheckedValue);
    const data: ValidationData = { criteria: "CHECKBOX", values, allowInvalid: true, helpText: "" };
    const sheet = this.#writable();
    for (let c = this.#ref.column; c <= this.#lastColumnIndex; c++) {
      sheet.validations.set(c, this.#ref.row, this.#lastRowIndex, data);
    }
    if (checkedValue === undefined) {
      this.#write((r, c) => {
        const existing = sheet.valueAt(this.#ref.row + r, this.#ref.column + c);
        return typeof existing === "boolean" ? existing : false;
      });
    }
    return gas(this);
  }

  removeCheckboxes(): GasRange {
    this.clearDataValidations();
    return this.clearContent();
  }

  #checkValues(): { checked: unknown; unchecked: unknown } {
    const data = this.#sheet.validations.get(this.#ref.row, this.#ref.column);
    return { checked: data?.values[0] ?? true, unchecked: data?.values[1] ?? false };
  }

  check(): GasRange {
    const { checked } = this.#checkValues();
    return this.setValue(checked);
  }

  uncheck(): GasRange {
    const { unchecked } = this.#checkValues();
    return this.setValue(unchecked);
  }

  isChecked(): boolean | null {
    const data = this.#sheet.validations.get(this.#ref.row, this.#ref.column);
    if (data?.criteria !== "CHECKBOX") return null;
    const { checked } = this.#checkValues();
    return this.getValue() === checked;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return gas(EmuProtection.create(this.#ctx, "RANGE", { ...this.#ref }));
  }

  addDeveloperMetadata(key: string, b?: unknown, c?: unknown): GasRange {
    const sheet = this.#sheet;
    const wholeRows = this.#ref.column === 1 && this.#ref.numColumns === sheet.maxColumns;
    const wholeColumns = this.#ref.row === 1 && this.#ref.numRows === sheet.maxRows;
    if (!wholeRows && !wholeColumns) {
      throw new AppsScriptError(
        "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.",
      );
    }
    addMetadata(
      this.#ctx,
      wholeRows
        ? { type: "ROW", ref: { ...this.#ref } }
        : { type: "COLUMN", ref: { ...this.#ref } },
      key,
      b,
      c,
    );
    return gas(this);
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    const ref = this.#ref;
    return this.#ctx.book.metadata
      .filter((m) => {
        if (m.location.type !== "ROW" && m.location.type !== "COLUMN") return false;
        const loc = m.location.ref;
        return (
          loc.sheetId === ref.sheetId &&
          loc.row === ref.row &&
          loc.numRows === ref.numRows &&
          loc.column === ref.column &&
          loc.numColumns === ref.numColumns
        );
      })
      .map((m) => gas(new EmuDeveloperMetadata(this.#ctx, m.id)));
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return gas(new EmuDeveloperMetadataFinder(this.#ctx, this.#ref.sheetId, { ...this.#ref }));
  }

  sort(sortSpecObj: unknown): GasRange {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((spec) =>
      typeof spec === "number"
        ? { column: spec, ascending: true }
        : {
            column: Number((spec as { column: number }).column),
            ascending: (spec as { ascending?: boolean }).ascending !== false,
          },
    );
    for (const spec of specs) {
      if (spec.column < this.#ref.column || spec.column > this.#lastColumnIndex) {
        throw new AppsScriptError(`Sort column ${spec.column} is out of range.`);
      }
    }
    const sheet = this.#writable();
    const { row, column, numRows, numColumns } = this.#ref;
    const rows: Array<{ values: Array<Stored | undefined>; formulas: Array<string | undefined> }> =
      [];
    for (let r = row; r < row + numRows; r++) {
      const values: Array<Stored | undefined> = [];
      const formulas: Array<string | undefined> = [];
      for (let c = column; c < column + numColumns; c++) {
        values.push(sheet.values.get(r, c));
        formulas.push(sheet.formulas.get(cellKey(r, c)));
      }
      rows.push({ values, formulas });
    }
    rows.sort((a, b) => {
      for (const spec of specs) {
        const cmp = compareForSort(a.values[spec.column - column], b.values[spec.column - column]);
        if (cmp !== 0) return spec.ascending ? cmp : -cmp;
      }
      return 0;
    });
    rows.forEach((line, r) => {
      line.values.forEach((value, c) => {
        this.#ctx.book.writeCell(sheet, row + r, column + c, value, line.formulas[c]);
      });
    });
    this.#ctx.book.touch(this.#ref);
    return gas(this);
  }
}

/** Sheets sorts numbers before text before booleans, and blanks last whatever the order. */
function compareForSort(a: Stored | undefined, b: Stored | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const rank = (v: Stored) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string")
    return a.localeCompare(b, "en", { sensitivity: "base" });
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalizeStyle(style: CellStyle): CellStyle | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(style)) if (value !== undefined) out[key] = value;
  return Object.keys(out).length === 0 ? undefined : (out as CellStyle);
}

/** Collects the formats a write gives cells, as runs of consecutive rows (one per column). */
class FormatRuns {
  private readonly runs: Array<{ start: number; end: number; format: string }> = [];

  note(row: number, format: string): void {
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && last.end + 1 === row && last.format === format) last.end = row;
    else this.runs.push({ start: row, end: row, format });
  }

  applyTo(sheet: SheetModel, column: number): void {
    sheet.formats.assign(
      column,
      this.runs.map((run) => ({
        start: run.start,
        end: run.end,
        value: run.format === GENERAL ? undefined : run.format,
      })),
    );
  }
}

export class EmuColor extends ServiceObject {
  readonly [SERVICE_NAME] = "Color";

  constructor(readonly hex: string) {
    super();
  }

  asRgbColor(): EmuColor {
    return this;
  }

  asHexString(): string {
    return this.hex;
  }

  getColorType(): string {
    return "RGB";
  }
}

export class EmuNamedRange
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.NamedRange,
      "getName" | "getRange" | "remove" | "setName" | "setRange"
    >
{
  readonly [SERVICE_NAME] = "NamedRange";
  readonly #ctx: SheetsContext;
  #name: string;

  constructor(ctx: SheetsContext, name: string) {
    super();
    this.#ctx = ctx;
    this.#name = name;
  }

  #ref(): GridRef {
    const ref = this.#ctx.book.namedRanges.get(this.#name);
    if (ref === undefined) throw new AppsScriptError(`Named range ${this.#name} not found.`);
    return ref;
  }

  getName(): string {
    return this.#name;
  }

  getRange(): GasRange {
    return gas(new EmuRange(this.#ctx, { ...this.#ref() }));
  }

  setName(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    const ref = this.#ref();
    this.#ctx.book.namedRanges.delete(this.#name);
    this.#name = String(name);
    this.#ctx.book.namedRanges.set(this.#name, ref);
    this.#ctx.book.touch();
    return gas(this);
  }

  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.NamedRange {
    this.#ref();
    this.#ctx.book.namedRanges.set(this.#name, { ...EmuRange.refOf(range) });
    this.#ctx.book.touch();
    return gas(this);
  }

  remove(): void {
    this.#ctx.book.namedRanges.delete(this.#name);
    this.#ctx.book.touch();
  }
}
