/**
 * The daily check (SPEC §6): grades every goal with the shared rollup core, writes the computed
 * block back, flags missed goals, and sends each recipient one digest — at most once, and
 * visibly when a run stopped half-way. The decisions are pure (src/core/notifications.ts); this
 * file reads the sheets once, writes in blocks, and talks to MailApp in the order decided.
 *
 * Service calls do not depend on the number of goals or check-ins: one read of each sheet, one
 * write of the computed block; each e-mail then costs a fixed handful of calls (SPEC §8).
 */

import { clockOf } from "../adapters/clock";
import { tryCheckLock } from "../adapters/lock";
import { remainingMailQuota, sendMail } from "../adapters/mail";
import {
  activeSpreadsheet,
  flushWrites,
  openSpreadsheet,
  spreadsheetUi,
} from "../adapters/spreadsheet";
import {
  createDailyTrigger,
  createOneOffTrigger,
  deleteTrigger,
  type InstalledTrigger,
  readUserRecord,
  triggerNote,
  triggersFor,
  writeUserRecord,
} from "../adapters/triggers";
import { type Day, type DayConverter, formatDay, readDay } from "../core/dates";
import { renderDigest, statusCounts } from "../core/digest";
import {
  type AlertItem,
  failedResult,
  type NotificationPlan,
  type PastAlert,
  planNotifications,
  RESULTS,
} from "../core/notifications";
import { cellText } from "../core/registry";
import { computeRollup, type RollupRow } from "../core/rollup";
import { KpiInputError } from "../core/values";
import { chooseSheets } from "./plan";
import { readSettings, type SettingsRead, writeLastRun } from "./settings";
import { looksLikeFormula, Table, writeColumns } from "./table";
import {
  ALERT_COLUMNS,
  type AlertField,
  AS_OF_NAME,
  columnSpecOf,
  KPI_COLUMNS,
  SHEET_NAMES,
  SHEET_TAG,
  type SheetKey,
} from "./workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The global the trigger calls (src/main.ts exports it under this name). */
export const CHECK_HANDLER = "runDailyCheck";
/** Past this, the run stops sending: 5 of Apps Script's 6 minutes (SPEC §6). */
export const TIME_BUDGET_MS = 5 * 60 * 1000;
/** The continuation of a run that ran out of time starts a minute later. */
export const CONTINUATION_DELAY_MS = 60 * 1000;
/** How long a run waits for another to finish before giving up. */
export const LOCK_WAIT_MS = 10 * 1000;
const TITLE = "SMART KPI";
const LAST_RUN_PREFIX = "smartKpi.lastRun.";

/** What one run did, in numbers, for the caller (tests, the playground) and the summary. */
export interface CheckOutcome {
  readonly ran: boolean;
  /** Why it did not run, or stopped early. */
  readonly reason?: string;
  readonly graded: number;
  readonly sent: number;
  readonly failed: number;
  readonly deferredQuota: number;
  readonly deferredTime: number;
  readonly skipped: number;
  /** Leftover `sending` rows of a stopped run, now marked unknown. */
  readonly unknown: number;
  readonly continuation: boolean;
  readonly summary: string;
}

interface LastRunRecord {
  readonly at: string;
  readonly result: string;
}

/** The time-driven event's field this needs (`e.triggerUid`); a menu click passes nothing. */
interface TriggerEvent {
  readonly triggerUid?: string;
}

function notRun(reason: string): CheckOutcome {
  return {
    ran: false,
    reason,
    graded: 0,
    sent: 0,
    failed: 0,
    deferredQuota: 0,
    deferredTime: 0,
    skipped: 0,
    unknown: 0,
    continuation: false,
    summary: reason,
  };
}

/**
 * Runs the daily check: from the menu ("Run the check now") on the open spreadsheet, or from its
 * time-driven trigger on the spreadsheet stored with the trigger.
 *
 * @param {GoogleAppsScript.Events.TimeDriven} e The trigger's event; absent when run from the menu.
 */
export function runDailyCheck(e?: TriggerEvent): CheckOutcome {
  const started = Date.now();
  const uid = e !== undefined && e !== null && typeof e.triggerUid === "string" ? e.triggerUid : "";
  const byHand = uid === "";
  let spreadsheet: Spreadsheet;
  if (byHand) {
    spreadsheet = activeSpreadsheet();
  } else {
    const note = triggerNote(uid);
    if (note === undefined) {
      // A trigger that does not know its spreadsheet can never do its work: remove it.
      deleteTrigger(uid);
      console.warn(`SMART KPI: trigger ${uid} had no spreadsheet recorded and was removed`);
      return notRun("the trigger did not know its spreadsheet and was removed");
    }
    try {
      spreadsheet = openSpreadsheet(note.spreadsheetId);
    } catch (error) {
      // Deleted, or shared no more: nothing to check, and no sheet to say so in.
      const message = error instanceof Error ? error.message : String(error);
      const outcome = notRun(`stopped: the spreadsheet could not be opened (${message})`);
      recordLastRun(note.spreadsheetId, outcome.summary);
      console.warn(`SMART KPI: ${outcome.summary}`);
      return outcome;
    }
    if (note.kind === "continuation") {
      deleteTrigger(uid);
      if (note.restoreHour !== undefined) {
        createDailyTrigger(
          CHECK_HANDLER,
          note.restoreHour,
          spreadsheet.getSpreadsheetTimeZone(),
          dailyNote(note.spreadsheetId, note.restoreHour),
        );
      }
    }
  }
  const id = spreadsheet.getId();

  const release = tryCheckLock(LOCK_WAIT_MS);
  if (release === undefined) {
    const outcome = notRun("gave up: another run of the check was still going");
    recordLastRun(id, outcome.summary);
    console.warn(`SMART KPI: ${outcome.summary}`);
    if (byHand)
      spreadsheet.toast("The check is already running. Try again in a few minutes.", TITLE);
    return outcome;
  }
  let outcome: CheckOutcome;
  try {
    outcome = check(spreadsheet, started);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = notRun(`stopped: ${message}`);
    if (!(error instanceof CheckStop)) {
      recordLastRun(id, outcome.summary);
      throw error;
    }
  } finally {
    release();
  }
  recordLastRun(id, outcome.summary);
  if (byHand) spreadsheet.toast(outcome.summary, TITLE, 10);
  return outcome;
}

/** A reason the check cannot go on (the workbook is not set up); recorded, not a crash. */
class CheckStop extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckStop";
  }
}

function recordLastRun(spreadsheetId: string, result: string): void {
  const record: LastRunRecord = { at: new Date().toISOString(), result };
  writeUserRecord(LAST_RUN_PREFIX + spreadsheetId, record);
}

// ---------------------------------------------------------------------------------------------
// The check itself

/** The add-on's sheets, found by tag then name, without creating any (setup does that). */
function findSheets(spreadsheet: Spreadsheet): Partial<Record<SheetKey, Sheet>> {
  const sheets = spreadsheet.getSheets();
  const tagOf = new Map<number, string>();
  for (const metadata of spreadsheet.createDeveloperMetadataFinder().withKey(SHEET_TAG).find()) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet !== null) tagOf.set(sheet.getSheetId(), metadata.getValue() ?? "");
  }
  const choices = chooseSheets(
    sheets.map((sheet) => ({ name: sheet.getName(), tag: tagOf.get(sheet.getSheetId()) })),
  );
  const found: Partial<Record<SheetKey, Sheet>> = {};
  for (const key of Object.keys(choices) as SheetKey[]) {
    const choice = choices[key];
    if (choice.kind !== "create") found[key] = sheets[choice.index]!;
  }
  return found;
}

function requireSheets(
  spreadsheet: Spreadsheet,
): Record<"kpis" | "checkins" | "settings" | "alerts", Sheet> {
  const found = findSheets(spreadsheet);
  const needed = ["kpis", "checkins", "settings", "alerts"] as const;
  const missing = needed.filter((key) => found[key] === undefined);
  if (missing.length > 0) {
    throw new CheckStop(
      `the ${missing.map((key) => `"${SHEET_NAMES[key]}"`).join(", ")} sheet${missing.length === 1 ? " is" : "s are"} missing: choose "Set up KPI sheets"`,
    );
  }
  return {
    kpis: found.kpis!,
    checkins: found.checkins!,
    settings: found.settings!,
    alerts: found.alerts!,
  };
}

const ALERT_SPEC = columnSpecOf(ALERT_COLUMNS);
const KPI_SPEC = columnSpecOf(KPI_COLUMNS);

function check(spreadsheet: Spreadsheet, started: number): CheckOutcome {
  const sheets = requireSheets(spreadsheet);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const clock = clockOf(timeZone);
  const zone = clock.zone;
  const now = new Date();
  const today = zone.dayOf(now);

  const settingsRead = readSettings(sheets.settings, zone);
  const settings = settingsRead.settings;
  setAsOf(spreadsheet, sheets.settings, settingsRead, zone.startOf(today));

  const kpiValues = sheets.kpis.getDataRange().getValues();
  const checkinValues = sheets.checkins.getDataRange().getValues();
  const alertValues = sheets.alerts.getDataRange().getValues();

  let rows: RollupRow[];
  try {
    rows = computeRollup(kpiValues, checkinValues, {
      asOf: today,
      zone,
      atRiskGap: settings.atRiskGap,
      offTrackGap: settings.offTrackGap,
    });
  } catch (error) {
    if (error instanceof KpiInputError) throw new CheckStop(error.message);
    throw error;
  }

  const kpiTable = Table.of(sheets.kpis.getName(), kpiValues, KPI_SPEC);
  writeComputedBlock(sheets.kpis, kpiTable, rows, zone, now, today);

  const alerts = new AlertsLog(sheets.alerts, alertValues);
  const plan = planNotifications(rows, alerts.past(zone), settings, today);
  const unknown = alerts.markUnknown(plan.staleSending);

  const context = {
    spreadsheetName: spreadsheet.getName(),
    spreadsheetUrl: spreadsheet.getUrl(),
    kpisSheetId: sheets.kpis.getSheetId(),
    today,
  };
  const delivery = deliver(plan, rows, alerts, context, now, started);

  if (delivery.deferredTime > 0) scheduleContinuation(spreadsheet);

  const outcome: CheckOutcome = {
    ran: true,
    graded: rows.length,
    ...delivery,
    skipped: plan.skipped.length,
    unknown,
    continuation: delivery.deferredTime > 0,
    summary: "",
  };
  const summary = summarize(outcome, rows, today);
  writeLastRun(sheets.settings, settingsRead, now, summary);
  return { ...outcome, summary };
}

/** `KPI_AS_OF` moves to today, so every formula pointing at it recalculates for today. */
function setAsOf(
  spreadsheet: Spreadsheet,
  settingsSheet: Sheet,
  read: SettingsRead,
  today: Date,
): void {
  const named = spreadsheet.getRangeByName(AS_OF_NAME);
  if (named !== null) {
    named.setValue(today);
    return;
  }
  const row = read.rows.asOf;
  if (row !== undefined && read.valueColumn !== undefined) {
    settingsSheet.getRange(row, read.valueColumn).setValue(today);
  }
}

/**
 * Actual, Attainment, Expected, Status, Last check-in and Updated of every row, in one
 * `setValues` (they sit together as setup puts them), and a note on the Status cell of each
 * missed goal saying since when and by how much (one `setNotes` for the column).
 */
function writeComputedBlock(
  sheet: Sheet,
  table: Table<(typeof KPI_COLUMNS)[number]["field"]>,
  rows: readonly RollupRow[],
  zone: DayConverter,
  now: Date,
  today: Day,
): void {
  const size = table.size;
  const blank = (): unknown[] => new Array<unknown>(size).fill("");
  const actual = blank();
  const attainment = blank();
  const expected = blank();
  const status = blank();
  const lastCheckin = blank();
  const updated = blank();
  const notes: string[] = new Array<string>(size).fill("");
  for (const row of rows) {
    const i = row.row - 2;
    if (i < 0 || i >= size) continue;
    actual[i] = row.actual ?? "";
    attainment[i] = row.attainment ?? "";
    expected[i] = row.expected ?? "";
    status[i] = row.statusText;
    lastCheckin[i] = row.lastCheckin === undefined ? "" : zone.startOf(row.lastCheckin);
    updated[i] = now;
    if (row.status === "Missed") {
      const due = row.kpi?.due;
      const reached =
        row.attainment === undefined ? "no data" : `${Math.round(row.attainment * 100)}% reached`;
      notes[i] =
        `Missed: due ${due === undefined ? "?" : formatDay(due)}, ${reached}. Flagged by the daily check on ${formatDay(today)}.`;
    }
  }
  writeColumns(sheet, table, { actual, attainment, expected, status, lastCheckin, updated });
  const statusColumn = table.columns.status;
  if (statusColumn !== undefined && size > 0) {
    sheet.getRange(2, statusColumn + 1, size, 1).setNotes(notes.map((note) => [note]));
  }
}

/** The `Alerts` sheet: read once; rows appended in blocks; only `sending` results changed. */
class AlertsLog {
  private readonly table: Table<AlertField>;
  private readonly width: number;
  private nextRow: number;
  private readonly result: number;

  constructor(
    private readonly sheet: Sheet,
    private readonly values: readonly (readonly unknown[])[],
  ) {
    this.table = Table.of(sheet.getName(), values, ALERT_SPEC);
    const missing = this.table.missing(["time", "kpiId", "kind", "sentTo", "result"]);
    if (missing.length > 0) {
      const names = missing.map((field) => ALERT_SPEC[field][0]);
      throw new CheckStop(
        `"${this.table.sheetName}" has no ${names.join(", ")} column: choose "Set up KPI sheets"`,
      );
    }
    this.result = this.table.columns.result!;
    this.width = Math.max(
      values[0]?.length ?? 0,
      ...Object.values<number>(this.table.columns as Record<string, number>).map((c) => c + 1),
    );
    this.nextRow = values.length + 1;
  }

  past(zone: DayConverter): PastAlert[] {
    const out: PastAlert[] = [];
    for (let i = 0; i < this.table.size; i++) {
      const cells = this.table.cells(i);
      out.push({
        row: i + 2,
        day: readDay(cells.time, zone),
        kpiId: cellText(cells.kpiId),
        kind: cellText(cells.kind),
        sentTo: cellText(cells.sentTo),
        result: cellText(cells.result),
      });
    }
    return out;
  }

  /** Marks leftover `sending` rows unknown: one write spanning them, other rows rewritten as they were. */
  markUnknown(rows: readonly number[]): number {
    if (rows.length === 0) return 0;
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const stale = new Set(rows);
    const block: unknown[][] = [];
    for (let row = first; row <= last; row++) {
      block.push([stale.has(row) ? RESULTS.unknown : (this.values[row - 1]?.[this.result] ?? "")]);
    }
    this.sheet.getRange(first, this.result + 1, block.length, 1).setValues(block);
    return rows.length;
  }

  /** Grows the sheet once for everything this run may append. */
  reserve(count: number): void {
    if (count === 0) return;
    const maxRows = this.sheet.getMaxRows();
    const needed = this.nextRow - 1 + count;
    if (maxRows < needed) this.sheet.insertRowsAfter(maxRows, needed - maxRows);
  }

  /** Appends one row per item with `result`; returns the first row written. */
  append(items: readonly AlertItem[], at: Date, result: string): number {
    const first = this.nextRow;
    if (items.length === 0) return first;
    const columns = this.table.columns;
    const block = items.map((item) => {
      const row: unknown[] = new Array<unknown>(this.width).fill("");
      row[columns.time!] = at;
      row[columns.kpiId!] = item.kpiId;
      if (columns.owner !== undefined) row[columns.owner] = item.owner;
      row[columns.kind!] = item.kind;
      row[columns.sentTo!] = item.recipient;
      row[this.result] = result;
      return row;
    });
    const range = this.sheet.getRange(first, 1, block.length, this.width);
    // IDs and addresses are typed by users: one starting with = + - @ stays text (SPEC §7).
    if (block.some((row) => row.some(looksLikeFormula))) {
      range.setNumberFormats(
        block.map((row) => row.map((cell) => (looksLikeFormula(cell) ? "@" : "General"))),
      );
    }
    range.setValues(block);
    this.nextRow += block.length;
    return first;
  }

  /** Sets the Result of `count` rows from `first`. */
  setResult(first: number, count: number, result: string): void {
    this.sheet
      .getRange(first, this.result + 1, count, 1)
      .setValues(Array.from({ length: count }, () => [result]));
  }
}

interface Delivery {
  readonly sent: number;
  readonly failed: number;
  readonly deferredQuota: number;
  readonly deferredTime: number;
}

/**
 * Sends the digests most severe first. Each digest's rows are written `sending` and flushed
 * before the send and set to `sent` after it, so a run stopped in between leaves a visible
 * `sending` that the next run marks unknown instead of sending again (at most once). What the
 * quota or the time budget leaves out is recorded as deferred and is due again next run.
 */
function deliver(
  plan: NotificationPlan,
  rows: readonly RollupRow[],
  alerts: AlertsLog,
  context: Parameters<typeof renderDigest>[2],
  now: Date,
  started: number,
): Delivery {
  const total =
    plan.digests.reduce((sum, digest) => sum + digest.items.length, 0) + plan.skipped.length;
  alerts.reserve(total);
  const quota = plan.digests.length > 0 ? remainingMailQuota() : 0;
  let sent = 0;
  let failed = 0;
  const deferredQuota: AlertItem[] = [];
  const deferredTime: AlertItem[] = [];
  let attempted = 0;
  for (const digest of plan.digests) {
    if (deferredTime.length > 0 || Date.now() - started >= TIME_BUDGET_MS) {
      deferredTime.push(...digest.items);
      continue;
    }
    if (attempted >= quota) {
      deferredQuota.push(...digest.items);
      continue;
    }
    attempted++;
    const mail = renderDigest(digest, rows, context);
    const first = alerts.append(digest.items, now, RESULTS.sending);
    flushWrites();
    let result: string = RESULTS.sent;
    try {
      sendMail({ to: digest.recipient, ...mail, name: TITLE });
      sent++;
    } catch (error) {
      failed++;
      result = failedResult(error instanceof Error ? error.message : String(error));
    }
    alerts.setResult(first, digest.items.length, result);
  }
  alerts.append(deferredQuota, now, RESULTS.deferredQuota);
  alerts.append(deferredTime, now, RESULTS.deferredTime);
  alerts.append(plan.skipped, now, RESULTS.skipped);
  const digestsOf = (items: AlertItem[]) =>
    new Set(items.map((item) => item.recipient.toLowerCase())).size;
  return {
    sent,
    failed,
    deferredQuota: digestsOf(deferredQuota),
    deferredTime: digestsOf(deferredTime),
  };
}

function summarize(outcome: CheckOutcome, rows: readonly RollupRow[], today: Day): string {
  const counts = statusCounts(rows)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  const mail: string[] = [`${outcome.sent} sent`];
  if (outcome.deferredQuota > 0) mail.push(`${outcome.deferredQuota} deferred (quota)`);
  if (outcome.deferredTime > 0)
    mail.push(`${outcome.deferredTime} deferred (time; continuing in a minute)`);
  if (outcome.failed > 0) mail.push(`${outcome.failed} failed`);
  if (outcome.skipped > 0) mail.push(`${outcome.skipped} skipped (invalid address)`);
  if (outcome.unknown > 0) mail.push(`${outcome.unknown} unknown (a run stopped while sending)`);
  const goals = `${outcome.graded} goal${outcome.graded === 1 ? "" : "s"}`;
  return `${formatDay(today)}: graded ${goals}${counts === "" ? "" : ` (${counts})`}; e-mails: ${mail.join(", ")}.`;
}

// ---------------------------------------------------------------------------------------------
// The trigger

function dailyNote(spreadsheetId: string, hour: number) {
  return { spreadsheetId, kind: "daily" as const, hour };
}

/**
 * A one-off run a minute from now finishes what the time budget left. An add-on may hold one
 * time-driven trigger per user and document, so the continuation stands in for the daily
 * trigger and puts it back when it runs.
 */
function scheduleContinuation(spreadsheet: Spreadsheet): void {
  const id = spreadsheet.getId();
  const mine = triggersFor(CHECK_HANDLER, id);
  if (mine.some((t) => t.note.kind === "continuation")) return;
  const daily = mine.find((t) => t.note.kind === "daily");
  for (const trigger of mine) deleteTrigger(trigger.uid);
  createOneOffTrigger(CHECK_HANDLER, CONTINUATION_DELAY_MS, {
    spreadsheetId: id,
    kind: "continuation",
    ...(daily?.note.hour === undefined ? {} : { restoreHour: daily.note.hour }),
  });
}

export interface DailyCheckState {
  readonly on: boolean;
  /** The hour it runs at, when on. */
  readonly hour: number | undefined;
  readonly timeZone: string;
  readonly lastRun: LastRunRecord | undefined;
}

function stateOf(spreadsheet: Spreadsheet, mine: readonly InstalledTrigger[]): DailyCheckState {
  const daily = mine.find((t) => t.note.kind === "daily");
  const pending = mine.find((t) => t.note.restoreHour !== undefined);
  const hour = daily?.note.hour ?? pending?.note.restoreHour;
  return {
    on: hour !== undefined,
    hour,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    lastRun: readUserRecord<LastRunRecord>(LAST_RUN_PREFIX + spreadsheet.getId()),
  };
}

/**
 * Installs the daily trigger at `hour` (spreadsheet time), replacing this user's earlier one for
 * this spreadsheet: never two. A continuation standing in for it is told the new hour instead.
 */
export function turnOn(spreadsheet: Spreadsheet, hour: number): void {
  const id = spreadsheet.getId();
  const mine = triggersFor(CHECK_HANDLER, id);
  const continuation = mine.find((t) => t.note.kind === "continuation");
  for (const trigger of mine) {
    if (trigger !== continuation) deleteTrigger(trigger.uid);
  }
  if (continuation !== undefined) {
    deleteTrigger(continuation.uid);
    createOneOffTrigger(CHECK_HANDLER, CONTINUATION_DELAY_MS, {
      spreadsheetId: id,
      kind: "continuation",
      restoreHour: hour,
    });
    return;
  }
  createDailyTrigger(
    CHECK_HANDLER,
    hour,
    spreadsheet.getSpreadsheetTimeZone(),
    dailyNote(id, hour),
  );
}

/** Removes this user's triggers of the check for this spreadsheet. */
export function turnOff(spreadsheet: Spreadsheet): void {
  for (const trigger of triggersFor(CHECK_HANDLER, spreadsheet.getId())) deleteTrigger(trigger.uid);
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** The plain words the menu item shows before asking: on or off, at what hour, the last run. */
export function describeState(state: DailyCheckState, settingsHour: number): string {
  const lines: string[] = [];
  lines.push(
    state.on
      ? `The daily check is ON: it runs every day at ${hourText(state.hour!)} (${state.timeZone}).`
      : "The daily check is OFF.",
  );
  lines.push(
    state.lastRun === undefined
      ? "It has not run yet for you in this spreadsheet."
      : `Last run ${state.lastRun.at.slice(0, 16).replace("T", " ")} UTC: ${state.lastRun.result}`,
  );
  if (!state.on)
    lines.push(`Turn it on, every day at ${hourText(settingsHour)} (${state.timeZone})?`);
  else if (state.hour !== settingsHour) {
    lines.push(`Settings now say ${hourText(settingsHour)}. Move it to ${hourText(settingsHour)}?`);
  } else lines.push("Turn it off?");
  return lines.join("\n\n");
}

/**
 * "Turn daily check on/off": says whether the check is on, at what hour, when it last ran and
 * with what result, then asks to turn it on (at the Settings hour), move it, or turn it off.
 */
export function toggleDailyCheck(): DailyCheckState {
  const spreadsheet = activeSpreadsheet();
  const ui = spreadsheetUi();
  const before = stateOf(spreadsheet, triggersFor(CHECK_HANDLER, spreadsheet.getId()));
  const settingsSheet = findSheets(spreadsheet).settings;
  const settingsHour =
    settingsSheet === undefined
      ? 8
      : readSettings(settingsSheet, clockOf(before.timeZone).zone).settings.checkHour;
  const answer = ui.alert("Daily check", describeState(before, settingsHour), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return before;
  if (before.on && before.hour === settingsHour) {
    turnOff(spreadsheet);
    spreadsheet.toast("The daily check is off.", TITLE);
  } else {
    turnOn(spreadsheet, settingsHour);
    spreadsheet.toast(`The daily check runs every day at ${hourText(settingsHour)}.`, TITLE);
  }
  return stateOf(spreadsheet, triggersFor(CHECK_HANDLER, spreadsheet.getId()));
}
