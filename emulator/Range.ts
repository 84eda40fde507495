/** `Range`: a rectangle of cells, a view on its sheet's columns. */

import { cellA1 } from "./a1";
import { EmuColor } from "./Color";
import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { EmuDataValidation } from "./DataValidation";
import { addMetadata, EmuDeveloperMetadata } from "./DeveloperMetadata";
import { EmuDeveloperMetadataFinder } from "./DeveloperMetadataFinder";
import { AppsScriptError } from "./errors";
import { cellKey } from "./grid";
import { markScriptReady } from "./membrane";
import type { CellStyle, GridRef, SheetModel, ValidationData } from "./model";
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  formatDisplay,
  GENERAL,
  isDateFormat,
} from "./numberFormat";
import { assertEditable, EmuProtection, protectionsBlocking } from "./Protection";
import { checkInGrid, type SheetsContext, sheetOf, upward } from "./sheetsContext";
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

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** What Apps Script reports as the number format of a cell nobody formatted. */
export const UNSET_FORMAT_REPORTED = "0.###############";

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
    return upward.sheet(this.#ctx, this.#ref.sheetId);
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

upward.bind({
  range: (ctx, ref) => gas(new EmuRange(ctx, ref)),
  refOf: (range) => EmuRange.refOf(range),
  isRange: (value) => value instanceof EmuRange,
});
