/**
 * Runs the built dist/Code.js the way Sheets runs a custom function: in a fresh V8 context whose
 * only Apps Script services are the ones AuthMode.CUSTOM_FUNCTION allows (SPEC §4.1) — the
 * spreadsheet's time zone, the script's time zone and `Utilities.formatDate`. No Node globals
 * (`process`, `require`, `setTimeout`…) exist there, so a bundle that reaches for one fails here
 * as it would in Google. Deliberately independent of the full emulator in emulator/.
 */

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, Script } from "node:vm";
import {
  CUSTOM_FUNCTION_NAMES,
  type CustomFunction,
  type CustomFunctionName,
} from "../../emulator/hyperformula";
import { assertTimeZone, offsetFromWall, wallClock } from "../../emulator/timezone";

export const DIST_DIR = join(__dirname, "..", "..", "dist");
export const CODE_PATH = join(DIST_DIR, "Code.js");

/** The six custom functions of SPEC §4, as the emulator's formula engine registers them. */
export const CUSTOM_FUNCTIONS = CUSTOM_FUNCTION_NAMES;
export type { CustomFunction, CustomFunctionName };

export interface ServiceCalls {
  getSpreadsheetTimeZone: number;
  getScriptTimeZone: number;
  formatDate: number;
}

export interface LoadedBundle {
  /** The context's global object: every top-level declaration of dist/Code.js is on it. */
  readonly globals: Record<string, unknown>;
  readonly functions: Readonly<Record<CustomFunctionName, CustomFunction>>;
  /** How often each service was called since loading (or since `resetServiceCalls`). */
  readonly serviceCalls: Readonly<ServiceCalls>;
  resetServiceCalls(): void;
  setSpreadsheetTimeZone(timeZone: string): void;
}

export interface BundleOptions {
  readonly spreadsheetTimeZone: string;
  /** The manifest's zone, which custom functions must not use for calendar days. */
  readonly scriptTimeZone?: string;
}

let compiled: Script | undefined;

function codeScript(): Script {
  if (compiled === undefined) {
    if (!existsSync(CODE_PATH)) {
      throw new Error(`${CODE_PATH} is missing: run \`npm run build\` first`);
    }
    compiled = new Script(readFileSync(CODE_PATH, "utf8"), { filename: "dist/Code.js" });
  }
  return compiled;
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

function formatOffset(minutes: number, separator: string, zuluForZero: boolean): string {
  if (zuluForZero && minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

/**
 * The subset of Java SimpleDateFormat that `Utilities.formatDate` patterns here use. An unknown
 * letter throws, so a new pattern in src/ fails loudly instead of formatting wrongly.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== "[object Date]" || Number.isNaN(date.getTime())) {
    throw new Error("Utilities.formatDate: the first argument must be a valid Date");
  }
  assertTimeZone(timeZone);
  const ms = date.getTime();
  const wall = wallClock(timeZone, ms);
  const offset = offsetFromWall(wall, ms);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const letter = pattern[i] as string;
    if (letter === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) throw new Error(`Utilities.formatDate: unterminated quote in ${pattern}`);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(letter)) {
      out += letter;
      i++;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === letter) run++;
    i += run;
    switch (letter) {
      case "y":
        out += run === 2 ? pad(wall.year % 100, 2) : pad(wall.year, run);
        break;
      case "M":
        out += pad(wall.month, run);
        break;
      case "d":
        out += pad(wall.day, run);
        break;
      case "H":
        out += pad(wall.hour, run);
        break;
      case "m":
        out += pad(wall.minute, run);
        break;
      case "s":
        out += pad(wall.second, run);
        break;
      case "S":
        out += pad(((ms % 1000) + 1000) % 1000, run);
        break;
      case "Z":
        out += formatOffset(offset, "", false);
        break;
      case "X":
        out += formatOffset(offset, run >= 3 ? ":" : "", true);
        break;
      default:
        throw new Error(`Utilities.formatDate: pattern letter ${letter} is not supported here`);
    }
  }
  return out;
}

/**
 * Loads dist/Code.js into a new context. The context shares the host's `Date` constructor,
 * because in Sheets the `Date`s a function receives and the `Date` it checks them against come
 * from one realm; with the context's own `Date`, `instanceof Date` in the bundle would reject
 * every date cell a test passes in.
 */
export function loadBundle(options: BundleOptions): LoadedBundle {
  let spreadsheetTimeZone = options.spreadsheetTimeZone;
  const scriptTimeZone = options.scriptTimeZone ?? "Etc/UTC";
  assertTimeZone(spreadsheetTimeZone);
  assertTimeZone(scriptTimeZone);
  const calls: ServiceCalls = { getSpreadsheetTimeZone: 0, getScriptTimeZone: 0, formatDate: 0 };
  const spreadsheet = Object.freeze({
    getSpreadsheetTimeZone: () => {
      calls.getSpreadsheetTimeZone++;
      return spreadsheetTimeZone;
    },
  });
  const sandbox: Record<string, unknown> = {
    Date,
    SpreadsheetApp: Object.freeze({
      getActive: () => spreadsheet,
      getActiveSpreadsheet: () => spreadsheet,
    }),
    Session: Object.freeze({
      getScriptTimeZone: () => {
        calls.getScriptTimeZone++;
        return scriptTimeZone;
      },
    }),
    Utilities: Object.freeze({
      formatDate: (date: Date, timeZone: string, pattern: string) => {
        calls.formatDate++;
        return formatDate(date, timeZone, pattern);
      },
    }),
  };
  const context = createContext(sandbox, { name: "Apps Script custom function" });
  codeScript().runInContext(context);
  const functions = Object.fromEntries(
    CUSTOM_FUNCTIONS.map((name) => {
      const fn = sandbox[name];
      if (typeof fn !== "function") throw new Error(`dist/Code.js has no top-level ${name}`);
      return [name, fn as CustomFunction];
    }),
  ) as Record<CustomFunctionName, CustomFunction>;
  return {
    globals: sandbox,
    functions,
    serviceCalls: calls,
    resetServiceCalls() {
      calls.getSpreadsheetTimeZone = 0;
      calls.getScriptTimeZone = 0;
      calls.formatDate = 0;
    },
    setSpreadsheetTimeZone(timeZone: string) {
      assertTimeZone(timeZone);
      spreadsheetTimeZone = timeZone;
    },
  };
}
