/**
 * The script-level services: `SpreadsheetApp`, `ScriptApp`, `Session`, `Utilities`, `Logger`,
 * `console` and the `Charts` enums. Each is built per execution (auth mode and user).
 */

import { type Execution, gas, type Host, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";
import { MONTHS } from "./numberFormat";
import {
  CHART_TYPE,
  EmuConditionalFormatRuleBuilder,
  EmuDataValidationBuilder,
  EmuUser,
} from "./sheetObjects";
import type { SheetsContext } from "./spreadsheet";
import { EmuSpreadsheet } from "./spreadsheet";
import { wallClock } from "./timezone";
import { EmuTrigger, EmuTriggerBuilder, type TriggerHost } from "./triggers";
import { EmuUi } from "./ui";

const enumOf = <T extends string>(...names: T[]): Readonly<Record<T, T>> =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

export const AUTH_MODE = enumOf("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");

const SPREADSHEET_ENUMS = {
  DataValidationCriteria: enumOf(
    "DATE_AFTER",
    "DATE_BEFORE",
    "DATE_BETWEEN",
    "DATE_EQUAL_TO",
    "DATE_IS_VALID_DATE",
    "DATE_NOT_BETWEEN",
    "DATE_ON_OR_AFTER",
    "DATE_ON_OR_BEFORE",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_IS_VALID_EMAIL",
    "TEXT_IS_VALID_URL",
    "VALUE_IN_LIST",
    "VALUE_IN_RANGE",
    "CUSTOM_FORMULA",
    "CHECKBOX",
  ),
  BooleanCriteria: enumOf(
    "CELL_EMPTY",
    "CELL_NOT_EMPTY",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_STARTS_WITH",
    "TEXT_ENDS_WITH",
    "CUSTOM_FORMULA",
  ),
  ProtectionType: enumOf("RANGE", "SHEET"),
  DeveloperMetadataVisibility: enumOf("DOCUMENT", "PROJECT"),
  DeveloperMetadataLocationType: enumOf("SPREADSHEET", "SHEET", "ROW", "COLUMN"),
  Dimension: enumOf("COLUMNS", "ROWS"),
  WrapStrategy: enumOf("WRAP", "OVERFLOW", "CLIP"),
};

type SpreadsheetAppMethods =
  | "flush"
  | "getActiveRange"
  | "getActive"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation";

export class EmuSpreadsheetApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppMethods>
{
  readonly [SERVICE_NAME] = "SpreadsheetApp";
  readonly DataValidationCriteria = SPREADSHEET_ENUMS.DataValidationCriteria;
  readonly BooleanCriteria = SPREADSHEET_ENUMS.BooleanCriteria;
  readonly ProtectionType = SPREADSHEET_ENUMS.ProtectionType;
  readonly DeveloperMetadataVisibility = SPREADSHEET_ENUMS.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = SPREADSHEET_ENUMS.DeveloperMetadataLocationType;
  readonly Dimension = SPREADSHEET_ENUMS.Dimension;
  readonly WrapStrategy = SPREADSHEET_ENUMS.WrapStrategy;
  readonly #ctx: SheetsContext;

  constructor(ctx: SheetsContext) {
    super();
    this.#ctx = ctx;
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return new EmuSpreadsheet(this.#ctx).getActiveSheet();
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return new EmuSpreadsheet(this.#ctx)
      .getActiveSheet()
      .getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return gas(new EmuUi(this.#ctx.ui, this.#ctx.exec));
  }

  flush(): void {
    this.#ctx.host.recalculate();
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return gas(new EmuDataValidationBuilder(this.#ctx));
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return gas(new EmuConditionalFormatRuleBuilder(this.#ctx));
  }
}

export class EmuAuthorizationInfo
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Script.AuthorizationInfo,
      "getAuthorizationStatus" | "getAuthorizationUrl"
    >
{
  readonly [SERVICE_NAME] = "AuthorizationInfo";

  constructor(
    private readonly required: boolean,
    private readonly url: string,
  ) {
    super();
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return (this.required
      ? "REQUIRED"
      : "NOT_REQUIRED") as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  getAuthorizationUrl(): string {
    return this.url;
  }
}

export interface ScriptAppHost extends TriggerHost {
  readonly scriptId: string;
  /** Whether a user has granted the add-on's scopes. */
  isAuthorized(user: string): boolean;
}

type ScriptAppMethods =
  | "deleteTrigger"
  | "getAuthorizationInfo"
  | "getOAuthToken"
  | "getProjectTriggers"
  | "getScriptId"
  | "getUserTriggers"
  | "newTrigger";

export class EmuScriptApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppMethods>
{
  readonly [SERVICE_NAME] = "ScriptApp";
  readonly AuthMode = AUTH_MODE;
  readonly AuthorizationStatus = enumOf("REQUIRED", "NOT_REQUIRED");
  readonly EventType = enumOf(
    "CLOCK",
    "ON_OPEN",
    "ON_EDIT",
    "ON_FORM_SUBMIT",
    "ON_CHANGE",
    "ON_EVENT_UPDATED",
  );
  readonly TriggerSource = enumOf("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR");
  readonly WeekDay = enumOf(
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
  );
  readonly #host: ScriptAppHost;
  readonly #exec: Execution;

  constructor(host: ScriptAppHost, exec: Execution) {
    super();
    this.#host = host;
    this.#exec = exec;
  }

  getScriptId(): string {
    return this.#host.scriptId;
  }

  getOAuthToken(): string {
    return `emulated-oauth-token-for-${this.#exec.user}`;
  }

  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    const mode = String(authMode);
    const required = mode === "FULL" && !this.#host.isAuthorized(this.#exec.user);
    const url = `https://script.google.com/macros/d/${this.#host.scriptId}/authorize`;
    return gas(new EmuAuthorizationInfo(required, url));
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return gas(new EmuTriggerBuilder(this.#host, this.#exec, String(functionName)));
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.#host.triggers
      .forUser(this.#exec.user)
      .map((t) => gas(new EmuTrigger(t, this.#host.documentId)));
  }

  getUserTriggers(_spreadsheet: unknown): GoogleAppsScript.Script.Trigger[] {
    return this.getProjectTriggers();
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const uid = EmuTrigger.uidOf(trigger);
    const record = this.#host.triggers.get(uid);
    if (record === undefined) return;
    if (record.user !== this.#exec.user) {
      throw new AppsScriptError("You do not have permission to delete this trigger.");
    }
    this.#host.triggers.remove(uid);
  }
}

export interface SessionHost {
  readonly scriptTimeZone: string;
  readonly locale: string;
}

export class EmuSession
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      | "getActiveUser"
      | "getActiveUserLocale"
      | "getEffectiveUser"
      | "getScriptTimeZone"
      | "getTemporaryActiveUserKey"
    >
{
  readonly [SERVICE_NAME] = "Session";
  readonly #host: SessionHost;
  readonly #exec: Execution;

  constructor(host: SessionHost, exec: Execution) {
    super();
    this.#host = host;
    this.#exec = exec;
  }

  /** Custom functions do not learn who is looking at the sheet: the address is empty. */
  getActiveUser(): GoogleAppsScript.Base.User {
    return gas(new EmuUser(this.#exec.authMode === "CUSTOM_FUNCTION" ? "" : this.#exec.user));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return gas(new EmuUser(this.#exec.authMode === "CUSTOM_FUNCTION" ? "" : this.#exec.user));
  }

  getActiveUserLocale(): string {
    return this.#host.locale.split("_")[0] ?? "en";
  }

  getScriptTimeZone(): string {
    return this.#host.scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    let hash = 0;
    for (const ch of this.#exec.user) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `temp-${hash.toString(36)}`;
  }
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function validZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    // Java's TimeZone.getTimeZone falls back to GMT for a name it does not know.
    return "UTC";
  }
}

function offsetText(minutes: number, style: "Z" | "X" | "XX" | "XXX"): string {
  if (minutes === 0 && style !== "Z") return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  if (style === "X") return `${sign}${hh}`;
  if (style === "XXX") return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** Java SimpleDateFormat, as `Utilities.formatDate` uses it. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const zone = validZone(timeZone);
  const ms = date.getTime();
  const w = wallClock(zone, ms);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = Math.round((wallMs - Math.floor(ms / 1000) * 1000) / 60_000);
  const millis = ((ms % 1000) + 1000) % 1000;
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const dayOfYear =
    Math.floor((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000) + 1;
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const end = close === -1 ? pattern.length : close;
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    const n = j - i;
    const pad = (value: number) => String(value).padStart(n, "0");
    switch (ch) {
      case "y":
      case "Y":
        out += n === 2 ? String(w.year % 100).padStart(2, "0") : pad(w.year);
        break;
      case "M":
      case "L":
        out +=
          n >= 4
            ? (MONTHS[w.month - 1] ?? "")
            : n === 3
              ? (MONTHS[w.month - 1] ?? "").slice(0, 3)
              : pad(w.month);
        break;
      case "d":
        out += pad(w.day);
        break;
      case "D":
        out += pad(dayOfYear);
        break;
      case "E":
        out += n >= 4 ? (DAYS[weekday] ?? "") : (DAYS[weekday] ?? "").slice(0, 3);
        break;
      case "u":
        out += pad(weekday === 0 ? 7 : weekday);
        break;
      case "a":
        out += w.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(w.hour);
        break;
      case "k":
        out += pad(w.hour === 0 ? 24 : w.hour);
        break;
      case "K":
        out += pad(w.hour % 12);
        break;
      case "h":
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12);
        break;
      case "m":
        out += pad(w.minute);
        break;
      case "s":
        out += pad(w.second);
        break;
      case "S":
        out += String(millis).padStart(3, "0").slice(0, Math.max(3, n)).padStart(n, "0");
        break;
      case "Z":
        out += offsetText(offset, "Z");
        break;
      case "X":
        out += offsetText(offset, n === 1 ? "X" : n === 2 ? "XX" : "XXX");
        break;
      case "z": {
        const name = new Intl.DateTimeFormat("en-US", {
          timeZone: zone,
          timeZoneName: n >= 4 ? "long" : "short",
        })
          .formatToParts(date)
          .find((p) => p.type === "timeZoneName")?.value;
        out += name ?? offsetText(offset, "XXX");
        break;
      }
      case "G":
        out += w.year > 0 ? "AD" : "BC";
        break;
      default:
        throw new AppsScriptError(`Illegal pattern character '${ch}'`);
    }
    i = j;
  }
  return out;
}

/** `Utilities.formatString`: sprintf with %s, %d, %i, %f (with precision) and %%. */
export function formatString(template: string, args: readonly unknown[]): string {
  let index = 0;
  return String(template).replace(
    /%(-?\d+)?(?:\.(\d+))?([sdif%])/g,
    (_m, width, precision, kind) => {
      if (kind === "%") return "%";
      const value = args[index++];
      let text: string;
      if (kind === "s") text = String(value);
      else if (kind === "d" || kind === "i") text = String(Math.trunc(Number(value)));
      else text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
      if (width !== undefined) {
        const w = Number(width);
        text = w < 0 ? text.padEnd(-w) : text.padStart(w);
      }
      return text;
    },
  );
}

type UtilitiesMethods = "formatDate" | "formatString" | "getUuid" | "sleep" | "base64Encode";

export class EmuUtilities
  extends ServiceObject
  implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods>
{
  readonly [SERVICE_NAME] = "Utilities";
  readonly #host: Pick<Host, "advance">;
  readonly #uuid: () => string;

  constructor(host: Pick<Host, "advance">, uuid: () => string) {
    super();
    this.#host = host;
    this.#uuid = uuid;
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    const value = date as unknown as Date;
    if (Object.prototype.toString.call(value) !== "[object Date]") {
      throw new AppsScriptError(
        "The parameters don't match the method signature for Utilities.formatDate.",
      );
    }
    return formatJavaDate(value, String(timeZone), String(format));
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }

  getUuid(): string {
    return this.#uuid();
  }

  sleep(milliseconds: number): void {
    if (milliseconds > 300_000) throw new AppsScriptError("Sleep time out of range.");
    this.#host.advance(Math.max(0, milliseconds));
  }

  base64Encode(data: unknown): string {
    const bytes =
      typeof data === "string"
        ? Buffer.from(data, "utf8")
        : Buffer.from((data as number[]).map((b) => b & 0xff));
    return bytes.toString("base64");
  }
}

export interface LogRecord {
  readonly level: "log" | "info" | "warn" | "error";
  readonly message: string;
  readonly at: Date;
}

function logText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Object.prototype.toString.call(value) === "[object Date]") return String(value);
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class EmuLogger
  extends ServiceObject
  implements Pick<GoogleAppsScript.Base.Logger, "clear" | "getLog" | "log">
{
  readonly [SERVICE_NAME] = "Logger";
  readonly #logs: LogRecord[];
  readonly #now: () => number;
  #start: number;

  constructor(logs: LogRecord[], now: () => number) {
    super();
    this.#logs = logs;
    this.#now = now;
    this.#start = logs.length;
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message = values.length > 0 ? formatString(String(data), values) : logText(data);
    this.#logs.push({ level: "log", message, at: new Date(this.#now()) });
    return gas(this);
  }

  getLog(): string {
    return this.#logs
      .slice(this.#start)
      .filter((r) => r.level === "log")
      .map((r) => r.message)
      .join("\n");
  }

  clear(): void {
    this.#start = this.#logs.length;
  }
}

export class EmuConsole extends ServiceObject {
  readonly [SERVICE_NAME] = "console";
  readonly #logs: LogRecord[];
  readonly #now: () => number;

  constructor(logs: LogRecord[], now: () => number) {
    super();
    this.#logs = logs;
    this.#now = now;
  }

  #push(level: LogRecord["level"], args: unknown[]): void {
    this.#logs.push({ level, message: args.map(logText).join(" "), at: new Date(this.#now()) });
  }

  log(...args: unknown[]): void {
    this.#push("log", args);
  }

  info(...args: unknown[]): void {
    this.#push("info", args);
  }

  warn(...args: unknown[]): void {
    this.#push("warn", args);
  }

  error(...args: unknown[]): void {
    this.#push("error", args);
  }
}

/** The `Charts` global: only its enums are used by embedded-chart builders. */
export class EmuCharts extends ServiceObject {
  readonly [SERVICE_NAME] = "Charts";
  readonly ChartType = CHART_TYPE;
  readonly Position = enumOf("TOP", "RIGHT", "BOTTOM", "NONE");
}
