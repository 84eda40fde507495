/**
 * What a cell holds and how values cross between a script and a cell, as Sheets does it:
 * dates are serial numbers in the spreadsheet's wall-clock time plus a date format, and a
 * string written by a script is read the way the user's typing would be.
 */

import { dayFromParts, UNIX_EPOCH_DAY, ZoneDays } from "./calendar";
import {
  type CellErrorValue,
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  isDateFormat,
  PLAIN_TEXT,
} from "./numberFormat";

export type { CellErrorValue } from "./numberFormat";

/** A stored, non-formula cell value. `undefined` is an empty cell. */
export type Stored = number | string | boolean;
/** A value as the grid holds it after evaluation: stored values plus formula errors. */
export type CellValue = Stored | CellErrorValue;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isCellError(value: unknown): value is CellErrorValue {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CellErrorValue).error === "string"
  );
}

const converters = new Map<string, ZoneDays>();

/** A cached offset look-up per zone, so a million date cells do not cost a million `Intl` calls. */
export function zoneConverter(timeZone: string): ZoneDays {
  let converter = converters.get(timeZone);
  if (converter === undefined) {
    converter = new ZoneDays(timeZone);
    converters.set(timeZone, converter);
  }
  return converter;
}

/** The serial number of an instant's wall-clock time in a zone. */
export function serialFromInstant(epochMs: number, timeZone: string): number {
  return serialInZone(epochMs, zoneConverter(timeZone));
}

/** `serialFromInstant` with the zone's converter looked up once, for bulk writes. */
export function serialInZone(epochMs: number, zone: ZoneDays): number {
  return (epochMs + zone.offsetMinutes(epochMs) * MINUTE_MS) / DAY_MS + UNIX_EPOCH_DAY;
}

/** The instant at which a zone's wall clock shows a serial's date and time. */
export function instantFromSerial(serial: number, timeZone: string): number {
  return instantInZone(serial, zoneConverter(timeZone));
}

/** `instantFromSerial` with the zone's converter looked up once, for bulk reads. */
export function instantInZone(serial: number, zone: ZoneDays): number {
  const wall = Math.round((serial - UNIX_EPOCH_DAY) * DAY_MS);
  const first = wall - zone.offsetMinutes(wall) * MINUTE_MS;
  return wall - zone.offsetMinutes(first) * MINUTE_MS;
}

/** How a stored cell reaches a script: date-formatted numbers become `Date`s. */
export function toScriptValue(
  value: CellValue | undefined,
  format: string | undefined,
  timeZone: string,
): unknown {
  if (value === undefined) return "";
  if (typeof value === "number") {
    return isDateFormat(format) ? new Date(instantFromSerial(value, timeZone)) : value;
  }
  if (typeof value === "object") return value.error;
  return value;
}

/** A cell's new content, from a script's `setValue`. */
export interface Written {
  /** Stored value, or `undefined` for an empty cell or a formula. */
  readonly value: Stored | undefined;
  readonly formula?: string;
  /** The number format Sheets gives the cell along with the value, when it changes it. */
  readonly format?: string;
}

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function dateSerial(
  year: number,
  month: number,
  day: number,
  hh: string | undefined,
  mm: string | undefined,
  ss: string | undefined,
): number | undefined {
  const serial = dayFromParts(year, month, day);
  if (serial === undefined) return undefined;
  if (hh === undefined) return serial;
  const h = Number(hh);
  const m = Number(mm);
  const s = Number(ss ?? 0);
  if (h > 23 || m > 59 || s > 59) return undefined;
  return serial + (h * 3600 + m * 60 + s) / 86_400;
}

/**
 * Reads text the way Sheets reads a user's typing (en_US locale): numbers (with thousands
 * separators), percentages, currency, TRUE/FALSE, ISO and US dates and times, `=formulas`, and a
 * leading apostrophe forcing text. Under the plain-text format "@" text is kept verbatim.
 */
export function parseTyped(text: string, currentFormat: string | undefined): Written {
  if (text === "") return { value: undefined };
  if (currentFormat === PLAIN_TEXT) return { value: text };
  // Most text starts with a letter and is none of the typed forms below: answer it at once.
  const first = text.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (letter && !(text.length === 4 || text.length === 5)) return { value: text };
  if (text.startsWith("=") && text.length > 1) return { value: undefined, formula: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE") return { value: true };
  if (upper === "FALSE") return { value: false };
  if (trimmed !== "" && NUMBER.test(trimmed) && /\d/.test(trimmed)) {
    const value = Number(trimmed.replace(/,/g, ""));
    if (trimmed.includes(",")) {
      return { value, format: trimmed.includes(".") ? "#,##0.00" : "#,##0" };
    }
    return { value };
  }
  if (trimmed.endsWith("%")) {
    const body = trimmed.slice(0, -1).trim();
    if (NUMBER.test(body) && /\d/.test(body)) {
      const value = Number(body.replace(/,/g, "")) / 100;
      return { value, format: body.includes(".") ? "0.00%" : "0%" };
    }
  }
  const currency = /^([+-]?)\$(.+)$/.exec(trimmed);
  if (currency !== null) {
    const body = currency[2] ?? "";
    if (NUMBER.test(body) && /\d/.test(body) && !/^[+-]/.test(body)) {
      const value = Number(body.replace(/,/g, "")) * (currency[1] === "-" ? -1 : 1);
      return { value, format: '"$"#,##0.00' };
    }
  }
  const iso = ISO_DATE.exec(trimmed);
  if (iso !== null) {
    const [, y, m, d, hh, mm, ss] = iso;
    const serial = dateSerial(Number(y), Number(m), Number(d), hh, mm, ss);
    if (serial !== undefined) {
      const keep = isDateFormat(currentFormat);
      if (keep) return { value: serial };
      return { value: serial, format: hh === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd H:mm:ss" };
    }
  }
  const us = US_DATE.exec(trimmed);
  if (us !== null) {
    const [, m, d, y, hh, mm, ss] = us;
    const serial = dateSerial(Number(y), Number(m), Number(d), hh, mm, ss);
    if (serial !== undefined) {
      if (isDateFormat(currentFormat)) return { value: serial };
      return {
        value: serial,
        format: hh === undefined ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT,
      };
    }
  }
  const time = TIME.exec(trimmed);
  if (time !== null) {
    const [, hh, mm, ss] = time;
    const h = Number(hh);
    const m = Number(mm);
    const s = Number(ss ?? 0);
    if (h <= 23 && m <= 59 && s <= 59) {
      const value = (h * 3600 + m * 60 + s) / 86_400;
      if (isDateFormat(currentFormat)) return { value };
      return { value, format: ss === undefined ? "H:mm" : "H:mm:ss" };
    }
  }
  return { value: text };
}

/** `quickStore` could not decide: the value needs `fromScriptValue`. */
export const NEEDS_PARSING: unique symbol = Symbol("needsParsing");

/**
 * The stored value for the common cases that change neither formula nor format — numbers,
 * booleans, blanks, plain words, text under "@", Dates into date-formatted cells — without
 * allocating; NEEDS_PARSING for the rest. Bulk writes of a million rows go through here.
 */
export function quickStore(
  value: unknown,
  format: string | undefined,
  timeZone: ZoneDays,
): Stored | undefined | typeof NEEDS_PARSING {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value : NEEDS_PARSING;
    case "boolean":
      return value;
    case "undefined":
      return undefined;
    case "string": {
      if (value === "") return undefined;
      if (format === PLAIN_TEXT) return value;
      const first = value.charCodeAt(0);
      const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
      // Only TRUE and FALSE among words starting with a letter are typed values.
      const maybeBoolean = (first | 32) === 116 || (first | 32) === 102;
      return letter && !maybeBoolean ? value : NEEDS_PARSING;
    }
    case "object": {
      if (value === null) return undefined;
      if (isDate(value) && isDateFormat(format)) {
        const ms = value.getTime();
        return Number.isNaN(ms) ? NEEDS_PARSING : serialInZone(ms, timeZone);
      }
      return NEEDS_PARSING;
    }
    default:
      return NEEDS_PARSING;
  }
}

/** What `setValue(value)` stores, for any JavaScript value a script passes. */
export function fromScriptValue(
  value: unknown,
  currentFormat: string | undefined,
  timeZone: string,
): Written {
  if (value === null || value === undefined) return { value: undefined };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { value } : { value: String(value) };
  }
  if (typeof value === "boolean") return { value };
  if (typeof value === "string") return parseTyped(value, currentFormat);
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { value: "Invalid Date" };
    const serial = serialFromInstant(ms, timeZone);
    if (isDateFormat(currentFormat)) return { value: serial };
    const midnight = Number.isInteger(Math.round(serial * 86_400) / 86_400);
    return { value: serial, format: midnight ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT };
  }
  return parseTyped(String(value), currentFormat);
}
