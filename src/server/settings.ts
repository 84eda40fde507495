/**
 * The `Settings` sheet read into typed values (SPEC §3 Settings). Settings are rows found by
 * label, not columns; a missing or blank setting takes its default, and a bad one is reported by
 * row and replaced by its default, so one typo never stops the daily check.
 */

// zod/mini: the classic API is one object that esbuild cannot tree-shake, and would put all of zod
// (about 800 KB with its locales) into dist/Code.js.
import * as z from "zod/mini";
import { type Day, type DayConverter, readDay } from "../core/dates";
import { cellText } from "../core/registry";
import { describeValue, isBlank, readNumber } from "../core/values";
import { planSettings } from "./plan";
import { Table, TableRowError, type TableSheet } from "./table";
import { columnSpecOf, SETTINGS, SETTINGS_COLUMNS, type SettingKey } from "./workbook";

export interface Settings {
  /** `undefined` when blank: the computations then use today. */
  readonly asOf: Day | undefined;
  readonly atRiskGap: number;
  readonly offTrackGap: number;
  readonly graceDays: number;
  readonly repeatDays: number;
  readonly escalate: boolean;
  readonly managerEmail: string;
  readonly checkHour: number;
  readonly lastRun: Date | undefined;
  readonly lastRunSummary: string;
}

export interface SettingsRead {
  readonly settings: Settings;
  /** 1-based sheet row of each setting found, for writing a value back (e.g. Last run). */
  readonly rows: Readonly<Partial<Record<SettingKey, number>>>;
  /** 1-based sheet column of the values; `undefined` when the sheet has no Value column. */
  readonly valueColumn: number | undefined;
  readonly errors: readonly TableRowError[];
}

function numberIn(label: string, min: number, max: number, whole: boolean) {
  return unknownThen((value, ctx) => {
    const parsed = readNumber(value);
    if (
      parsed === undefined ||
      parsed < min ||
      parsed > max ||
      (whole && !Number.isInteger(parsed))
    ) {
      const range = max === Number.POSITIVE_INFINITY ? `${min} or more` : `from ${min} to ${max}`;
      ctx.addIssue(
        `${label} ${describeValue(value)} is not ${whole ? "a whole number" : "a number"} ${range}`,
      );
      return z.NEVER;
    }
    return parsed;
  });
}

/** Reports why a cell cannot be read; the reader then returns `z.NEVER`. */
interface Problems {
  addIssue(message: string): void;
}

/** Any cell value, read by `read`, which reports a problem with `problems.addIssue`. */
function unknownThen<T>(read: (value: unknown, problems: Problems) => T) {
  return z.pipe(
    z.unknown(),
    z.transform((value, payload) =>
      read(value, {
        addIssue: (message) => {
          payload.issues.push({ code: "custom", message, input: value });
        },
      }),
    ),
  );
}

const EMAIL = z.email();

const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  on: true,
  false: false,
  no: false,
  off: false,
};

function schemas(zone: DayConverter): Record<SettingKey, z.ZodMiniType<unknown>> {
  return {
    asOf: unknownThen((value, ctx) => {
      const parsed = readDay(value, zone);
      if (parsed === undefined) {
        ctx.addIssue(`As of ${describeValue(value)} is not a date`);
        return z.NEVER;
      }
      return parsed;
    }),
    atRiskGap: numberIn("At-risk gap", 0, 1, false),
    offTrackGap: numberIn("Off-track gap", 0, 1, false),
    graceDays: numberIn("Check-in grace days", 0, Number.POSITIVE_INFINITY, true),
    repeatDays: numberIn("Repeat reminders every N days", 1, Number.POSITIVE_INFINITY, true),
    escalate: unknownThen((value, ctx) => {
      if (typeof value === "boolean") return value;
      const parsed = BOOLEAN_WORDS[cellText(value).toLowerCase()];
      if (parsed === undefined) {
        ctx.addIssue(`Escalate to parent owner ${describeValue(value)} is not TRUE or FALSE`);
        return z.NEVER;
      }
      return parsed;
    }),
    managerEmail: unknownThen((value, ctx) => {
      const text = cellText(value);
      if (!EMAIL.safeParse(text).success) {
        ctx.addIssue(`Manager e-mail ${describeValue(value)} is not an e-mail address`);
        return z.NEVER;
      }
      return text;
    }),
    checkHour: numberIn("Daily check hour", 0, 23, true),
    lastRun: unknownThen((value, ctx) => {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
      ctx.addIssue(`Last run ${describeValue(value)} is not a date and time`);
      return z.NEVER;
    }),
    lastRunSummary: unknownThen(cellText),
  };
}

function initial<T extends number | boolean>(key: SettingKey, type: "number" | "boolean"): T {
  const value = SETTINGS.find((def) => def.key === key)?.initial;
  if (typeof value !== type) throw new Error(`setting ${key} has no ${type} default`);
  return value as T;
}

/** The values setup writes are the defaults used when a setting is blank or missing. */
const DEFAULTS: Settings = {
  asOf: undefined,
  atRiskGap: initial("atRiskGap", "number"),
  offTrackGap: initial("offTrackGap", "number"),
  graceDays: initial("graceDays", "number"),
  repeatDays: initial("repeatDays", "number"),
  escalate: initial("escalate", "boolean"),
  managerEmail: "",
  checkHour: initial("checkHour", "number"),
  lastRun: undefined,
  lastRunSummary: "",
};

/** Reads settings from values already read (header row first). */
export function parseSettings(
  table: Table<"setting" | "value" | "about">,
  zone: DayConverter,
): SettingsRead {
  const labels = Array.from({ length: table.size }, (_, i) => table.cells(i).setting);
  const plan = planSettings(labels);
  const parsers = schemas(zone);
  const settings: Record<string, unknown> = { ...DEFAULTS };
  const rows: Partial<Record<SettingKey, number>> = {};
  const errors: TableRowError[] = [];
  for (const def of SETTINGS) {
    const index = plan.found.get(def.key);
    if (index === undefined) continue;
    const row = index + 2;
    rows[def.key] = row;
    const value = table.cells(index).value;
    if (isBlank(value)) continue;
    const parsed = parsers[def.key].safeParse(value);
    if (parsed.success) settings[def.key] = parsed.data;
    else {
      const problem = parsed.error.issues[0]?.message ?? "cannot be read";
      errors.push(
        new TableRowError(table.sheetName, row, `${problem}; using ${describeDefault(def.key)}`),
      );
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const column = table.columns.value;
  return {
    settings: settings as unknown as Settings,
    rows,
    valueColumn: column === undefined ? undefined : column + 1,
    errors,
  };
}

function describeDefault(key: SettingKey): string {
  const value = DEFAULTS[key];
  return value === undefined || value === "" ? "blank" : `the default ${describeValue(value)}`;
}

/** Reads the Settings sheet with one `getValues` call. */
export function readSettings(sheet: TableSheet, zone: DayConverter): SettingsRead {
  return parseSettings(Table.read(sheet, columnSpecOf(SETTINGS_COLUMNS)), zone);
}

/**
 * Writes the daily check's Last run and Last run summary: one `setValues` when the two rows are
 * next to each other, as setup writes them. Settings a user deleted are not written.
 */
export function writeLastRun(
  sheet: Pick<GoogleAppsScript.Spreadsheet.Sheet, "getRange">,
  read: SettingsRead,
  at: Date,
  summary: string,
): void {
  const column = read.valueColumn;
  if (column === undefined) return;
  const runRow = read.rows.lastRun;
  const summaryRow = read.rows.lastRunSummary;
  // The summary is our own text, but it may quote a cell: never let it read as a formula.
  const text = /^[=+\-@]/.test(summary) ? `'${summary}` : summary;
  if (runRow !== undefined && summaryRow === runRow + 1) {
    sheet.getRange(runRow, column, 2, 1).setValues([[at], [text]]);
    return;
  }
  if (runRow !== undefined) sheet.getRange(runRow, column).setValue(at);
  if (summaryRow !== undefined) sheet.getRange(summaryRow, column).setValue(text);
}
