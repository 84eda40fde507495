/**
 * Sheets number formats: deciding whether a format shows a date, and rendering a cell's value
 * the way `getDisplayValues` returns it. Covers what spreadsheets built by the add-on use —
 * digit placeholders (`0`, `#`, `?`), thousands separators and scaling commas, percentages,
 * scientific notation, quoted literals, up to four `;` sections, plain text `@`, colours
 * (ignored), and date/time patterns (`yyyy-mm-dd`, `M/d/yyyy H:mm:ss`, `mmm d`, `AM/PM`, …).
 */

import { dayParts, UNIX_EPOCH_DAY } from "./calendar";

/** The format Sheets reports for a cell nobody formatted. */
export const GENERAL = "General";
export const PLAIN_TEXT = "@";
export const DEFAULT_DATE_FORMAT = "M/d/yyyy";
export const DEFAULT_DATE_TIME_FORMAT = "M/d/yyyy H:mm:ss";

/** A format error value (`#N/A`, `#ERROR!`…) as a formula produced it. */
export interface CellErrorValue {
  readonly error: string;
  readonly message?: string;
}

export type DisplayInput = number | string | boolean | CellErrorValue | null | undefined;

/** Removes quoted literals, escapes and bracketed colours so tokens can be inspected. */
function stripLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
}

const dateCache = new Map<string, boolean>();

/** Whether a format shows a serial number as a date and/or time. */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === "") return false;
  let cached = dateCache.get(format);
  if (cached === undefined) {
    const bare = stripLiterals(format)
      .replace(/general/gi, "")
      .replace(/e[+-]/gi, "")
      .replace(/am\/pm|a\/p/gi, "h");
    cached = /[ydhms]/i.test(bare);
    dateCache.set(format, cached);
  }
  return cached;
}

/** Splits a format into its `;` sections, leaving quoted and escaped semicolons alone. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      const end = close === -1 ? format.length : close + 1;
      current += format.slice(i, end);
      i = end - 1;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** General: integers as they are, other numbers to ten significant digits, huge/tiny in E notation. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mantissa = "0", exponent = "0"] = value.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "");
    const exp = Number(exponent);
    return `${trimmed}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (Number.isInteger(value)) return String(value);
  const precise = Number(value.toPrecision(10));
  const text = String(precise);
  if (!text.includes("e")) return text;
  return precise.toFixed(10).replace(/\.?0+$/, "");
}

/**
 * `abs` × 10^shift written with `places` decimals, rounded half away from zero in decimal (1.005
 * shows as 1.01, as in Sheets), as [integer digits, decimal digits]. Works on the shortest
 * decimal digits of the double, so every magnitude keeps its digits: 1e22 is
 * "10000000000000000000000", never "1e+22" as `toFixed` would give past 1e21.
 */
function decimalFixed(abs: number, shift: number, places: number): [string, string] {
  if (abs === 0) return ["0", "0".repeat(places)];
  const [mantissa = "0", exponent = "0"] = abs.toExponential().split("e");
  let digits = mantissa.replace(".", "");
  let point = Number(exponent) + 1 + shift;
  const keep = point + places;
  if (keep < 0) return ["0", "0".repeat(places)];
  if (keep < digits.length) {
    const roundUp = Number(digits[keep]) >= 5;
    const kept = digits.slice(0, keep).split("").map(Number);
    if (roundUp) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === 9) kept[i--] = 0;
      if (i < 0) {
        kept.unshift(1);
        point++;
      } else kept[i] = (kept[i] as number) + 1;
    }
    digits = kept.join("");
  }
  digits = digits.padEnd(point + places, "0");
  if (point <= 0) return ["0", "0".repeat(-point) + digits];
  return [digits.slice(0, point), digits.slice(point)];
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  integerZeros: number;
  integerPlaceholders: number;
  decimals: string; // the placeholder characters after the point, e.g. "00#"
  grouping: boolean;
  scale: number;
  percent: number;
  exponent: { sign: "+" | "-"; digits: number } | undefined;
  hasDigits: boolean;
}

function literalText(section: string, i: number): { text: string; next: number } | undefined {
  const ch = section[i] as string;
  if (ch === '"') {
    const close = section.indexOf('"', i + 1);
    const end = close === -1 ? section.length : close;
    return { text: section.slice(i + 1, end), next: end + 1 };
  }
  if (ch === "\\") return { text: section[i + 1] ?? "", next: i + 2 };
  if (ch === "_") return { text: " ", next: i + 2 };
  if (ch === "*") return { text: "", next: i + 2 };
  if (ch === "[") {
    const close = section.indexOf("]", i);
    return { text: "", next: close === -1 ? section.length : close + 1 };
  }
  return undefined;
}

function parseNumberPattern(section: string): NumberPattern {
  const pattern: NumberPattern = {
    prefix: "",
    suffix: "",
    integerZeros: 0,
    integerPlaceholders: 0,
    decimals: "",
    grouping: false,
    scale: 1,
    percent: 0,
    exponent: undefined,
    hasDigits: false,
  };
  let stage: "prefix" | "integer" | "decimal" | "exponent" | "suffix" = "prefix";
  let pendingCommas = 0;
  let i = 0;
  while (i < section.length) {
    const literal = literalText(section, i);
    if (literal !== undefined) {
      if (stage === "prefix") pattern.prefix += literal.text;
      else pattern.suffix += literal.text;
      if (stage !== "prefix") stage = "suffix";
      i = literal.next;
      continue;
    }
    const ch = section[i] as string;
    if (ch === "0" || ch === "#" || ch === "?") {
      pattern.hasDigits = true;
      if (stage === "prefix" || stage === "integer") {
        if (pendingCommas > 0) pattern.grouping = true;
        pendingCommas = 0;
        stage = "integer";
        pattern.integerPlaceholders++;
        if (ch === "0") pattern.integerZeros++;
      } else if (stage === "decimal") {
        pattern.decimals += ch;
      } else if (stage === "exponent" && pattern.exponent !== undefined) {
        pattern.exponent.digits++;
      } else {
        pattern.suffix += ch;
      }
    } else if (ch === "." && (stage === "prefix" || stage === "integer")) {
      if (pendingCommas > 0) pattern.scale /= 1000 ** pendingCommas;
      pendingCommas = 0;
      pattern.hasDigits = true;
      stage = "decimal";
    } else if (ch === "," && (stage === "integer" || stage === "decimal")) {
      if (stage === "integer") pendingCommas++;
      else pattern.scale /= 1000;
    } else if ((ch === "E" || ch === "e") && (section[i + 1] === "+" || section[i + 1] === "-")) {
      if (pendingCommas > 0) pattern.scale /= 1000 ** pendingCommas;
      pendingCommas = 0;
      pattern.exponent = { sign: section[i + 1] as "+" | "-", digits: 0 };
      stage = "exponent";
      i += 2;
      continue;
    } else if (ch === "%") {
      pattern.percent++;
      if (stage === "prefix") pattern.prefix += "%";
      else {
        pattern.suffix += "%";
        stage = "suffix";
      }
    } else if (stage === "prefix") {
      pattern.prefix += ch;
    } else {
      if (pendingCommas > 0) {
        pattern.scale /= 1000 ** pendingCommas;
        pendingCommas = 0;
      }
      pattern.suffix += ch;
      stage = "suffix";
    }
    i++;
  }
  if (pendingCommas > 0) pattern.scale /= 1000 ** pendingCommas;
  return pattern;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function renderNumber(value: number, pattern: NumberPattern, showSign: boolean): string {
  if (!pattern.hasDigits)
    return (showSign && value < 0 ? "-" : "") + pattern.prefix + pattern.suffix;
  // Percent and thousands scaling move the decimal point of the digits, never overflow them.
  let shift = 2 * pattern.percent + Math.round(Math.log10(pattern.scale));
  let magnitude = Math.abs(value);
  let exponentText = "";
  if (pattern.exponent !== undefined) {
    const scaled = magnitude * 10 ** shift;
    let exp = scaled === 0 ? 0 : Math.floor(Math.log10(scaled));
    const intDigits = Math.max(1, pattern.integerPlaceholders);
    exp -= intDigits - 1;
    magnitude = scaled / 10 ** exp;
    shift = 0;
    const sign = exp < 0 ? "-" : pattern.exponent.sign === "+" ? "+" : "";
    exponentText = `E${sign}${String(Math.abs(exp)).padStart(Math.max(1, pattern.exponent.digits), "0")}`;
  }
  const places = pattern.decimals.length;
  let [intPart, fracPart] = decimalFixed(magnitude, shift, places);
  const isZero = /^0*$/.test(intPart + fracPart);
  if (intPart === "0" && pattern.integerZeros === 0) intPart = "";
  if (intPart.length < pattern.integerZeros) intPart = intPart.padStart(pattern.integerZeros, "0");
  if (pattern.grouping) intPart = groupThousands(intPart);
  // Optional decimal places (#, ?) drop trailing zeros; required ones (0) keep them.
  let frac = fracPart.split("");
  for (let k = places - 1; k >= 0; k--) {
    const placeholder = pattern.decimals[k];
    if (placeholder === "0" || frac[k] !== "0") break;
    frac[k] = placeholder === "?" ? " " : "";
  }
  frac = frac.filter((d) => d !== "");
  const text = places > 0 ? `${intPart}.${frac.join("")}` : intPart;
  const negative = showSign && value < 0 && !isZero;
  return (negative ? "-" : "") + pattern.prefix + text + exponentText + pattern.suffix;
}

/** English month names, shared by number formats and `Utilities.formatDate`. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

interface DateToken {
  kind: "literal" | "y" | "m" | "d" | "h" | "min" | "s" | "frac" | "ampm";
  text: string;
}

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < section.length) {
    const literal = literalText(section, i);
    if (literal !== undefined) {
      tokens.push({ kind: "literal", text: literal.text });
      i = literal.next;
      continue;
    }
    const rest = section.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm !== null) {
      tokens.push({ kind: "ampm", text: ampm[0] });
      i += ampm[0].length;
      continue;
    }
    const ch = section[i] as string;
    const lower = ch.toLowerCase();
    if ("ymdhs".includes(lower)) {
      let j = i;
      while (j < section.length && (section[j] as string).toLowerCase() === lower) j++;
      const run = section.slice(i, j);
      tokens.push({ kind: lower as DateToken["kind"], text: run });
      i = j;
      continue;
    }
    if (ch === "." && /^\.0+/.test(rest)) {
      const run = /^\.0+/.exec(rest)?.[0] ?? ".0";
      tokens.push({ kind: "frac", text: run });
      i += run.length;
      continue;
    }
    tokens.push({ kind: "literal", text: ch });
    i++;
  }
  // "m" right after an hour or right before seconds is minutes, not month.
  const significant = tokens
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => t.kind !== "literal");
  for (let k = 0; k < significant.length; k++) {
    const current = significant[k];
    if (current === undefined || current.t.kind !== "m" || current.t.text.length > 2) continue;
    const prev = significant[k - 1]?.t.kind;
    const next = significant[k + 1]?.t.kind;
    if (prev === "h" || next === "s") current.t.kind = "min";
  }
  return tokens;
}

function renderDate(serial: number, section: string): string {
  const tokens = tokenizeDate(section);
  const hasAmPm = tokens.some((t) => t.kind === "ampm");
  const fracDigits = tokens.find((t) => t.kind === "frac")?.text.length;
  const precision = fracDigits === undefined ? 1 : 10 ** (fracDigits - 1);
  // Round to the smallest unit shown (seconds, or the fraction's digits), as Sheets does.
  const unitsPerDay = 86_400 * precision;
  const totalUnits = Math.round(serial * unitsPerDay);
  const day = Math.floor(totalUnits / unitsPerDay);
  const unitsOfDay = totalUnits - day * unitsPerDay;
  const secondsOfDay = Math.floor(unitsOfDay / precision);
  const fraction = unitsOfDay - secondsOfDay * precision;
  const parts = dayParts(day);
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay % 3600) / 60);
  const second = secondsOfDay % 60;
  let out = "";
  for (const token of tokens) {
    const n = token.text.length;
    switch (token.kind) {
      case "literal":
        out += token.text;
        break;
      case "y":
        out +=
          n <= 2 ? String(parts.year % 100).padStart(2, "0") : String(parts.year).padStart(4, "0");
        break;
      case "m":
        if (n === 1) out += String(parts.month);
        else if (n === 2) out += String(parts.month).padStart(2, "0");
        else if (n === 3) out += MONTHS[parts.month - 1]?.slice(0, 3) ?? "";
        else if (n === 5) out += MONTHS[parts.month - 1]?.slice(0, 1) ?? "";
        else out += MONTHS[parts.month - 1] ?? "";
        break;
      case "d":
        if (n === 1) out += String(parts.day);
        else if (n === 2) out += String(parts.day).padStart(2, "0");
        else if (n === 3) out += WEEKDAYS[parts.weekday - 1]?.slice(0, 3) ?? "";
        else out += WEEKDAYS[parts.weekday - 1] ?? "";
        break;
      case "h": {
        const shown = hasAmPm ? ((hour + 11) % 12) + 1 : hour;
        out += n >= 2 ? String(shown).padStart(2, "0") : String(shown);
        break;
      }
      case "min":
        out += n >= 2 ? String(minute).padStart(2, "0") : String(minute);
        break;
      case "s":
        out += n >= 2 ? String(second).padStart(2, "0") : String(second);
        break;
      case "frac":
        out += `.${String(fraction).padStart(n - 1, "0")}`;
        break;
      case "ampm": {
        const pm = hour >= 12;
        const upper = token.text[0] === "A";
        const text = token.text.length > 3 ? (pm ? "PM" : "AM") : pm ? "P" : "A";
        out += upper ? text : text.toLowerCase();
        break;
      }
    }
  }
  return out;
}

/** Sheets' epoch serial of a JS timestamp read as UTC wall-clock time. */
export function serialOfUtcWallClock(epochMs: number): number {
  return epochMs / 86_400_000 + UNIX_EPOCH_DAY;
}

/**
 * The text Sheets shows for a value under a number format (`getDisplayValue`). Dates are
 * serial numbers here, already in the spreadsheet's wall-clock time.
 */
export function formatDisplay(value: DisplayInput, format: string | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const fmt = format === undefined || format === "" ? GENERAL : format;
  const parts = sections(fmt);
  if (typeof value === "string") {
    const textSection = parts.length >= 4 ? parts[3] : parts.find((p) => p.includes("@"));
    if (textSection === undefined) return value;
    let out = "";
    let i = 0;
    while (i < textSection.length) {
      const literal = literalText(textSection, i);
      if (literal !== undefined) {
        out += literal.text;
        i = literal.next;
        continue;
      }
      out += textSection[i] === "@" ? value : textSection[i];
      i++;
    }
    return out;
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = parts[0] ?? GENERAL;
  let showSign = true;
  if (value < 0 && parts.length >= 2) {
    section = parts[1] ?? section;
    showSign = false;
  } else if (value === 0 && parts.length >= 3) {
    section = parts[2] ?? section;
  }
  const bare = stripLiterals(section).trim();
  if (bare === "" && section.trim() === "") return "";
  if (/^general$/i.test(bare) || bare === "@") {
    const text = formatGeneral(showSign ? value : Math.abs(value));
    return bare === "@" ? text : section.replace(/general/i, text).replace(/"/g, "");
  }
  if (isDateFormat(section)) return renderDate(value, section);
  return renderNumber(value, parseNumberPattern(section), showSign);
}
