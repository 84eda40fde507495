/**
 * One sheet as a table: read once (one `getValues`), columns found by header name, rows turned
 * into typed records by a zod schema with problems reported by row number, and computed columns
 * written back in one `setValues` per run of adjacent columns — one call when they sit together,
 * as setup puts them. The number of service calls never depends on the number of rows (SPEC §8).
 */

import type { z } from "zod";
import { type ColumnMap, type ColumnSpec, findColumns } from "../core/headers";
import { isBlank } from "../core/values";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheet methods a table uses: any object with these (Google's, the emulator's) will do. */
export type TableSheet = Pick<Sheet, "getName" | "getDataRange" | "getRange">;

/** A problem with one row of a sheet, e.g. `KPIs row 7: target "ten" is not a number`. */
export class TableRowError extends Error {
  constructor(
    readonly sheet: string,
    /** The row's number in the sheet (header = 1). */
    readonly row: number,
    readonly problem: string,
  ) {
    super(`${sheet} row ${row}: ${problem}`);
    this.name = "TableRowError";
  }
}

export interface TableRecord<T> {
  /** The row's number in the sheet (header = 1). */
  readonly row: number;
  readonly value: T;
}

export class Table<F extends string> {
  private constructor(
    readonly sheetName: string,
    /** Every row of the sheet's data range, header first. */
    readonly values: readonly (readonly unknown[])[],
    readonly spec: ColumnSpec<F>,
    /** 0-based column of each field found in the header row. */
    readonly columns: ColumnMap<F>,
  ) {}

  /** Reads a whole sheet with one `getValues` call. */
  static read<F extends string>(sheet: TableSheet, spec: ColumnSpec<F>): Table<F> {
    return Table.of(sheet.getName(), sheet.getDataRange().getValues(), spec);
  }

  /** A table over values already read (header row first). */
  static of<F extends string>(
    sheetName: string,
    values: readonly (readonly unknown[])[],
    spec: ColumnSpec<F>,
  ): Table<F> {
    return new Table(sheetName, values, spec, findColumns(values[0] ?? [], spec));
  }

  /** Number of data rows (rows below the header). */
  get size(): number {
    return Math.max(0, this.values.length - 1);
  }

  /** The fields whose column is not in the header row. */
  missing(fields: readonly F[]): F[] {
    return fields.filter((field) => this.columns[field] === undefined);
  }

  /** The cells of data row `index` (0-based) by field; a field without a column reads `""`. */
  cells(index: number): Record<F, unknown> {
    const row = this.values[index + 1] ?? [];
    const cells = {} as Record<F, unknown>;
    for (const field of Object.keys(this.spec) as F[]) {
      const column = this.columns[field];
      cells[field] = column === undefined ? "" : row[column];
    }
    return cells;
  }

  /**
   * Every data row read by `schema`. Rows whose cells are all blank are skipped (the unused rows
   * of a sheet); `skip` can narrow that further, e.g. to rows with an ID. A row the schema
   * rejects becomes a {@link TableRowError} naming its row and the first problem.
   */
  records<T>(
    schema: z.ZodType<T>,
    skip: (cells: Record<F, unknown>) => boolean = (cells) => Object.values(cells).every(isBlank),
  ): { records: TableRecord<T>[]; errors: TableRowError[] } {
    const records: TableRecord<T>[] = [];
    const errors: TableRowError[] = [];
    for (let index = 0; index < this.size; index++) {
      const cells = this.cells(index);
      if (skip(cells)) continue;
      const row = index + 2;
      const parsed = schema.safeParse(cells);
      if (parsed.success) {
        records.push({ row, value: parsed.data });
      } else {
        errors.push(new TableRowError(this.sheetName, row, this.describe(parsed.error.issues[0])));
      }
    }
    return { records, errors };
  }

  private describe(issue: z.core.$ZodIssue | undefined): string {
    if (issue === undefined) return "this row cannot be read";
    if (issue.code === "custom") return issue.message;
    const field = issue.path[0];
    const header =
      typeof field === "string" && field in this.spec ? this.spec[field as F][0] : undefined;
    return header === undefined ? issue.message : `${header}: ${issue.message}`;
  }
}

/** A run of adjacent columns written with one `setValues`. */
export interface ColumnRun<F extends string> {
  /** 0-based column of the run's first field. */
  readonly start: number;
  readonly fields: readonly F[];
}

/**
 * Groups the columns to write into runs of adjacent columns, left to right. Columns in between
 * that are not written (a user's own column) split a run, so they are never touched.
 */
export function columnRuns<F extends string>(
  columns: ColumnMap<F>,
  fields: readonly F[],
): ColumnRun<F>[] {
  const placed = fields
    .map((field) => ({ field, column: columns[field] }))
    .filter((entry): entry is { field: F; column: number } => entry.column !== undefined)
    .sort((a, b) => a.column - b.column);
  const runs: { start: number; fields: F[] }[] = [];
  for (const { field, column } of placed) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.start + last.fields.length === column) last.fields.push(field);
    else if (last === undefined || last.start + last.fields.length < column) {
      runs.push({ start: column, fields: [field] });
    }
  }
  return runs;
}

/**
 * Text that Sheets would read as a formula or a number if written as is (SPEC §7): it starts
 * with `=`, `+`, `-` or `@`. Such text is written into cells formatted as plain text.
 */
export function looksLikeFormula(value: unknown): value is string {
  return typeof value === "string" && /^[=+\-@]/.test(value);
}

/** A value as `setValues` takes it: blanks become empty cells. */
function cellOf(value: unknown): unknown {
  return value === undefined || value === null ? "" : value;
}

/**
 * Writes computed columns of `table`'s data rows back to `sheet`: `values[field][i]` goes to data
 * row `i`. Each run of adjacent columns is one `getRange` and one `setValues`; when a run holds
 * text that would turn into a formula, its cells are first given the plain-text format in one
 * `setNumberFormats`, the other cells keeping theirs. Fields without a column are not written.
 * Returns the number of runs written.
 */
export function writeColumns<F extends string>(
  sheet: Pick<Sheet, "getRange">,
  table: Table<F>,
  values: Readonly<Partial<Record<F, readonly unknown[]>>>,
): number {
  const fields = Object.keys(values) as F[];
  for (const field of fields) {
    const column = values[field]!;
    if (column.length !== table.size) {
      throw new Error(
        `${table.sheetName}: ${column.length} values for ${field}, but the table has ${table.size} rows`,
      );
    }
  }
  if (table.size === 0) return 0;
  const runs = columnRuns(table.columns, fields);
  for (const run of runs) {
    const block = Array.from({ length: table.size }, (_, i) =>
      run.fields.map((field) => cellOf(values[field]![i])),
    );
    const range = sheet.getRange(2, run.start + 1, table.size, run.fields.length);
    if (block.some((row) => row.some(looksLikeFormula))) {
      const formats = range.getNumberFormats();
      block.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (looksLikeFormula(cell)) formats[r]![c] = "@";
        });
      });
      range.setNumberFormats(formats);
    }
    range.setValues(block);
  }
  return runs.length;
}
