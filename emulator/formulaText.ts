/**
 * Reading the references inside a formula's text, to do what Sheets does to formulas when rows or
 * columns move (references shift, deleted ones become #REF!), and to bound the open ranges Sheets
 * allows (`A1:E`, `A:A`, `2:3`) before HyperFormula sees them.
 */

import { columnLetters, columnNumber, quoteSheetName } from "./a1";

interface Corner {
  colAbs: boolean;
  col: number | undefined;
  rowAbs: boolean;
  row: number | undefined;
}

interface Reference {
  /** Sheet named in the reference, or undefined for the formula's own sheet. */
  sheet: string | undefined;
  start: Corner;
  end: Corner | undefined;
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/;
const RANGE_BODY = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)(?::(\$?)([A-Za-z]{0,3})(\$?)(\d*))?/;
const WORD_CHAR = /[A-Za-z0-9_.$]/;

function corner(
  colAbs: string,
  letters: string,
  rowAbs: string,
  digits: string,
): Corner | undefined {
  if (letters === "" && digits === "") return undefined;
  if (letters === "" && colAbs !== "") return undefined;
  if (digits === "" && rowAbs !== "") return undefined;
  return {
    colAbs: colAbs === "$",
    col: letters === "" ? undefined : columnNumber(letters),
    rowAbs: rowAbs === "$",
    row: digits === "" ? undefined : Number(digits),
  };
}

/** Tries to read a reference at `text[i]`; returns it and its length. */
function readReference(text: string, i: number): { ref: Reference; length: number } | undefined {
  const rest = text.slice(i);
  let sheet: string | undefined;
  let offset = 0;
  const prefix = SHEET_PREFIX.exec(rest);
  if (prefix !== null) {
    sheet = prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[2];
    offset = prefix[0].length;
  }
  const body = RANGE_BODY.exec(rest.slice(offset));
  if (body === null || body[0] === "") return undefined;
  const length = offset + body[0].length;
  const next = text[i + length];
  if (next !== undefined && (WORD_CHAR.test(next) || next === "(" || next === "!"))
    return undefined;
  const [, a1 = "", l1 = "", a2 = "", d1 = "", b1, l2, b2, d2] = body;
  const start = corner(a1, l1, a2, d1);
  if (start === undefined) return undefined;
  let end: Corner | undefined;
  if (body[0].includes(":")) {
    end = corner(b1 ?? "", l2 ?? "", b2 ?? "", d2 ?? "");
    if (end === undefined) return undefined;
    // Whole columns (A:B) or rows (1:3) must be so on both sides; A1:E (open bottom) is allowed.
    if (start.row === undefined && end.row !== undefined) return undefined;
    if (start.col === undefined && end.col !== undefined) return undefined;
    if (start.col !== undefined && end.col === undefined) return undefined;
  } else if (start.row === undefined || start.col === undefined) {
    return undefined;
  }
  return { ref: { sheet, start, end }, length };
}

/**
 * Rewrites every reference in a formula through `map`, leaving string literals and names alone.
 * `map` returns the replacement text, or undefined to keep the reference as written.
 */
export function mapReferences(
  formula: string,
  map: (ref: Reference) => string | undefined,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const previous = i === 0 ? "" : (formula[i - 1] as string);
    const atTokenStart = previous === "" || !(WORD_CHAR.test(previous) || previous === "'");
    if (atTokenStart && (WORD_CHAR.test(ch) || ch === "'")) {
      const found = readReference(formula, i);
      if (found !== undefined) {
        const replacement = map(found.ref);
        out += replacement ?? formula.slice(i, i + found.length);
        i += found.length;
        continue;
      }
      // Not a reference: copy the whole word (a function or a named range) at once.
      let j = i;
      if (ch === "'") {
        j = formula.indexOf("'", i + 1);
        j = j === -1 ? formula.length : j + 1;
      } else {
        while (j < formula.length && WORD_CHAR.test(formula[j] as string)) j++;
      }
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function cornerText(c: Corner): string {
  const col = c.col === undefined ? "" : `${c.colAbs ? "$" : ""}${columnLetters(c.col)}`;
  const row = c.row === undefined ? "" : `${c.rowAbs ? "$" : ""}${c.row}`;
  return col + row;
}

function referenceText(ref: Reference): string {
  const prefix = ref.sheet === undefined ? "" : `${quoteSheetName(ref.sheet)}!`;
  return prefix + cornerText(ref.start) + (ref.end === undefined ? "" : `:${cornerText(ref.end)}`);
}

export interface StructureChange {
  /** The sheet whose rows or columns moved. */
  readonly sheetName: string;
  readonly axis: "row" | "column";
  /** First row/column inserted or deleted. */
  readonly at: number;
  /** Positive: inserted; negative: deleted. */
  readonly delta: number;
}

function shiftSpan(
  start: number | undefined,
  end: number | undefined,
  change: StructureChange,
): { start: number | undefined; end: number | undefined } | "deleted" {
  if (start === undefined) return { start, end };
  const last = end ?? start;
  if (change.delta > 0) {
    const move = (n: number) => (n >= change.at ? n + change.delta : n);
    return { start: move(start), end: end === undefined ? undefined : move(last) };
  }
  const count = -change.delta;
  const deletedEnd = change.at + count - 1;
  const newStart = start < change.at ? start : start > deletedEnd ? start - count : change.at;
  const newEnd = last < change.at ? last : last > deletedEnd ? last - count : change.at - 1;
  if (newEnd < newStart) return "deleted";
  return { start: newStart, end: end === undefined ? undefined : newEnd };
}

/** A formula after rows or columns of a sheet were inserted or deleted, as Sheets rewrites it. */
export function shiftFormula(
  formula: string,
  formulaSheet: string,
  change: StructureChange,
): string {
  return mapReferences(formula, (ref) => {
    // Sheets matches sheet names in formulas without regard to case.
    if ((ref.sheet ?? formulaSheet).toLowerCase() !== change.sheetName.toLowerCase())
      return undefined;
    const key = change.axis === "row" ? "row" : "col";
    const startValue = ref.start[key];
    const endValue = ref.end === undefined ? undefined : ref.end[key];
    if (ref.end !== undefined && endValue === undefined) {
      // Open-ended (A1:E): only the start moves.
      const shifted = shiftSpan(startValue, undefined, change);
      if (shifted === "deleted") return "#REF!";
      return referenceText({ ...ref, start: { ...ref.start, [key]: shifted.start } });
    }
    const shifted = shiftSpan(startValue, ref.end === undefined ? undefined : endValue, change);
    if (shifted === "deleted") return "#REF!";
    if (shifted.start === startValue && shifted.end === endValue) return undefined;
    const start = { ...ref.start, [key]: shifted.start };
    const end = ref.end === undefined ? undefined : { ...ref.end, [key]: shifted.end };
    return referenceText({ ...ref, start, end });
  });
}

/** A formula after a sheet was renamed: references naming it follow the new name. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return mapReferences(formula, (ref) =>
    ref.sheet?.toLowerCase() === oldName.toLowerCase()
      ? referenceText({ ...ref, sheet: newName })
      : undefined,
  );
}

/** Every open range bounded by the grid of the sheet it points into, for HyperFormula. */
export function boundOpenRanges(
  formula: string,
  formulaSheet: string,
  gridOf: (sheetName: string) => { rows: number; columns: number } | undefined,
): string {
  return mapReferences(formula, (ref) => {
    const open =
      ref.start.row === undefined ||
      ref.start.col === undefined ||
      (ref.end !== undefined && (ref.end.row === undefined || ref.end.col === undefined));
    if (!open) return undefined;
    const grid = gridOf(ref.sheet ?? formulaSheet);
    if (grid === undefined) return "#REF!";
    const start: Corner = {
      ...ref.start,
      row: ref.start.row ?? 1,
      col: ref.start.col ?? 1,
    };
    const end: Corner = {
      colAbs: ref.end?.colAbs ?? false,
      rowAbs: ref.end?.rowAbs ?? false,
      row: ref.end?.row ?? grid.rows,
      col: ref.end?.col ?? grid.columns,
    };
    return referenceText({ ...ref, start, end });
  });
}

/** Names of the sheets a formula refers to (its own sheet included when it has bare references). */
export function referencedSheets(formula: string, formulaSheet: string): Set<string> {
  const names = new Set<string>();
  mapReferences(formula, (ref) => {
    names.add(ref.sheet ?? formulaSheet);
    return undefined;
  });
  return names;
}
