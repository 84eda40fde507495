/**
 * Keeps HyperFormula (through ./hyperformula.ts) in step with the workbook, lazily: writes only
 * record which rectangles changed, and the first read that needs a formula's result brings the
 * engine up to date in one batch and copies the results (spills included) into each sheet's
 * `computed` layer. Sheets nobody's formula refers to are never handed to HyperFormula, and
 * structural changes (sheets, rows, columns, named ranges, time zone, grid size) rebuild it.
 */

import type { DetailedCellError, RawCellContent } from "hyperformula";
import { UNIX_EPOCH_DAY } from "../src/core/dates";
import { columnLetters, quoteSheetName } from "./a1";
import { boundOpenRanges, referencedSheets } from "./formulaText";
import { cellKey, keyColumn, keyRow } from "./grid";
import { type CustomFunction, createFormulaEngine, type FormulaEngine } from "./hyperformula";
import type { GridRef, SheetModel, Workbook } from "./model";
import { DEFAULT_DATE_FORMAT, DEFAULT_DATE_TIME_FORMAT, isDateFormat } from "./numberFormat";
import type { CellValue, Stored } from "./values";

const DAY_MS = 86_400_000;

/** A date serial as the wall-clock text HyperFormula reads as a date (or date-time) cell. */
function serialText(serial: number): string {
  const iso = new Date(Math.round((serial - UNIX_EPOCH_DAY) * DAY_MS)).toISOString();
  return iso.endsWith("T00:00:00.000Z")
    ? iso.slice(0, 10)
    : `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

function isDetailedError(value: unknown): value is DetailedCellError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as DetailedCellError).value === "string" &&
    "message" in value
  );
}

/** Sheets' names for HyperFormula's errors: a blocked spill is #REF! in Sheets. */
function cellErrorOf(error: DetailedCellError): CellValue {
  if (error.value === "#SPILL!") {
    return {
      error: "#REF!",
      message: "Array result was not expanded because it would overwrite data.",
    };
  }
  return { error: error.value, message: error.message };
}

export class FormulaBridge {
  private engine: FormulaEngine | undefined;
  private syncedRevision = -1;
  private builtStructure = -1;
  private builtZone = "";
  private functions: Readonly<Record<string, CustomFunction>> = {};
  private functionsVersion = 0;
  private builtFunctionsVersion = -1;
  private loaded = new Set<number>();
  private running = false;
  /**
   * Formulas whose spill was blocked: HyperFormula keeps #SPILL! after the blocking cell is
   * cleared, so they are entered again at every sync, as Sheets re-spills once the way is free.
   */
  private blockedSpills: Array<{ sheetId: number; row: number; column: number }> = [];
  /** How many full builds have happened (for tests that pin laziness). */
  builds = 0;
  /** How many times the engine was brought up to date. */
  syncs = 0;

  constructor(private readonly book: Workbook) {}

  setFunctions(functions: Readonly<Record<string, CustomFunction>>): void {
    this.functions = functions;
    this.functionsVersion++;
    this.book.touch();
  }

  /** Brings every formula result up to date, if anything changed since the last time. */
  recalculate(): void {
    const book = this.book;
    if (this.running) return;
    if (!book.hasFormulas()) {
      if (this.engine !== undefined) {
        for (const sheet of book.sheets) {
          sheet.computed = new Map();
          sheet.computedFormats = new Map();
        }
        this.engine = undefined;
        this.loaded = new Set();
      }
      book.pendingChanges = [];
      this.syncedRevision = book.revision;
      return;
    }
    if (this.engine !== undefined && book.revision === this.syncedRevision) return;
    this.running = true;
    try {
      const needed = this.neededSheets();
      const stale =
        this.engine === undefined ||
        book.structureRevision !== this.builtStructure ||
        book.timeZone !== this.builtZone ||
        this.functionsVersion !== this.builtFunctionsVersion ||
        book.pendingChanges === undefined ||
        [...needed].some((id) => !this.loaded.has(id));
      const pending = book.pendingChanges;
      if (!stale && pending !== undefined && pending.every((ref) => !needed.has(ref.sheetId))) {
        // Only sheets no formula can see changed (an append to Alerts): no result can move.
        book.pendingChanges = [];
        this.syncedRevision = book.revision;
        return;
      }
      if (stale) this.rebuild(needed);
      else this.applyChanges();
      book.pendingChanges = [];
      this.readBack();
      this.syncs++;
      this.syncedRevision = book.revision;
    } finally {
      this.running = false;
    }
  }

  /** Sheets whose cells a formula or a named range can see, plus the sheets holding formulas. */
  private neededSheets(): Set<number> {
    const book = this.book;
    const names = new Set<string>();
    for (const sheet of book.sheets) {
      if (sheet.formulas.size === 0) continue;
      names.add(sheet.name);
      for (const formula of sheet.formulas.values()) {
        for (const name of referencedSheets(formula, sheet.name)) names.add(name);
      }
    }
    const ids = new Set<number>();
    for (const name of names) {
      const sheet = book.sheetNamedInFormula(name);
      if (sheet !== undefined) ids.add(sheet.id);
    }
    for (const ref of book.namedRanges.values()) ids.add(ref.sheetId);
    return ids;
  }

  private content(sheet: SheetModel, row: number, column: number): RawCellContent {
    const formula =
      sheet.formulas.size === 0 ? undefined : sheet.formulas.get(cellKey(row, column));
    if (formula !== undefined) {
      return boundOpenRanges(formula, sheet.name, (name) => {
        const target = this.book.sheetNamedInFormula(name);
        return target === undefined
          ? undefined
          : { rows: target.maxRows, columns: target.maxColumns };
      });
    }
    const value: Stored | undefined = sheet.values.get(row, column);
    if (value === undefined) return null;
    if (typeof value === "string") return `'${value}`;
    if (typeof value === "number" && isDateFormat(sheet.formats.get(row, column)))
      return serialText(value);
    return value;
  }

  private rows(sheet: SheetModel): RawCellContent[][] {
    let lastRow = sheet.values.lastRow();
    let lastColumn = sheet.values.lastColumn();
    for (const key of sheet.formulas.keys()) {
      lastRow = Math.max(lastRow, keyRow(key));
      lastColumn = Math.max(lastColumn, keyColumn(key));
    }
    const rows: RawCellContent[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const line: RawCellContent[] = new Array(lastColumn);
      for (let c = 1; c <= lastColumn; c++) line[c - 1] = this.content(sheet, r, c);
      rows.push(line);
    }
    return rows;
  }

  private rebuild(needed: Set<number>): void {
    const book = this.book;
    this.engine?.hf.destroy();
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of book.sheets)
      sheets[sheet.name] = needed.has(sheet.id) ? this.rows(sheet) : [];
    this.engine = createFormulaEngine({
      sheets,
      timeZone: book.timeZone,
      functions: this.functions,
    });
    const hf = this.engine.hf;
    for (const [name, ref] of book.namedRanges) {
      const sheet = book.sheetById(ref.sheetId);
      if (sheet === undefined) continue;
      const start = `$${columnLetters(ref.column)}$${ref.row}`;
      const end = `$${columnLetters(ref.column + ref.numColumns - 1)}$${ref.row + ref.numRows - 1}`;
      const target = ref.numRows === 1 && ref.numColumns === 1 ? start : `${start}:${end}`;
      try {
        hf.addNamedExpression(name, `=${quoteSheetName(sheet.name)}!${target}`);
      } catch {
        // A name HyperFormula rejects stays unknown: formulas using it show #NAME?.
      }
    }
    this.loaded = needed;
    this.builtStructure = book.structureRevision;
    this.builtZone = book.timeZone;
    this.builtFunctionsVersion = this.functionsVersion;
    this.builds++;
  }

  private applyChanges(): void {
    const engine = this.engine;
    const changes = this.book.pendingChanges;
    if (engine === undefined || changes === undefined || changes.length === 0) return;
    const hf = engine.hf;
    hf.batch(() => {
      for (const ref of changes) this.applyChange(hf, ref);
      for (const { sheetId, row, column } of this.blockedSpills) {
        this.applyChange(hf, { sheetId, row, column, numRows: 1, numColumns: 1 });
      }
    });
  }

  private applyChange(hf: FormulaEngine["hf"], ref: GridRef): void {
    const sheet = this.book.sheetById(ref.sheetId);
    if (sheet === undefined || !this.loaded.has(sheet.id)) return;
    const hfSheet = hf.getSheetId(sheet.name);
    if (hfSheet === undefined) return;
    const rows: RawCellContent[][] = [];
    for (let r = ref.row; r < ref.row + ref.numRows; r++) {
      const line: RawCellContent[] = [];
      for (let c = ref.column; c < ref.column + ref.numColumns; c++)
        line.push(this.content(sheet, r, c));
      rows.push(line);
    }
    hf.setCellContents({ sheet: hfSheet, row: ref.row - 1, col: ref.column - 1 }, rows);
  }

  /** Copies formula results and spilled values out of HyperFormula into each sheet's computed layer. */
  private readBack(): void {
    const engine = this.engine;
    if (engine === undefined) return;
    const hf = engine.hf;
    this.blockedSpills = [];
    for (const sheet of this.book.sheets) {
      const computed = new Map<number, CellValue>();
      const formats = new Map<number, string>();
      if (sheet.formulas.size > 0) {
        const hfSheet = hf.getSheetId(sheet.name);
        if (hfSheet !== undefined) {
          const grid = hf.getSheetValues(hfSheet);
          grid.forEach((line, r) => {
            line.forEach((value, c) => {
              const row = r + 1;
              const column = c + 1;
              const key = cellKey(row, column);
              const isFormula = sheet.formulas.has(key);
              if (
                !isFormula &&
                (sheet.values.get(row, column) !== undefined || value === null || value === "")
              )
                return;
              if (isDetailedError(value)) {
                computed.set(key, cellErrorOf(value));
                if (value.value === "#SPILL!" && isFormula)
                  this.blockedSpills.push({ sheetId: sheet.id, row, column });
                return;
              }
              computed.set(key, value === null ? "" : (value as CellValue));
              if (typeof value === "number") {
                const type = hf.getCellValueDetailedType({ sheet: hfSheet, row: r, col: c });
                if (type === "NUMBER_DATE") formats.set(key, DEFAULT_DATE_FORMAT);
                else if (type === "NUMBER_DATETIME") formats.set(key, DEFAULT_DATE_TIME_FORMAT);
                else if (type === "NUMBER_TIME") formats.set(key, "H:mm:ss");
              }
            });
          });
          for (const key of sheet.formulas.keys()) if (!computed.has(key)) computed.set(key, "");
        }
      }
      sheet.computed = computed;
      sheet.computedFormats = formats;
    }
  }
}
