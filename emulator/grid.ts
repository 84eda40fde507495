/**
 * Storage for one sheet's cells, sized for a million-row log: values in one array per column,
 * formulas in a sparse map, and per-cell properties that are usually set on whole blocks
 * (number formats, styles, data validation) as runs of rows per column.
 */

import type { Stored } from "./values";

/** A run of rows [start, end] (1-based, inclusive) in one column sharing one value. */
export interface Run<T> {
  start: number;
  end: number;
  value: T;
}

/** Per-column runs of a property; lookups are binary searches. */
export class ColumnRuns<T> {
  /** runs[column - 1] is sorted and non-overlapping. */
  private runs: Run<T>[][] = [];

  constructor(private readonly same: (a: T, b: T) => boolean = Object.is) {}

  get(row: number, column: number): T | undefined {
    const list = this.runs[column - 1];
    if (list === undefined) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = list[mid] as Run<T>;
      if (row < run.start) hi = mid - 1;
      else if (row > run.end) lo = mid + 1;
      else return run.value;
    }
    return undefined;
  }

  /** Calls `fn` for each stretch of rows in [from, to] of a column, including unset stretches. */
  forEach(
    column: number,
    from: number,
    to: number,
    fn: (start: number, end: number, value: T | undefined) => void,
  ): void {
    const list = this.runs[column - 1] ?? [];
    let row = from;
    for (const run of list) {
      if (run.end < row) continue;
      if (run.start > to) break;
      if (run.start > row) fn(row, run.start - 1, undefined);
      const start = Math.max(row, run.start);
      const end = Math.min(to, run.end);
      fn(start, end, run.value);
      row = end + 1;
      if (row > to) return;
    }
    if (row <= to) fn(row, to, undefined);
  }

  /** Sets rows [from, to] of a column; `update` maps the old value (or undefined) to the new one. */
  update(
    column: number,
    from: number,
    to: number,
    update: (old: T | undefined) => T | undefined,
  ): void {
    const list = this.runs[column - 1] ?? [];
    const pieces: Run<T>[] = [];
    this.forEach(column, from, to, (start, end, value) => {
      const next = update(value);
      if (next !== undefined) pieces.push({ start, end, value: next });
    });
    const before: Run<T>[] = [];
    const after: Run<T>[] = [];
    for (const run of list) {
      if (run.end < from) before.push(run);
      else if (run.start > to) after.push(run);
      else {
        if (run.start < from) before.push({ start: run.start, end: from - 1, value: run.value });
        if (run.end > to) after.push({ start: to + 1, end: run.end, value: run.value });
      }
    }
    this.runs[column - 1] = this.merge([...before, ...pieces, ...after]);
  }

  set(column: number, from: number, to: number, value: T | undefined): void {
    this.update(column, from, to, () => value);
  }

  /**
   * Sets many stretches of one column in a single pass; `pieces` are sorted and disjoint. (A
   * million-row write can set thousands of stretches; one `set` each would be quadratic.)
   */
  assign(column: number, pieces: ReadonlyArray<Run<T | undefined>>): void {
    if (pieces.length === 0) return;
    const list = this.runs[column - 1] ?? [];
    const kept: Run<T>[] = [];
    let j = 0;
    for (const run of list) {
      let pos = run.start;
      while (j < pieces.length && (pieces[j] as Run<T | undefined>).start <= run.end) {
        const piece = pieces[j] as Run<T | undefined>;
        if (piece.end < pos) {
          j++;
          continue;
        }
        if (piece.start > pos) kept.push({ start: pos, end: piece.start - 1, value: run.value });
        pos = Math.max(pos, piece.end + 1);
        if (piece.end <= run.end) j++;
        else break;
      }
      if (pos <= run.end) kept.push({ start: pos, end: run.end, value: run.value });
    }
    const added: Run<T>[] = [];
    for (const piece of pieces) {
      if (piece.value !== undefined)
        added.push({ start: piece.start, end: piece.end, value: piece.value });
    }
    this.runs[column - 1] = this.merge([...kept, ...added].sort((a, b) => a.start - b.start));
  }

  private merge(list: Run<T>[]): Run<T>[] {
    const out: Run<T>[] = [];
    for (const run of list) {
      const last = out[out.length - 1];
      if (last !== undefined && last.end + 1 === run.start && this.same(last.value, run.value)) {
        last.end = run.end;
      } else {
        out.push({ ...run });
      }
    }
    return out;
  }

  /** Shifts rows for an insertion of `count` rows at `at`; new rows copy row `inheritFrom` (post-shift). */
  insertRows(at: number, count: number, inheritFrom: number | undefined): void {
    for (let c = 0; c < this.runs.length; c++) {
      const list = this.runs[c];
      if (list === undefined) continue;
      const shifted: Run<T>[] = [];
      for (const run of list) {
        if (run.end < at) shifted.push(run);
        else if (run.start >= at)
          shifted.push({ start: run.start + count, end: run.end + count, value: run.value });
        else {
          shifted.push({ start: run.start, end: at - 1, value: run.value });
          shifted.push({ start: at + count, end: run.end + count, value: run.value });
        }
      }
      this.runs[c] = this.merge(shifted);
      if (inheritFrom !== undefined) {
        const inherited = this.get(inheritFrom, c + 1);
        if (inherited !== undefined) this.set(c + 1, at, at + count - 1, inherited);
      }
    }
  }

  deleteRows(at: number, count: number): void {
    const last = at + count - 1;
    for (let c = 0; c < this.runs.length; c++) {
      const list = this.runs[c];
      if (list === undefined) continue;
      const out: Run<T>[] = [];
      for (const run of list) {
        if (run.end < at) out.push(run);
        else if (run.start > last)
          out.push({ start: run.start - count, end: run.end - count, value: run.value });
        else {
          const keptBefore = Math.max(0, at - run.start);
          const keptAfter = Math.max(0, run.end - last);
          const kept = keptBefore + keptAfter;
          if (kept > 0) {
            const start = Math.min(run.start, at);
            out.push({ start, end: start + kept - 1, value: run.value });
          }
        }
      }
      this.runs[c] = this.merge(out);
    }
  }

  insertColumns(at: number, count: number, inheritFrom: number | undefined): void {
    const copies: Run<T>[][] = [];
    for (let k = 0; k < count; k++) {
      const source = inheritFrom === undefined ? undefined : this.runs[inheritFrom - 1];
      copies.push(source === undefined ? [] : source.map((run) => ({ ...run })));
    }
    while (this.runs.length < at - 1) this.runs.push([]);
    this.runs.splice(at - 1, 0, ...copies);
  }

  deleteColumns(at: number, count: number): void {
    this.runs.splice(at - 1, count);
  }

  clear(): void {
    this.runs = [];
  }

  toJSON(): Array<Array<[number, number, T]>> {
    // Array.from visits holes too (a column never formatted), which map would skip.
    return Array.from(this.runs, (list) =>
      (list ?? []).map((run) => [run.start, run.end, run.value]),
    );
  }

  static fromJSON<T>(
    data: Array<Array<[number, number, T]> | null>,
    same?: (a: T, b: T) => boolean,
  ): ColumnRuns<T> {
    const runs = new ColumnRuns<T>(same);
    runs.runs = data.map((list) =>
      (list ?? []).map(([start, end, value]) => ({ start, end, value })),
    );
    return runs;
  }
}

/** Key of a cell in sparse maps. Sheets allows at most 18,278 columns. */
export function cellKey(row: number, column: number): number {
  return row * 32_768 + column;
}

export function keyRow(key: number): number {
  return Math.floor(key / 32_768);
}

export function keyColumn(key: number): number {
  return key % 32_768;
}

/** The values of one sheet: one (possibly sparse) array per column. */
export class ValueColumns {
  private columns: Array<Array<Stored | undefined> | undefined> = [];

  get(row: number, column: number): Stored | undefined {
    return this.columns[column - 1]?.[row - 1];
  }

  set(row: number, column: number, value: Stored | undefined): void {
    let col = this.columns[column - 1];
    if (col === undefined) {
      if (value === undefined) return;
      col = [];
      while (this.columns.length < column - 1) this.columns.push(undefined);
      this.columns[column - 1] = col;
    }
    if (value === undefined) {
      if (row - 1 < col.length) {
        col[row - 1] = undefined;
        if (row === col.length) this.trim(col);
      }
      return;
    }
    while (col.length < row - 1) col.push(undefined);
    col[row - 1] = value;
  }

  /** Writes consecutive rows of one column from `startRow`, as one bulk assignment. */
  writeColumn(column: number, startRow: number, values: ReadonlyArray<Stored | undefined>): void {
    let col = this.columns[column - 1];
    if (col === undefined) {
      if (values.every((v) => v === undefined)) return;
      col = [];
      while (this.columns.length < column - 1) this.columns.push(undefined);
      this.columns[column - 1] = col;
    }
    const start = startRow - 1;
    for (let i = 0; i < values.length; i++) {
      const r = start + i;
      const value = values[i];
      if (r < col.length) col[r] = value;
      else if (value !== undefined) {
        while (col.length < r) col.push(undefined);
        col.push(value);
      }
    }
    this.trim(col);
  }

  column(column: number): ReadonlyArray<Stored | undefined> | undefined {
    return this.columns[column - 1];
  }

  private trim(col: Array<Stored | undefined>): void {
    let n = col.length;
    while (n > 0 && col[n - 1] === undefined) n--;
    col.length = n;
  }

  /** Last row holding a value in any of the columns, or 0. */
  lastRow(): number {
    let last = 0;
    for (const col of this.columns) {
      if (col === undefined) continue;
      for (let r = col.length; r > last; r--) {
        if (col[r - 1] !== undefined) {
          last = r;
          break;
        }
      }
    }
    return last;
  }

  lastColumn(): number {
    for (let c = this.columns.length; c > 0; c--) {
      const col = this.columns[c - 1];
      if (col?.some((v) => v !== undefined)) return c;
    }
    return 0;
  }

  insertRows(at: number, count: number): void {
    for (const col of this.columns) {
      if (col === undefined || col.length < at) continue;
      // No spread: an insertion of a million rows must not become a million arguments.
      const tail = col.splice(at - 1);
      col.length = at - 1 + count;
      for (const value of tail) col.push(value);
    }
  }

  deleteRows(at: number, count: number): void {
    for (const col of this.columns) {
      if (col === undefined || col.length < at) continue;
      col.splice(at - 1, count);
      this.trim(col);
    }
  }

  insertColumns(at: number, count: number): void {
    if (this.columns.length < at - 1) return;
    this.columns.splice(at - 1, 0, ...new Array<undefined>(count));
  }

  deleteColumns(at: number, count: number): void {
    this.columns.splice(at - 1, count);
  }

  clear(): void {
    this.columns = [];
  }

  toJSON(): Array<Array<Stored | null> | null> {
    return Array.from(this.columns, (col) =>
      col === undefined ? null : Array.from(col, (v) => (v === undefined ? null : v)),
    );
  }

  static fromJSON(data: Array<Array<Stored | null> | null>): ValueColumns {
    const values = new ValueColumns();
    values.columns = data.map((col) =>
      col === null ? undefined : col.map((v) => (v === null ? undefined : v)),
    );
    return values;
  }
}
