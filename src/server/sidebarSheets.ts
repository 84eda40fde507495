/**
 * The sheets the sidebar writes to, and how rows are added to them: found by the add-on's tag
 * first and by name second (the same choice setup makes, from ./plan.ts), appended in one
 * `setValues`, and — when the rows go past the end of the sheet — the sheet's dropdowns, formats,
 * protections and status colours made to cover the new rows as setup made them cover the old.
 * A failure half-way undoes what was done, so the sheet is left as it was.
 *
 * Every function here makes a number of service calls that depends on the number of columns,
 * protections and rules, never on the number of rows.
 */

import type { SheetsServices } from "../adapters/spreadsheet";
import { chooseSheets } from "./plan";
import { columnRuns } from "./table";
import { SHEET_TAG, type SheetKey } from "./workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The add-on's sheets that exist, by role; a role without a sheet is absent. */
export type FoundSheets = Partial<Record<SheetKey, Sheet>>;

/** Finds the add-on's sheets without creating anything (setup creates them). */
export function findSheets(spreadsheet: Spreadsheet): FoundSheets {
  const sheets = spreadsheet.getSheets();
  const tagOf = new Map<number, string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_TAG).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet !== null) tagOf.set(sheet.getSheetId(), metadata.getValue() ?? "");
  }
  const infos = sheets.map((sheet) => ({
    name: sheet.getName(),
    tag: tagOf.get(sheet.getSheetId()),
  }));
  const found: FoundSheets = {};
  for (const [key, choice] of Object.entries(chooseSheets(infos)) as [
    SheetKey,
    ReturnType<typeof chooseSheets>[SheetKey],
  ][]) {
    if (choice.kind !== "create") found[key] = sheets[choice.index]!;
  }
  return found;
}

/**
 * Text that Sheets would not keep as typed — a formula (`=`, `+`, `-`, `@`, SPEC §7), a number, a
 * date, TRUE — gets a leading apostrophe, which Sheets reads as "this is text" and does not keep.
 * Cells formatted as plain text ("@") keep any text verbatim, so there it is written as is.
 */
export function asText(value: string, plainTextCell: boolean): string {
  if (value === "" || plainTextCell) return value;
  if (/^\p{L}/u.test(value) && !/^(true|false)$/i.test(value.trim())) return value;
  return `'${value}`;
}

/** The plain-text flag of each column of a sheet's first data row (row 2), one call. */
export function plainTextColumns(sheet: Sheet, width: number): boolean[] {
  if (sheet.getMaxRows() < 2 || width === 0) return new Array(width).fill(false);
  const formats = sheet.getRange(2, 1, 1, width).getNumberFormats()[0] ?? [];
  return Array.from({ length: width }, (_, i) => formats[i] === "@");
}

/** Rows to append: each a map from 0-based column to value; other columns are not touched. */
export interface Append {
  readonly sheet: Sheet;
  /** 0-based columns written, each run of adjacent ones in one `setValues`. */
  readonly columns: readonly number[];
  /** One entry per row, in `columns` order. */
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * Appends rows after the sheet's last used row. Setup's columns sit side by side, so the rows
 * go in one `setValues`; columns a user put in between are left alone (one call per run).
 * Returns the first row written. On failure everything done is undone and the error rethrown.
 */
export function appendRows(
  append: Append,
  services: SheetsServices,
  onGrow?: (oldMaxRows: number, newMaxRows: number) => void,
): number {
  const { sheet, rows } = append;
  const first = sheet.getLastRow() + 1;
  const count = rows.length;
  if (count === 0) return first;
  const maxRows = sheet.getMaxRows();
  const last = first + count - 1;
  const grow = Math.max(0, last - maxRows);
  const fieldOf = new Map(append.columns.map((column, i) => [`c${column}`, i]));
  const columnMap: Record<string, number> = {};
  for (const column of append.columns) columnMap[`c${column}`] = column;
  const runs = columnRuns(columnMap, [...fieldOf.keys()]);
  let grew = false;
  const written: Range[] = [];
  try {
    if (grow > 0) {
      sheet.insertRowsAfter(maxRows, grow);
      grew = true;
    }
    for (const run of runs) {
      const indexes = run.fields.map((field) => fieldOf.get(field)!);
      const block = rows.map((row) => indexes.map((i) => row[i] ?? ""));
      const range = sheet.getRange(first, run.start + 1, count, run.fields.length);
      written.push(range);
      range.setValues(block);
    }
    if (grow > 0) {
      extendToNewRows(sheet, maxRows, last, services);
      onGrow?.(maxRows, last);
    }
  } catch (error) {
    if (grew) sheet.deleteRows(maxRows + 1, grow);
    // Rows before the old end were empty (they follow the last used row): empty them again.
    const kept = Math.min(count, maxRows - first + 1);
    if (kept > 0) {
      for (const range of written) {
        sheet.getRange(first, range.getColumn(), kept, range.getNumColumns()).clearContent();
      }
    }
    throw error;
  }
  return first;
}

/**
 * New rows inherit the formats and dropdowns of the row above (`insertRowsAfter` does that, in
 * Sheets and in the emulator), but protections and conditional formats keep their ranges: those
 * that reached the old last row are stretched to the new one.
 */
function extendToNewRows(sheet: Sheet, oldLast: number, newLast: number, services: SheetsServices) {
  for (const protection of sheet.getProtections(services.rangeProtection)) {
    const range = protection.getRange();
    if (range.getLastRow() !== oldLast) continue;
    protection.setRange(
      sheet.getRange(
        range.getRow(),
        range.getColumn(),
        newLast - range.getRow() + 1,
        range.getNumColumns(),
      ),
    );
  }
  const rules = sheet.getConditionalFormatRules();
  let changed = false;
  const stretched = rules.map((rule) => {
    const ranges = rule.getRanges();
    if (!ranges.some((range) => range.getLastRow() === oldLast)) return rule;
    changed = true;
    return rule
      .copy()
      .setRanges(
        ranges.map((range) =>
          range.getLastRow() === oldLast
            ? sheet.getRange(
                range.getRow(),
                range.getColumn(),
                newLast - range.getRow() + 1,
                range.getNumColumns(),
              )
            : range,
        ),
      )
      .build();
  });
  if (changed) sheet.setConditionalFormatRules(stretched);
}

/**
 * The registry grew: the dropdowns that list its IDs (a KPI's Parent, a check-in's KPI ID) read
 * a range that ended at the old last row. Each such column is given the same rule over the whole
 * ID column, row 2 standing for the column as in setup.
 */
export function extendIdLists(
  kpis: Sheet,
  idColumn: number,
  others: readonly Sheet[],
  services: SheetsServices,
): void {
  const ids = kpis.getRange(2, idColumn + 1, kpis.getMaxRows() - 1, 1);
  for (const sheet of [kpis, ...others]) {
    const width = sheet.getLastColumn();
    if (width === 0 || sheet.getMaxRows() < 2) continue;
    const rules = sheet.getRange(2, 1, 1, width).getDataValidations()[0] ?? [];
    rules.forEach((rule, column) => {
      if (rule === null) return;
      if (String(rule.getCriteriaType()) !== "VALUE_IN_RANGE") return;
      const source = rule.getCriteriaValues()[0] as Range | undefined;
      if (source === undefined || source.getSheet().getSheetId() !== kpis.getSheetId()) return;
      if (source.getColumn() !== idColumn + 1) return;
      const showDropdown = rule.getCriteriaValues()[1] !== false;
      const rebuilt = services
        .newDataValidation()
        .setAllowInvalid(rule.getAllowInvalid())
        .setHelpText(rule.getHelpText())
        .requireValueInRange(ids, showDropdown)
        .build();
      sheet.getRange(2, column + 1, sheet.getMaxRows() - 1, 1).setDataValidation(rebuilt);
    });
  }
}
