/**
 * Who the daily check tells what (SPEC §6), decided from the rollup, the `Alerts` history and the
 * settings alone, so every rule is a plain function of its inputs. The server only reads the
 * sheets, calls {@link planNotifications}, and sends what it returns in the order it returns it.
 *
 * The rules:
 * - an owner hears about their goals newly `Missed`, `Off track`, or whose check-ins are overdue
 *   (none within Cadence + grace days), and again every N days while it stays true, never sooner;
 * - the owner of the parent goal hears about a child newly `Missed` when escalation is on;
 * - the manager hears about everything the owners hear, with a count of goals by status;
 * - the owner of a goal newly `Achieved` is congratulated once, with its Reward;
 * - every recipient gets at most one digest a run; the most severe digests go first, so what a
 *   small quota leaves out is the least urgent;
 * - an address that is not an e-mail address is recorded, never sent to.
 */

import type { Day } from "./dates";
import type { Cadence } from "./periods";
import { monthIndexOf, periodStart } from "./periods";
import type { RollupRow } from "./rollup";

/** The Kind column of `Alerts`, most severe first. */
export const ALERT_KINDS = [
  "Missed",
  "Escalation",
  "Off track",
  "Check-in overdue",
  "Achieved",
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

/** The Result column of `Alerts` (SPEC §3). */
export const RESULTS = {
  sending: "sending",
  sent: "sent",
  deferredQuota: "deferred: quota",
  deferredTime: "deferred: time",
  unknown: "unknown: run stopped while sending",
  skipped: "skipped: invalid address",
} as const;

/** `failed: <message>`, on one line. */
export function failedResult(message: string): string {
  return `failed: ${message.replace(/\s+/g, " ").trim()}`;
}

/** One row of `Alerts` as the planner needs it. */
export interface PastAlert {
  /** The row's number in the sheet, to mark a leftover `sending` row. */
  readonly row: number;
  /** The calendar day of its Time; `undefined` when the cell is not a date. */
  readonly day: Day | undefined;
  readonly kpiId: string;
  readonly kind: string;
  readonly sentTo: string;
  readonly result: string;
}

export interface NotificationSettings {
  readonly graceDays: number;
  /** A reminder still true is repeated after this many days (at least 1). */
  readonly repeatDays: number;
  readonly escalate: boolean;
  /** Blank: no manager summary. */
  readonly managerEmail: string;
}

/** One thing to tell one recipient about one goal. */
export interface AlertItem {
  readonly kind: AlertKind;
  /** Index of the goal in the rollup rows. */
  readonly goal: number;
  readonly kpiId: string;
  /** The goal's owner as typed (the Owner column of `Alerts`). */
  readonly owner: string;
  /** The address as typed, trimmed. */
  readonly recipient: string;
}

/** One e-mail: everything due for one recipient this run, most severe first. */
export interface Digest {
  readonly recipient: string;
  readonly items: readonly AlertItem[];
  /** The manager's digest also carries the counts by status. */
  readonly manager: boolean;
}

export interface NotificationPlan {
  /** Most severe first: the order to send in. */
  readonly digests: readonly Digest[];
  /** Items for addresses that are not e-mail addresses: recorded, never sent. */
  readonly skipped: readonly AlertItem[];
  /** Sheet rows of `sending` rows a stopped run left behind, to be marked unknown. */
  readonly staleSending: readonly number[];
}

// Deliberately simple: Apps Script's MailApp is the authority on what it accepts; this only
// keeps out what is plainly not an address ("Ann", "ann@", two addresses in one cell).
const EMAIL = /^[^\s@,;<>"()[\]]+@[^\s@,;<>"()[\]]+\.[^\s@,;<>"()[\]]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

const SEVERITY = new Map<string, number>(ALERT_KINDS.map((kind, i) => [kind, i]));

export function severityOf(kind: AlertKind): number {
  return SEVERITY.get(kind) ?? ALERT_KINDS.length;
}

/**
 * The day a check-in is next expected after one on `day`: a day, a week, or the same day of the
 * next month, quarter or year (the last day of a shorter month).
 */
export function nextCheckinDue(cadence: Cadence, day: Day): Day {
  if (cadence === "daily") return day + 1;
  if (cadence === "weekly") return day + 7;
  const months = cadence === "monthly" ? 1 : cadence === "quarterly" ? 3 : 12;
  const month = monthIndexOf(day);
  const dayOfMonth = day - periodStart("monthly", month);
  const target = month + months;
  const length = periodStart("monthly", target + 1) - periodStart("monthly", target);
  return periodStart("monthly", target) + Math.min(dayOfMonth, length - 1);
}

/**
 * Whether a goal's check-ins are overdue on `today`: it is running (started, not past due, not
 * yet achieved or missed), expects check-ins (a Cadence), takes its own (not a parent rolling up
 * its children), and has had none in the Cadence + grace days ending today — counted from its
 * latest check-in, or from Start when it has none.
 */
export function isCheckinOverdue(row: RollupRow, today: Day, graceDays: number): boolean {
  const kpi = row.kpi;
  if (kpi === undefined || kpi.cadence === undefined || row.error !== undefined) return false;
  if (row.kind !== "plain" && row.kind !== "habit") return false;
  if (row.status === "Achieved" || row.status === "Missed") return false;
  if (kpi.start !== undefined && today < kpi.start) return false;
  if (kpi.due !== undefined && today > kpi.due) return false;
  const since = row.lastCheckin ?? kpi.start;
  if (since === undefined) return false;
  return today >= nextCheckinDue(kpi.cadence, since) + graceDays;
}

/** Results after which an alert counts as told (or as recorded, for a bad address). */
function counts(result: string): boolean {
  const text = result.trim().toLowerCase();
  return (
    text === RESULTS.sent ||
    text === RESULTS.sending ||
    text.startsWith("unknown") ||
    text.startsWith("skipped")
  );
}

function alertKey(kpiId: string, kind: string, recipient: string): string {
  return `${kpiId.trim().toLowerCase()}\u0000${kind.trim().toLowerCase()}\u0000${addressKey(recipient)}`;
}

/**
 * Everything the run should send and record, on `today`. `rows` are the rollup of the registry
 * as of today; `past` is every row of `Alerts`.
 */
export function planNotifications(
  rows: readonly RollupRow[],
  past: readonly PastAlert[],
  settings: NotificationSettings,
  today: Day,
): NotificationPlan {
  const lastTold = new Map<string, Day>();
  const staleSending: number[] = [];
  for (const alert of past) {
    if (alert.result.trim().toLowerCase() === RESULTS.sending) staleSending.push(alert.row);
    if (alert.day === undefined || !counts(alert.result)) continue;
    const key = alertKey(alert.kpiId, alert.kind, alert.sentTo);
    const previous = lastTold.get(key);
    if (previous === undefined || alert.day > previous) lastTold.set(key, alert.day);
  }
  const isDue = (item: AlertItem): boolean => {
    const told = lastTold.get(alertKey(item.kpiId, item.kind, item.recipient));
    if (told === undefined) return true;
    // Congratulations are said once; reminders repeat while still true, never more often.
    if (item.kind === "Achieved") return false;
    return today - told >= settings.repeatDays;
  };

  const manager = settings.managerEmail.trim();
  const byRecipient = new Map<
    string,
    { recipient: string; items: AlertItem[]; seen: Set<string> }
  >();
  const skipped: AlertItem[] = [];
  const add = (item: AlertItem): void => {
    if (item.recipient === "" || !isDue(item)) return;
    if (!isEmailAddress(item.recipient)) {
      skipped.push(item);
      return;
    }
    const key = addressKey(item.recipient);
    let entry = byRecipient.get(key);
    if (entry === undefined) {
      entry = { recipient: item.recipient, items: [], seen: new Set() };
      byRecipient.set(key, entry);
    }
    const itemKey = `${item.goal}\u0000${item.kind}`;
    if (entry.seen.has(itemKey)) return;
    entry.seen.add(itemKey);
    entry.items.push(item);
  };

  rows.forEach((row, goal) => {
    if (row.kpi === undefined || row.error !== undefined) return;
    const owner = row.kpi.owner.trim();
    const kinds: AlertKind[] = [];
    if (row.status === "Missed") kinds.push("Missed");
    if (row.status === "Off track") kinds.push("Off track");
    if (isCheckinOverdue(row, today, settings.graceDays)) kinds.push("Check-in overdue");
    if (row.status === "Achieved") kinds.push("Achieved");
    for (const kind of kinds) {
      const item = { kind, goal, kpiId: row.id, owner };
      add({ ...item, recipient: owner });
      if (manager !== "") add({ ...item, recipient: manager });
    }
    if (row.status === "Missed" && settings.escalate && row.parent !== undefined) {
      const parentOwner = rows[row.parent]?.kpi?.owner.trim() ?? "";
      if (parentOwner !== "" && addressKey(parentOwner) !== addressKey(owner)) {
        add({ kind: "Escalation", goal, kpiId: row.id, owner, recipient: parentOwner });
      }
    }
  });

  const digests: Digest[] = [...byRecipient.values()].map(({ recipient, items }) => ({
    recipient,
    items: [...items].sort((a, b) => severityOf(a.kind) - severityOf(b.kind) || a.goal - b.goal),
    manager: manager !== "" && addressKey(recipient) === addressKey(manager),
  }));
  digests.sort(compareDigests);
  return { digests, skipped, staleSending };
}

/**
 * Most severe first: by the worst item, then by how many items share that severity, then by
 * how many items in all; ties by address, so the order never depends on the registry's order.
 */
function compareDigests(a: Digest, b: Digest): number {
  const worstA = severityOf(a.items[0]!.kind);
  const worstB = severityOf(b.items[0]!.kind);
  if (worstA !== worstB) return worstA - worstB;
  const sameA = a.items.filter((item) => severityOf(item.kind) === worstA).length;
  const sameB = b.items.filter((item) => severityOf(item.kind) === worstB).length;
  if (sameA !== sameB) return sameB - sameA;
  if (a.items.length !== b.items.length) return b.items.length - a.items.length;
  const keyA = addressKey(a.recipient);
  const keyB = addressKey(b.recipient);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
