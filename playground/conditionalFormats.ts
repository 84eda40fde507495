/**
 * Conditional formatting evaluated the way Sheets paints it, so the playground shows the status
 * colours the add-on set up. Sheets gives each cell the format of the first rule, in the sheet's
 * rule order, whose range covers the cell and whose condition holds.
 */

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface RuleFormat {
  readonly background?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strikethrough?: boolean;
  readonly underline?: boolean;
}

/** A boolean-condition rule; `criteria` is a `SpreadsheetApp.BooleanCriteria` name. */
export interface ConditionalRule {
  readonly ranges: readonly Rect[];
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly format: RuleFormat;
}

const blank = (value: unknown) => value === "" || value === null || value === undefined;

const text = (value: unknown) => (blank(value) ? "" : String(value)).toLowerCase();

function number(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (value instanceof Date) return undefined;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

/**
 * Whether a condition holds for a value. Text comparisons ignore case, as Sheets' do; a kind of
 * condition this does not know never holds, so nothing is painted that Sheets might not paint.
 */
export function conditionHolds(
  criteria: string,
  values: readonly unknown[],
  value: unknown,
): boolean {
  const [a, b] = values;
  const n = number(value);
  const na = number(a);
  const nb = number(b);
  switch (criteria) {
    case "CELL_EMPTY":
      return blank(value);
    case "CELL_NOT_EMPTY":
      return !blank(value);
    case "TEXT_EQUAL_TO":
      return !blank(value) && text(value) === text(a);
    case "TEXT_NOT_EQUAL_TO":
      return text(value) !== text(a);
    case "TEXT_CONTAINS":
      return !blank(value) && text(value).includes(text(a));
    case "TEXT_DOES_NOT_CONTAIN":
      return !text(value).includes(text(a));
    case "TEXT_STARTS_WITH":
      return !blank(value) && text(value).startsWith(text(a));
    case "TEXT_ENDS_WITH":
      return !blank(value) && text(value).endsWith(text(a));
    case "NUMBER_EQUAL_TO":
      return n !== undefined && na !== undefined && n === na;
    case "NUMBER_NOT_EQUAL_TO":
      return n !== undefined && na !== undefined && n !== na;
    case "NUMBER_GREATER_THAN":
      return n !== undefined && na !== undefined && n > na;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n !== undefined && na !== undefined && n >= na;
    case "NUMBER_LESS_THAN":
      return n !== undefined && na !== undefined && n < na;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n !== undefined && na !== undefined && n <= na;
    case "NUMBER_BETWEEN":
      return (
        n !== undefined &&
        na !== undefined &&
        nb !== undefined &&
        n >= Math.min(na, nb) &&
        n <= Math.max(na, nb)
      );
    case "NUMBER_NOT_BETWEEN":
      return (
        n !== undefined &&
        na !== undefined &&
        nb !== undefined &&
        (n < Math.min(na, nb) || n > Math.max(na, nb))
      );
    default:
      return false;
  }
}

/**
 * The format each cell of a `numRows` × `numColumns` area starting at A1 gets from the rules,
 * keyed `row * numColumns + column` (0-based). `valueAt` reads a cell (1-based row and column).
 */
export function paintConditionalFormats(
  rules: readonly ConditionalRule[],
  numRows: number,
  numColumns: number,
  valueAt: (row: number, column: number) => unknown,
): Map<number, RuleFormat> {
  const painted = new Map<number, RuleFormat>();
  for (const rule of rules) {
    for (const range of rule.ranges) {
      const lastRow = Math.min(range.row + range.numRows - 1, numRows);
      const lastColumn = Math.min(range.column + range.numColumns - 1, numColumns);
      for (let row = range.row; row <= lastRow; row++) {
        for (let column = range.column; column <= lastColumn; column++) {
          const key = (row - 1) * numColumns + (column - 1);
          if (painted.has(key)) continue;
          if (conditionHolds(rule.criteria, rule.values, valueAt(row, column))) {
            painted.set(key, rule.format);
          }
        }
      }
    }
  }
  return painted;
}
