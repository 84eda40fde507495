/** `Sheet`: one tab of the document, a view on its SheetModel. */

import { EmuConditionalFormatRule } from "./ConditionalFormatRule";
import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { addMetadata, EmuDeveloperMetadata } from "./DeveloperMetadata";
import { EmuDeveloperMetadataFinder } from "./DeveloperMetadataFinder";
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder } from "./EmbeddedChart";
import { AppsScriptError } from "./errors";
import type { GridRef, SheetModel, Workbook } from "./model";
import { EmuNamedRange } from "./NamedRange";
import { assertEditable, EmuProtection } from "./Protection";
import { EmuRange } from "./Range";
import { checkInGrid, resolveA1, type SheetsContext, sheetOf, upward } from "./sheetsContext";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

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

function sheetIndexOf(book: Workbook, sheet: SheetModel): number {
  return book.sheets.indexOf(sheet);
}

export function assertNewSheetName(book: Workbook, name: string, except?: SheetModel): void {
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
    return upward.spreadsheet(this.#ctx);
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

upward.bind({
  sheet: (ctx, sheetId) => gas(new EmuSheet(ctx, sheetId)),
  sheetIdOf: (sheet) => EmuSheet.modelOf(sheet).id,
});
