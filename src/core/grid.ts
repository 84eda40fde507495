/**
 * Element-wise evaluation of custom-function arguments (SPEC §4.1): each argument is one value or
 * a range (a 2-D array, as Sheets passes it); every range must have the same shape; a single value
 * is used for every cell; the result has the ranges' shape, or is one value when none is a range.
 */

import type { CellValue, FormulaResult } from "./clock";
import { KpiInputError } from "./values";

export type Range = readonly (readonly unknown[])[];

export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

export function isRange(value: unknown): value is Range {
  return Array.isArray(value);
}

/** `3×1`, as shape mismatches are reported. */
export function formatShape(shape: Shape): string {
  return `${shape.rows}×${shape.columns}`;
}

/** The shape of a range; throws naming `name` when it is empty or not rectangular. */
export function shapeOf(range: Range, name: string): Shape {
  const columns = Array.isArray(range[0]) ? range[0].length : 0;
  for (const row of range) {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new KpiInputError(`${name} is not a rectangular range of rows and columns`);
    }
  }
  if (range.length === 0 || columns === 0) throw new KpiInputError(`${name} is an empty range`);
  return { rows: range.length, columns };
}

/**
 * Where a cell is, for error messages: ` (row 3)` in a single-column range, ` (row 3, column 2)`
 * otherwise, `""` when nothing is a range. Rows and columns count from 1 within the range, which
 * is what a user sees next to a spilled result.
 */
export function placeOf(row: number, column: number, shape: Shape | undefined): string {
  if (shape === undefined) return "";
  return shape.columns === 1 ? ` (row ${row + 1})` : ` (row ${row + 1}, column ${column + 1})`;
}

/**
 * Runs `compute` once per cell of the common shape of `args` (keyed by the parameter names users
 * see, so messages can name them), with every range replaced by its value at that cell.
 */
export function mapCells<K extends string>(
  args: Readonly<Record<K, unknown>>,
  compute: (cell: Readonly<Record<K, unknown>>, place: string) => CellValue,
): FormulaResult {
  const names = Object.keys(args) as K[];
  const ranges: K[] = [];
  let shape: Shape | undefined;
  let shapeName = "";
  for (const name of names) {
    const value = args[name];
    if (!isRange(value)) continue;
    const own = shapeOf(value, name);
    if (shape === undefined) {
      shape = own;
      shapeName = name;
    } else if (own.rows !== shape.rows || own.columns !== shape.columns) {
      throw new KpiInputError(
        `${shapeName} is ${formatShape(shape)} but ${name} is ${formatShape(own)}: ranges given together must have the same shape`,
      );
    }
    ranges.push(name);
  }
  if (shape === undefined) return compute(args, "");

  const result: CellValue[][] = [];
  for (let row = 0; row < shape.rows; row++) {
    const line: CellValue[] = [];
    for (let column = 0; column < shape.columns; column++) {
      const cell = { ...args } as Record<K, unknown>;
      for (const name of ranges) cell[name] = (args[name] as Range)[row]?.[column];
      line.push(compute(cell, placeOf(row, column, shape)));
    }
    result.push(line);
  }
  return result;
}
