/**
 * Coercion of cell values into numbers and text, following SPEC §4.1. Sheets hands custom
 * functions `""` for empty cells, JS numbers for numbers and percentages (already divided),
 * and whatever a user typed as text; text must never silently become a number.
 */

// Built-ins bound once: cells are read by the thousand, and in a sandboxed global (Node's vm)
// every look-up of a global name is an interceptor call.
const finite = Number.isFinite;
const toNumber = Number;
const toText = String;

/** `""`, `null` or `undefined`: what an empty cell or an omitted argument looks like. */
export type Blank = "" | null | undefined;

export function isBlank(value: unknown): value is Blank {
  return value === "" || value === null || value === undefined;
}

/**
 * A user-facing problem with an input. The message says what is wrong and where; the custom
 * function wrapper prefixes it with the function's name.
 */
export class KpiInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KpiInputError";
  }
}

// "Plain decimal" (SPEC §4.1): digits with an optional sign and point; no exponent, no thousands
// separators, so "1e3" and "1,000" typed as text are not silently read as numbers.
const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Reads a number the way SPEC §4.1 allows: a finite JS number; a string that is a plain decimal
 * after trimming; a string ending in `%` divided by 100. Returns `undefined` for anything else
 * (including blanks, booleans and dates) so the caller can name the place in its error.
 */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return finite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  let scale = 1;
  if (text.endsWith("%")) {
    text = text.slice(0, -1).trim();
    scale = 100;
  }
  if (!PLAIN_DECIMAL.test(text)) return undefined;
  const parsed = toNumber(text);
  if (!finite(parsed)) return undefined;
  return scale === 1 ? parsed : parsed / scale;
}

/**
 * The texts Sheets hands a script for a cell holding an error (`getValues` and custom-function
 * arguments alike). Setup's formulas also turn an error in an input into this text, so the
 * functions see it whether or not Sheets would have called them with the error itself.
 */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#DIV/0!",
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#ERROR!",
  "#NULL!",
]);

const HASH = 35; // "#"
const SPACE = 32;
const DELETE = 127;

/** The error a cell holds (e.g. `#N/A`), or `undefined` for any other value. */
export function errorValueOf(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length < 3) return undefined;
  // The first character settles almost every cell: a printable ASCII character other than "#"
  // cannot begin an error value, nor be white space that trimming would remove. Only the rest
  // (spaces, tabs, non-ASCII) pays for trimStart.
  const first = value.charCodeAt(0);
  if (first !== HASH && first > SPACE && first < DELETE) return undefined;
  const text = first === HASH ? value : value.trimStart();
  if (text.charCodeAt(0) !== HASH) return undefined;
  const trimmed = text.trimEnd();
  return ERROR_VALUES.has(trimmed) ? trimmed : undefined;
}

/**
 * Why a value is not a number, after its name and place: `is not a number`, or, for a number
 * too large for a double (`1e309` typed as digits, an overflowed `Infinity`), that it cannot be
 * computed — so a huge value never reads as a typo.
 */
export function notANumberReason(value: unknown): string {
  if (typeof value === "number")
    return finite(value) ? "is not a number" : "is not a finite number";
  if (typeof value === "string") {
    const text = value.trim().replace(/%$/, "").trim();
    if (PLAIN_DECIMAL.test(text)) return "is too large to compute";
  }
  return "is not a number";
}

/** A short, single-line rendering of a user's value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null || value === "") return "blank";
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid date" : `the date ${value.toISOString()}`;
  }
  if (typeof value === "string") {
    const text = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(text);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * A number that must be there: throws a {@link KpiInputError} naming `what` (e.g. `target`) and,
 * after the value, `where` (e.g. ` (row 3)`): `target "abc" (row 3) is not a number`.
 */
export function requireNumber(value: unknown, what: string, where = ""): number {
  const parsed = readNumber(value);
  if (parsed === undefined) {
    throw new KpiInputError(`${what} ${describeValue(value)}${where} ${notANumberReason(value)}`);
  }
  return parsed;
}

/** A number or blank: blank gives `undefined`, anything else that is not a number throws. */
export function optionalNumber(value: unknown, what: string, where = ""): number | undefined {
  return isBlank(value) ? undefined : requireNumber(value, what, where);
}

/**
 * Names of directions, aggregations, types… compare case-insensitively with spaces, `_` and `-`
 * ignored (SPEC §4.2), so "Lower is better", "lower_is_better" and "LOWERISBETTER" are one key.
 */
export function normalizeKey(value: unknown): string {
  return toText(value ?? "")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/** Computed fractions compare with this tolerance (SPEC §4.1). */
export const EPSILON = 1e-9;

/**
 * Runs a custom function's body so that every error it throws starts with the function's name
 * (SPEC §4.1): Sheets shows only the message, in the cell's tooltip.
 */
export function withFunctionName<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.startsWith(`${name}:`) ? message : `${name}: ${message}`);
  }
}
