/**
 * The daily check's time-driven trigger and what it must remember (PLATFORM "Triggers"): an
 * add-on's time trigger runs with no active document, so the spreadsheet's ID is kept in the
 * user's properties under the trigger's unique ID, and the trigger run opens it by ID.
 */

/** What a trigger is for; stored as JSON in the user's properties. */
export interface TriggerNote {
  readonly spreadsheetId: string;
  /** `daily`: the everyday check; `continuation`: a one-off finishing a run that ran out of time. */
  readonly kind: "daily" | "continuation";
  /** The hour (spreadsheet time) a daily trigger runs at. */
  readonly hour?: number;
  /** For a continuation that stood in for the daily trigger: the hour to put it back at. */
  readonly restoreHour?: number;
}

export interface InstalledTrigger {
  readonly uid: string;
  readonly note: TriggerNote;
}

const NOTE_PREFIX = "smartKpi.trigger.";

function userProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

function readNote(text: string | null | undefined): TriggerNote | undefined {
  if (text === null || text === undefined) return undefined;
  try {
    const note = JSON.parse(text) as TriggerNote;
    return typeof note.spreadsheetId === "string" ? note : undefined;
  } catch {
    return undefined;
  }
}

/** The note kept for one trigger, or `undefined` when none was kept. */
export function triggerNote(uid: string): TriggerNote | undefined {
  return readNote(userProperties().getProperty(NOTE_PREFIX + uid));
}

/**
 * This user's triggers of `handler` for one spreadsheet. Notes of triggers that no longer exist
 * (a one-off that has fired, a trigger deleted by hand) are dropped on the way.
 */
export function triggersFor(handler: string, spreadsheetId: string): InstalledTrigger[] {
  const properties = userProperties();
  const all = properties.getProperties();
  const live = new Map<string, GoogleAppsScript.Script.Trigger>();
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === handler) live.set(trigger.getUniqueId(), trigger);
  }
  const found: InstalledTrigger[] = [];
  for (const [key, text] of Object.entries(all)) {
    if (!key.startsWith(NOTE_PREFIX)) continue;
    const uid = key.slice(NOTE_PREFIX.length);
    const note = readNote(text);
    if (!live.has(uid) || note === undefined) {
      properties.deleteProperty(key);
      continue;
    }
    if (note.spreadsheetId === spreadsheetId) found.push({ uid, note });
  }
  return found;
}

/** Deletes a trigger of this user and its note. */
export function deleteTrigger(uid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  }
  userProperties().deleteProperty(NOTE_PREFIX + uid);
}

/** A trigger every day at `hour` in `timeZone` (the spreadsheet's, not the script's). */
export function createDailyTrigger(
  handler: string,
  hour: number,
  timeZone: string,
  note: TriggerNote,
): string {
  const trigger = ScriptApp.newTrigger(handler)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(timeZone)
    .create();
  const uid = trigger.getUniqueId();
  userProperties().setProperty(NOTE_PREFIX + uid, JSON.stringify(note));
  return uid;
}

/** A trigger that runs once, `ms` from now. */
export function createOneOffTrigger(handler: string, ms: number, note: TriggerNote): string {
  const trigger = ScriptApp.newTrigger(handler).timeBased().after(ms).create();
  const uid = trigger.getUniqueId();
  userProperties().setProperty(NOTE_PREFIX + uid, JSON.stringify(note));
  return uid;
}

/** A small JSON record in the user's properties (the last run of the check, per spreadsheet). */
export function readUserRecord<T>(key: string): T | undefined {
  const text = userProperties().getProperty(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function writeUserRecord(key: string, value: unknown): void {
  userProperties().setProperty(key, JSON.stringify(value));
}
