/**
 * `ScriptApp` trigger management and the record of installed triggers. Installable triggers of
 * an add-on belong to the user who created them; an add-on may have one time-based trigger per
 * user per document, running at most hourly (PLATFORM "Triggers").
 */

import { type Execution, gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS, enumValue } from "./enums";
import { AppsScriptError } from "./errors";
import { assertTimeZone } from "./timezone";

type Trigger = GoogleAppsScript.Script.Trigger;

export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  readonly eventType: "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";
  /** The user the trigger runs as. */
  readonly user: string;
  /** Clock triggers: hour of day, period, and the zone the hour is read in. */
  readonly atHour?: number;
  readonly nearMinute?: number;
  readonly everyDays?: number;
  readonly everyHours?: number;
  readonly everyWeeks?: number;
  readonly onWeekDay?: string;
  /** One-off clock triggers (`at`, `after`): epoch ms. */
  readonly at?: number;
  readonly timeZone: string;
  readonly createdAt: number;
}

export class TriggerStore {
  private records: TriggerRecord[] = [];
  private nextUid = 1;

  list(): readonly TriggerRecord[] {
    return [...this.records];
  }

  forUser(user: string): TriggerRecord[] {
    return this.records.filter((t) => t.user === user);
  }

  get(uid: string): TriggerRecord | undefined {
    return this.records.find((t) => t.uid === uid);
  }

  add(record: Omit<TriggerRecord, "uid">): TriggerRecord {
    const full = { ...record, uid: String(this.nextUid++ * 7_919 + 1_000_000) };
    this.records.push(full);
    return full;
  }

  remove(uid: string): void {
    this.records = this.records.filter((t) => t.uid !== uid);
  }

  toJSON(): { records: TriggerRecord[]; nextUid: number } {
    return { records: this.records, nextUid: this.nextUid };
  }

  static fromJSON(data: { records: TriggerRecord[]; nextUid: number }): TriggerStore {
    const store = new TriggerStore();
    store.records = [...data.records];
    store.nextUid = data.nextUid;
    return store;
  }
}

export interface TriggerHost {
  readonly triggers: TriggerStore;
  readonly documentId: string;
  /** The manifest's time zone, in which `atHour` is read unless `inTimezone` says otherwise. */
  readonly scriptTimeZone: string;
  nowMs(): number;
}

export class EmuTrigger
  extends ServiceObject
  implements
    Pick<
      Trigger,
      | "getEventType"
      | "getHandlerFunction"
      | "getTriggerSource"
      | "getTriggerSourceId"
      | "getUniqueId"
    >
{
  readonly [SERVICE_NAME] = "Trigger";
  readonly #record: TriggerRecord;
  readonly #documentId: string;

  constructor(record: TriggerRecord, documentId: string) {
    super();
    this.#record = record;
    this.#documentId = documentId;
  }

  static uidOf(trigger: unknown): string {
    if (!(trigger instanceof EmuTrigger)) throw new AppsScriptError("Invalid argument: trigger");
    return trigger.#record.uid;
  }

  getUniqueId(): string {
    return this.#record.uid;
  }

  getHandlerFunction(): string {
    return this.#record.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return enumValue(
      ENUMS.EventType,
      this.#record.eventType,
    ) as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    const source = this.#record.eventType === "CLOCK" ? "CLOCK" : "SPREADSHEETS";
    return ENUMS.TriggerSource[source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    return this.#record.eventType === "CLOCK" ? "" : this.#documentId;
  }
}

type Draft = {
  -readonly [K in keyof TriggerRecord]?: TriggerRecord[K];
};

function create(host: TriggerHost, exec: Execution, draft: Draft): Trigger {
  const handler = String(draft.handler);
  const eventType = draft.eventType ?? "CLOCK";
  if (eventType === "CLOCK") {
    const mine = host.triggers.forUser(exec.user).filter((t) => t.eventType === "CLOCK");
    if (mine.length >= 1) {
      throw new AppsScriptError(
        "This add-on has created too many time-based triggers in this document for this Google user account.",
      );
    }
    if (
      draft.at === undefined &&
      draft.everyDays === undefined &&
      draft.everyHours === undefined &&
      draft.everyWeeks === undefined
    ) {
      throw new AppsScriptError("Trigger must have a recurrence or a time to run at.");
    }
  } else {
    const same = host.triggers.forUser(exec.user).filter((t) => t.eventType === eventType);
    if (same.length >= 1) {
      throw new AppsScriptError(
        `This add-on has created too many ${eventType} triggers in this document for this Google user account.`,
      );
    }
  }
  const record = host.triggers.add({
    handler,
    eventType,
    user: exec.user,
    timeZone: draft.timeZone ?? host.scriptTimeZone,
    createdAt: host.nowMs(),
    ...(draft.atHour === undefined ? {} : { atHour: draft.atHour }),
    ...(draft.nearMinute === undefined ? {} : { nearMinute: draft.nearMinute }),
    ...(draft.everyDays === undefined ? {} : { everyDays: draft.everyDays }),
    ...(draft.everyHours === undefined ? {} : { everyHours: draft.everyHours }),
    ...(draft.everyWeeks === undefined ? {} : { everyWeeks: draft.everyWeeks }),
    ...(draft.onWeekDay === undefined ? {} : { onWeekDay: draft.onWeekDay }),
    ...(draft.at === undefined ? {} : { at: draft.at }),
  });
  return gas(new EmuTrigger(record, host.documentId));
}

type ClockMethods =
  | "after"
  | "at"
  | "atHour"
  | "create"
  | "everyDays"
  | "everyHours"
  | "everyMinutes"
  | "everyWeeks"
  | "inTimezone"
  | "nearMinute"
  | "onWeekDay";

export class EmuClockTriggerBuilder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Script.ClockTriggerBuilder, ClockMethods>
{
  readonly [SERVICE_NAME] = "ClockTriggerBuilder";
  readonly #host: TriggerHost;
  readonly #exec: Execution;
  readonly #draft: Draft;

  constructor(host: TriggerHost, exec: Execution, handler: string) {
    super();
    this.#host = host;
    this.#exec = exec;
    this.#draft = { handler, eventType: "CLOCK" };
  }

  #self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return gas(this);
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new AppsScriptError("Invalid argument: hour");
    this.#draft.atHour = hour;
    return this.#self();
  }

  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.#draft.nearMinute = (Math.round(minute / 15) * 15) % 60;
    return this.#self();
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.#draft.everyDays = n;
    return this.#self();
  }

  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new AppsScriptError("Invalid argument: hours");
    this.#draft.everyHours = n;
    return this.#self();
  }

  everyMinutes(_n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    throw new AppsScriptError(
      "Add-ons can't create time-based triggers that run more often than once an hour.",
    );
  }

  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.#draft.everyWeeks = n;
    return this.#self();
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.#draft.onWeekDay = String(day);
    return this.#self();
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    try {
      assertTimeZone(String(timezone));
    } catch {
      throw new AppsScriptError(`Invalid argument: ${timezone}`);
    }
    this.#draft.timeZone = String(timezone);
    return this.#self();
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.#draft.at = (date as unknown as Date).getTime();
    return this.#self();
  }

  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.#draft.at = this.#host.nowMs() + durationMilliseconds;
    return this.#self();
  }

  create(): Trigger {
    return create(this.#host, this.#exec, this.#draft);
  }
}

export class EmuSpreadsheetTriggerBuilder
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
      "create" | "onChange" | "onEdit" | "onFormSubmit" | "onOpen"
    >
{
  readonly [SERVICE_NAME] = "SpreadsheetTriggerBuilder";
  readonly #host: TriggerHost;
  readonly #exec: Execution;
  readonly #draft: Draft;

  constructor(host: TriggerHost, exec: Execution, handler: string) {
    super();
    this.#host = host;
    this.#exec = exec;
    this.#draft = { handler };
  }

  #on(eventType: TriggerRecord["eventType"]): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.#draft.eventType = eventType;
    return gas(this);
  }

  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.#on("ON_OPEN");
  }

  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.#on("ON_EDIT");
  }

  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.#on("ON_CHANGE");
  }

  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.#on("ON_FORM_SUBMIT");
  }

  create(): Trigger {
    if (this.#draft.eventType === undefined)
      throw new AppsScriptError("Trigger must have an event type.");
    return create(this.#host, this.#exec, this.#draft);
  }
}

export class EmuTriggerBuilder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Script.TriggerBuilder, "forSpreadsheet" | "timeBased">
{
  readonly [SERVICE_NAME] = "TriggerBuilder";
  readonly #host: TriggerHost;
  readonly #exec: Execution;
  readonly #handler: string;

  constructor(host: TriggerHost, exec: Execution, handler: string) {
    super();
    this.#host = host;
    this.#exec = exec;
    this.#handler = handler;
  }

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return gas(new EmuClockTriggerBuilder(this.#host, this.#exec, this.#handler));
  }

  forSpreadsheet(_sheet: unknown): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return gas(new EmuSpreadsheetTriggerBuilder(this.#host, this.#exec, this.#handler));
  }
}

/**
 * The instants in (from, to] at which a clock trigger fires, exactly on its hour in its zone
 * (Google fires within ±15 minutes of it).
 */
export function firingsBetween(
  record: TriggerRecord,
  from: number,
  to: number,
  wallClock: (
    timeZone: string,
    epochMs: number,
  ) => { year: number; month: number; day: number; hour: number; minute: number },
): number[] {
  if (record.eventType !== "CLOCK") return [];
  if (record.at !== undefined) return record.at > from && record.at <= to ? [record.at] : [];
  const out: number[] = [];
  const HOUR = 3_600_000;
  // Walk whole hours of real time: every zone offset in use is a whole or half hour, so also
  // check the half hours, and take an instant when its wall clock reads the trigger's minute.
  const minute = record.nearMinute ?? 0;
  const step = HOUR / 4;
  let t = Math.floor(from / step) * step + step;
  for (; t <= to; t += step) {
    const w = wallClock(record.timeZone, t);
    if (w.minute !== minute) continue;
    if (record.everyHours !== undefined) {
      const hoursSinceCreation = Math.floor((t - record.createdAt) / HOUR);
      if (t > record.createdAt && hoursSinceCreation % record.everyHours === 0) out.push(t);
      continue;
    }
    if (w.hour !== (record.atHour ?? 0)) continue;
    const dayNumber = Math.floor(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);
    if (record.everyWeeks !== undefined) {
      const weekday = [
        "SUNDAY",
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
      ][new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
      if (record.onWeekDay !== undefined && weekday !== record.onWeekDay) continue;
      out.push(t);
      continue;
    }
    const every = record.everyDays ?? 1;
    const created = wallClock(record.timeZone, record.createdAt);
    const createdDay = Math.floor(
      Date.UTC(created.year, created.month - 1, created.day) / 86_400_000,
    );
    if ((dayNumber - createdDay) % every === 0 && t > record.createdAt) out.push(t);
  }
  return out;
}
