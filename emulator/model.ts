/**
 * The document itself, without any Apps Script surface: sheets and their cells, named ranges,
 * developer metadata, protections, conditional formats and charts, and how they all move when
 * rows or columns are inserted or deleted. The service classes (Spreadsheet.ts, Sheet.ts, Range.ts…) are views on it.
 */

import { renameSheetInFormula, type StructureChange, shiftFormula } from "./formulaText";
import { ColumnRuns, cellKey, keyColumn, keyRow, ValueColumns } from "./grid";
import type { CellValue, Stored } from "./values";

/** A rectangle on a sheet that moves with inserted and deleted rows/columns. */
export interface GridRef {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface CellStyle {
  readonly background?: string;
  readonly fontColor?: string;
  readonly fontWeight?: string;
  readonly fontStyle?: string;
  readonly fontSize?: number;
  readonly fontFamily?: string;
  readonly fontLine?: string;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrap?: boolean;
}

export function sameStyle(a: CellStyle, b: CellStyle): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (a[key as keyof CellStyle] !== b[key as keyof CellStyle]) return false;
  }
  return true;
}

/** A data-validation rule; range arguments are stored as GridRefs. */
export interface ValidationData {
  readonly criteria: string;
  readonly values: ReadonlyArray<unknown>;
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export interface ConditionalRuleData {
  ranges: GridRef[];
  readonly condition:
    | { readonly type: string; readonly values: ReadonlyArray<unknown> }
    | undefined;
  readonly format: {
    readonly background?: string;
    readonly fontColor?: string;
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly strikethrough?: boolean;
    readonly underline?: boolean;
  };
}

export type MetadataLocation =
  | { readonly type: "SPREADSHEET" }
  | { readonly type: "SHEET"; readonly sheetId: number }
  | { readonly type: "ROW"; readonly ref: GridRef }
  | { readonly type: "COLUMN"; readonly ref: GridRef };

export interface MetadataData {
  readonly id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  location: MetadataLocation;
}

export interface ProtectionData {
  readonly id: number;
  readonly type: "RANGE" | "SHEET";
  /** For a SHEET protection, the whole sheet. */
  range: GridRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: GridRef[];
}

export interface ChartData {
  readonly id: number;
  sheetId: number;
  chartType: string;
  ranges: GridRef[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export class SheetModel {
  name: string;
  maxRows = 1000;
  maxColumns = 26;
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  values = new ValueColumns();
  /** cellKey → formula text starting with "=". */
  formulas = new Map<number, string>();
  formats = new ColumnRuns<string>();
  styles = new ColumnRuns<CellStyle>(sameStyle);
  validations = new ColumnRuns<ValidationData>();
  notes = new Map<number, string>();
  conditionalRules: ConditionalRuleData[] = [];
  columnWidths = new Map<number, number>();
  /** Results of formulas and their spills, filled by the formula engine. */
  computed = new Map<number, CellValue>();
  /** Date formats formula results carry (a custom function returning a Date), by cell. */
  computedFormats = new Map<number, string>();

  constructor(
    readonly id: number,
    name: string,
  ) {
    this.name = name;
  }

  /** The value a reader sees: formula results first, then stored values. */
  valueAt(row: number, column: number): CellValue | undefined {
    if (this.computed.size > 0) {
      const computed = this.computed.get(cellKey(row, column));
      if (computed !== undefined) return computed;
    }
    return this.values.get(row, column);
  }

  lastRow(): number {
    let last = this.values.lastRow();
    for (const key of this.formulas.keys()) last = Math.max(last, keyRow(key));
    for (const [key, value] of this.computed) {
      if (value !== "") last = Math.max(last, keyRow(key));
    }
    return last;
  }

  lastColumn(): number {
    let last = this.values.lastColumn();
    for (const key of this.formulas.keys()) last = Math.max(last, keyColumn(key));
    for (const [key, value] of this.computed) {
      if (value !== "") last = Math.max(last, keyColumn(key));
    }
    return last;
  }
}

function shiftKeys<T>(
  map: Map<number, T>,
  axis: "row" | "column",
  at: number,
  delta: number,
): Map<number, T> {
  const out = new Map<number, T>();
  for (const [key, value] of map) {
    const row = keyRow(key);
    const column = keyColumn(key);
    const n = axis === "row" ? row : column;
    if (delta < 0 && n >= at && n < at - delta) continue;
    const moved = n >= at ? n + delta : n;
    out.set(axis === "row" ? cellKey(moved, column) : cellKey(row, moved), value);
  }
  return out;
}

/** Moves a GridRef for an insertion/deletion; false when the deletion removed it entirely. */
export function adjustRef(
  ref: GridRef,
  sheetId: number,
  axis: "row" | "column",
  at: number,
  delta: number,
): boolean {
  if (ref.sheetId !== sheetId) return true;
  const startKey = axis === "row" ? "row" : "column";
  const sizeKey = axis === "row" ? "numRows" : "numColumns";
  const start = ref[startKey];
  const end = start + ref[sizeKey] - 1;
  if (delta > 0) {
    if (start >= at) ref[startKey] = start + delta;
    else if (end >= at) ref[sizeKey] += delta;
    return true;
  }
  const count = -delta;
  const deletedEnd = at + count - 1;
  const newStart = start < at ? start : start > deletedEnd ? start - count : at;
  const newEnd = end < at ? end : end > deletedEnd ? end - count : at - 1;
  if (newEnd < newStart) return false;
  ref[startKey] = newStart;
  ref[sizeKey] = newEnd - newStart + 1;
  return true;
}

export interface WorkbookInit {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly owner: string;
}

export class Workbook {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly owner: string;
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  /** The selected range of each sheet (the user's cursor); A1 when nothing was selected. */
  selections = new Map<number, GridRef>();
  namedRanges = new Map<string, GridRef>();
  metadata: MetadataData[] = [];
  protections: ProtectionData[] = [];
  charts: ChartData[] = [];
  nextSheetId = 0;
  nextObjectId = 1;
  /** Bumped by every change a formula could see; the formula engine compares it. */
  revision = 0;
  /** Bumped by sheet-level changes (sheets added/removed/renamed, rows/columns moved). */
  structureRevision = 0;

  constructor(init: WorkbookInit) {
    this.id = init.id;
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
    this.owner = init.owner;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A sheet as a formula names it: Sheets ignores case there. */
  sheetNamedInFormula(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheetByName(name) ?? this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const sheet = new SheetModel(this.nextSheetId === 0 ? 0 : this.nextSheetId, name);
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 7919;
    this.sheets.splice(index, 0, sheet);
    this.structureRevision++;
    this.revision++;
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const [name, ref] of this.namedRanges) {
      if (ref.sheetId === sheet.id) this.namedRanges.delete(name);
    }
    this.metadata = this.metadata.filter((m) => !locatedOn(m.location, sheet.id));
    this.protections = this.protections.filter((p) => p.range.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? 0;
    this.structureRevision++;
    this.revision++;
  }

  renameSheet(sheet: SheetModel, newName: string): void {
    const old = sheet.name;
    sheet.name = newName;
    for (const s of this.sheets) {
      for (const [key, formula] of s.formulas)
        s.formulas.set(key, renameSheetInFormula(formula, old, newName));
    }
    this.structureRevision++;
    this.revision++;
  }

  hasFormulas(): boolean {
    return this.sheets.some((s) => s.formulas.size > 0);
  }

  /** Inserts (delta > 0) or deletes (delta < 0) rows or columns and moves everything that refers to them. */
  moveDimension(
    sheet: SheetModel,
    axis: "row" | "column",
    at: number,
    delta: number,
    inheritFrom?: number,
  ): void {
    const count = Math.abs(delta);
    if (axis === "row") {
      if (delta > 0) {
        sheet.values.insertRows(at, count);
        sheet.formats.insertRows(at, count, inheritFrom);
        sheet.styles.insertRows(at, count, inheritFrom);
        sheet.validations.insertRows(at, count, inheritFrom);
        sheet.maxRows += count;
      } else {
        sheet.values.deleteRows(at, count);
        sheet.formats.deleteRows(at, count);
        sheet.styles.deleteRows(at, count);
        sheet.validations.deleteRows(at, count);
        sheet.maxRows -= count;
      }
    } else if (delta > 0) {
      sheet.values.insertColumns(at, count);
      sheet.formats.insertColumns(at, count, inheritFrom);
      sheet.styles.insertColumns(at, count, inheritFrom);
      sheet.validations.insertColumns(at, count, inheritFrom);
      sheet.maxColumns += count;
    } else {
      sheet.values.deleteColumns(at, count);
      sheet.formats.deleteColumns(at, count);
      sheet.styles.deleteColumns(at, count);
      sheet.validations.deleteColumns(at, count);
      sheet.maxColumns -= count;
    }
    sheet.formulas = shiftKeys(sheet.formulas, axis, at, delta);
    sheet.notes = shiftKeys(sheet.notes, axis, at, delta);
    sheet.computed = new Map();
    sheet.computedFormats = new Map();
    const change: StructureChange = { sheetName: sheet.name, axis, at, delta };
    for (const s of this.sheets) {
      for (const [key, formula] of s.formulas)
        s.formulas.set(key, shiftFormula(formula, s.name, change));
    }
    const keep = (ref: GridRef) => adjustRef(ref, sheet.id, axis, at, delta);
    for (const [name, ref] of this.namedRanges) if (!keep(ref)) this.namedRanges.delete(name);
    this.metadata = this.metadata.filter((m) =>
      m.location.type === "ROW" || m.location.type === "COLUMN"
        ? (m.location.type === "ROW") !== (axis === "row") || keep(m.location.ref)
        : true,
    );
    this.protections = this.protections.filter((p) => (p.type === "SHEET" ? true : keep(p.range)));
    for (const p of this.protections) {
      if (p.type === "SHEET" && p.range.sheetId === sheet.id) {
        p.range.numRows = sheet.maxRows;
        p.range.numColumns = sheet.maxColumns;
      }
    }
    for (const s of this.sheets) {
      for (const rule of s.conditionalRules) rule.ranges = rule.ranges.filter(keep);
      s.conditionalRules = s.conditionalRules.filter((rule) => rule.ranges.length > 0);
    }
    for (const chart of this.charts) chart.ranges = chart.ranges.filter(keep);
    this.structureRevision++;
    this.revision++;
  }

  /** Writes one cell's content. Formula text replaces the stored value and vice versa. */
  writeCell(
    sheet: SheetModel,
    row: number,
    column: number,
    value: Stored | undefined,
    formula?: string,
  ): void {
    const key = cellKey(row, column);
    if (formula !== undefined) {
      sheet.formulas.set(key, formula);
      sheet.values.set(row, column, undefined);
    } else {
      if (sheet.formulas.size > 0) sheet.formulas.delete(key);
      sheet.values.set(row, column, value);
    }
  }

  /**
   * Cell rectangles changed since the formula engine last looked; undefined when too many
   * changes piled up to replay (the engine then rebuilds).
   */
  pendingChanges: GridRef[] | undefined = [];

  /** Records a change formulas may see; without a rectangle, the engine rebuilds. */
  touch(ref?: GridRef): void {
    this.revision++;
    if (ref === undefined) {
      this.structureRevision++;
      return;
    }
    if (this.pendingChanges === undefined) return;
    if (this.pendingChanges.length >= 5_000) this.pendingChanges = undefined;
    else this.pendingChanges.push({ ...ref });
  }
}

function locatedOn(location: MetadataLocation, sheetId: number): boolean {
  switch (location.type) {
    case "SPREADSHEET":
      return false;
    case "SHEET":
      return location.sheetId === sheetId;
    default:
      return location.ref.sheetId === sheetId;
  }
}
