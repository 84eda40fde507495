import type { Day, DayConverter } from "./dates";

/**
 * What the pure core needs to know about "when" and "where": the spreadsheet's calendar and
 * today's date in it. Apps Script builds one from the spreadsheet's time zone
 * (src/adapters/clock.ts); tests and the emulator build one from `Intl`.
 */
export interface Clock {
  readonly zone: DayConverter;
  /** Today in the spreadsheet's time zone; only asked for when an as-of date is left blank. */
  today(): Day;
}

/** A value a custom function may return to Sheets: one value or a 2-D array that spills. */
export type CellValue = string | number | boolean | Date;
export type FormulaResult = CellValue | CellValue[][];
