/**
 * Columns are found by header name, never by position (SPEC §3): users insert, reorder and add
 * their own columns. Header names compare case-insensitively with spaces, `_` and `-` ignored, so
 * "Last check-in", "last_checkin" and "LASTCHECKIN" are one column.
 */

import { KpiInputError, normalizeKey } from "./values";

// Bound once: a global look-up per header cell is slow in a sandboxed global (Node's vm).
const DateClass = Date;

/** The comparable form of a header cell. */
export function headerKey(value: unknown): string {
  return normalizeKey(value instanceof DateClass ? "" : value);
}

/**
 * Accepted header names per field, the first being the canonical spelling shown to users.
 * Aliases are matched in order, so a sheet with both "KPI ID" and "ID" columns uses "KPI ID".
 */
export type ColumnSpec<F extends string> = Readonly<Record<F, readonly [string, ...string[]]>>;

/** Column index (0-based) of each field found in a header row. */
export type ColumnMap<F extends string> = Readonly<Partial<Record<F, number>>>;

export function findColumns<F extends string>(
  header: readonly unknown[],
  spec: ColumnSpec<F>,
): ColumnMap<F> {
  const firstIndexOf = new Map<string, number>();
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key !== "" && !firstIndexOf.has(key)) firstIndexOf.set(key, index);
  });
  const columns: Partial<Record<F, number>> = {};
  for (const [field, keys] of aliasKeys(spec)) {
    for (const key of keys) {
      const index = firstIndexOf.get(key);
      if (index !== undefined) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

/**
 * The comparable keys of a spec's aliases, worked out once per spec: every custom-function call
 * looks up the same hundred names, and each would cost a normalisation.
 */
const specKeys = new WeakMap<object, readonly (readonly [string, readonly string[]])[]>();

function aliasKeys<F extends string>(
  spec: ColumnSpec<F>,
): readonly (readonly [F, readonly string[]])[] {
  let keys = specKeys.get(spec);
  if (keys === undefined) {
    keys = Object.keys(spec).map((field) => [field, spec[field as F].map(headerKey)] as const);
    specKeys.set(spec, keys);
  }
  return keys as readonly (readonly [F, readonly string[]])[];
}

/**
 * The index of a column that must be there; otherwise a {@link KpiInputError} naming it (and its
 * accepted aliases) and the argument it was looked for in.
 */
export function requireColumn<F extends string>(
  columns: ColumnMap<F>,
  spec: ColumnSpec<F>,
  field: F,
  argument: string,
): number {
  const index = columns[field];
  if (index !== undefined) return index;
  const [canonical, ...aliases] = spec[field];
  const also = aliases.length > 0 ? ` (or ${aliases.map((a) => `"${a}"`).join(" or ")})` : "";
  throw new KpiInputError(`${argument} has no "${canonical}" column${also} in its header row`);
}

/**
 * A range argument as rows: Sheets passes a range as a 2-D array. A single value (one cell, or a
 * blank argument) is not a table with a header row, so it is an error naming the argument.
 */
export function requireTable(value: unknown, argument: string): readonly (readonly unknown[])[] {
  // Only the header row is checked: a million-row log is not walked twice to find what Sheets
  // never sends (a range is always an array of row arrays).
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) {
    throw new KpiInputError(`${argument} must be a range that includes its header row`);
  }
  return value as readonly (readonly unknown[])[];
}
