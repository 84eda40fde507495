/**
 * The workbook the add-on sets up (SPEC §3), as data: which sheets, which columns with which
 * formats, dropdowns and protections, which settings with which defaults. Setup reads this; so
 * does the table module, so a column is named in exactly one place. Pure: no Apps Script here.
 */

import { DIRECTION_LABELS } from "../core/attainment";
import { CHECKIN_COLUMNS as CHECKIN_NAMES, type CheckinField } from "../core/checkins";
import type { ColumnSpec } from "../core/headers";
import {
  AGGREGATION_LABELS,
  CADENCE_LABELS,
  LEVEL_LABELS,
  REGISTRY_COLUMNS,
  type RegistryField,
  TYPE_LABELS,
} from "../core/registry";

export type SheetKey = "kpis" | "checkins" | "settings" | "dashboard" | "alerts";

/** Developer-metadata key on each sheet the add-on owns; the value is the {@link SheetKey}. */
export const SHEET_TAG = "smart-kpi.sheet";

/** Default sheet names, in the order setup creates them (Settings before Dashboard: KPI_AS_OF). */
export const SHEET_NAMES: Readonly<Record<SheetKey, string>> = {
  kpis: "KPIs",
  checkins: "Check-ins",
  settings: "Settings",
  dashboard: "Dashboard",
  alerts: "Alerts",
};

export const SHEET_ORDER: readonly SheetKey[] = [
  "kpis",
  "checkins",
  "settings",
  "dashboard",
  "alerts",
];

/** The named range the as-of date lives in (SPEC §3 Settings). */
export const AS_OF_NAME = "KPI_AS_OF";

/**
 * Named ranges on the Settings cells of the two status gaps (SPEC §3 Settings, §4.7). Setup
 * creates them; the Dashboard's formulas pass them to KPI_ROLLUP and KPI_SUMMARY, and anything
 * else that grades statuses (the daily check) reads the gaps through them, so every status in
 * the workbook is graded alike.
 */
export const AT_RISK_GAP_NAME = "KPI_AT_RISK_GAP";
export const OFF_TRACK_GAP_NAME = "KPI_OFF_TRACK_GAP";

/**
 * How a column's data cells are formatted. `text` is the plain-text format "@": whatever is
 * typed or written there stays text, so "=1+1", "-5 churn" or "0012" never turn into a formula
 * or a number (SPEC §7). `auto` leaves Sheets' automatic format, so a typed "5%" shows as 5%.
 */
export type CellFormat = "text" | "date" | "datetime" | "percent" | "integer" | "auto";

export const NUMBER_FORMATS: Readonly<Record<Exclude<CellFormat, "auto">, string>> = {
  text: "@",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm",
  percent: "0%",
  integer: "0",
};

/**
 * A dropdown or check on a column's data cells. Every rule only warns (invalid input is kept and
 * flagged): the rollup accepts aliases ("lower is better", "KR") that a strict list would reject,
 * and a paste of old data must never fail.
 */
export type Validation =
  | { readonly kind: "list"; readonly values: readonly string[] }
  /** One of the IDs in the registry's ID column. */
  | { readonly kind: "registryIds" }
  | { readonly kind: "email" }
  | { readonly kind: "date" }
  | { readonly kind: "numberAtLeast"; readonly min: number }
  | { readonly kind: "numberBetween"; readonly min: number; readonly max: number }
  | { readonly kind: "checkbox" };

export interface ColumnDef<F extends string = string> {
  readonly field: F;
  /** Accepted header names; the first is the one setup writes. */
  readonly names: readonly [string, ...string[]];
  readonly format: CellFormat;
  readonly validation?: Validation;
  /** Written by the add-on, not typed: protected with a warning. */
  readonly computed?: boolean;
  /** Colour the cells by status (SPEC §3 Dashboard). */
  readonly statusColours?: boolean;
  /** Shown as the header cell's note. */
  readonly note: string;
}

/** The column spec the shared header lookup (src/core/headers.ts) takes. */
export function columnSpecOf<F extends string>(defs: readonly ColumnDef<F>[]): ColumnSpec<F> {
  const spec = {} as Record<F, readonly [string, ...string[]]>;
  for (const def of defs) spec[def.field] = def.names;
  return spec;
}

const list = (labels: Readonly<Record<string, string>>): Validation => ({
  kind: "list",
  values: Object.values(labels),
});

type KpiColumnExtras = Omit<ColumnDef<RegistryField>, "field" | "names">;

const KPI_EXTRAS: Readonly<Record<RegistryField, KpiColumnExtras>> = {
  id: { format: "text", note: "Unique ID, e.g. KPI-0001. Check-ins and Parent refer to it." },
  name: {
    format: "text",
    note: 'The Specific statement: what, how many, for whom ("Visit 100 manufacturing customers").',
  },
  description: { format: "text", note: "Who, what and where." },
  type: {
    format: "text",
    validation: list(TYPE_LABELS),
    note: "KPI (default), Objective, Key result or Habit. An Objective rolls up its key results.",
  },
  level: {
    format: "text",
    validation: list(LEVEL_LABELS),
    note: "Company, Department, Team or Personal.",
  },
  parent: {
    format: "text",
    validation: { kind: "registryIds" },
    note: "ID of the goal this one serves: drives rollups and the Relevant check.",
  },
  owner: {
    format: "text",
    validation: { kind: "email" },
    note: "E-mail address of the owner, who receives the reminders.",
  },
  department: { format: "text", note: "Department, channel or team." },
  unit: { format: "text", note: 'What the numbers count: "orders", "%", "NTD", "visits"…' },
  direction: {
    format: "text",
    validation: list(DIRECTION_LABELS),
    note: "Increase (default), Decrease, At least or At most.",
  },
  aggregation: {
    format: "text",
    validation: list(AGGREGATION_LABELS),
    note: "How check-ins combine: Sum (default), Average, Last, Max, Min or Count.",
  },
  baseline: { format: "auto", note: "Starting value; blank is 0 for Increase." },
  target: { format: "auto", note: "Target value; for a Habit, the target per Cadence period." },
  start: { format: "date", validation: { kind: "date" }, note: "First day of the goal's window." },
  due: { format: "date", validation: { kind: "date" }, note: "The deadline." },
  cadence: {
    format: "text",
    validation: list(CADENCE_LABELS),
    note: "How often a check-in is expected; a Habit's period. Daily … Yearly, or blank.",
  },
  weight: {
    format: "auto",
    validation: { kind: "numberAtLeast", min: 0 },
    note: "Weight in the parent's rollup: 0 or more, blank is 1.",
  },
  reward: { format: "text", note: "Shown when the goal is achieved." },
  dataSource: { format: "text", note: "Measurable: how the number is obtained." },
  whyItMatters: { format: "text", note: "Relevant: the link to the parent goal." },
  actual: {
    format: "auto",
    computed: true,
    note: "Computed by the daily check: check-ins combined.",
  },
  attainment: {
    format: "percent",
    computed: true,
    note: "Computed: progress from baseline to target (100% = met).",
  },
  expected: {
    format: "percent",
    computed: true,
    note: "Computed: the share of the window elapsed at the as-of date.",
  },
  status: {
    format: "text",
    computed: true,
    statusColours: true,
    note: "Computed: Achieved, Missed, On track, At risk, Off track, In progress or No data.",
  },
  lastCheckin: { format: "date", computed: true, note: "Computed: date of the latest check-in." },
  updated: { format: "datetime", computed: true, note: "Computed: when the daily check last ran." },
};

/** `KPIs`: the registry's columns in the order a new sheet gets them (SPEC §3). */
export const KPI_COLUMNS: readonly ColumnDef<RegistryField>[] = (
  Object.keys(REGISTRY_COLUMNS) as RegistryField[]
).map((field) => ({ field, names: REGISTRY_COLUMNS[field], ...KPI_EXTRAS[field] }));

const CHECKIN_EXTRAS: Readonly<
  Record<CheckinField, Omit<ColumnDef<CheckinField>, "field" | "names">>
> = {
  date: { format: "date", validation: { kind: "date" }, note: "The day the value is for." },
  kpiId: {
    format: "text",
    validation: { kind: "registryIds" },
    note: "The ID of the KPI in the KPIs sheet.",
  },
  value: { format: "auto", note: "The number measured." },
  note: { format: "text", note: "Optional comment." },
  by: { format: "text", validation: { kind: "email" }, note: "E-mail of whoever logged it." },
};

/**
 * `Check-ins`: `Date | KPI ID | Value | Note | By`, named as the rollup reads them (KPI ID also
 * answers to "KPI" and "ID", SPEC §4.7).
 */
export const CHECKIN_COLUMNS: readonly ColumnDef<CheckinField>[] = (
  Object.keys(CHECKIN_NAMES) as CheckinField[]
).map((field) => ({ field, names: CHECKIN_NAMES[field], ...CHECKIN_EXTRAS[field] }));

export type AlertField = "time" | "kpiId" | "owner" | "kind" | "sentTo" | "result";

/** `Alerts`: the add-on's own audit log; the whole sheet is protected with a warning. */
export const ALERT_COLUMNS: readonly ColumnDef<AlertField>[] = [
  { field: "time", names: ["Time"], format: "datetime", note: "When the decision was made." },
  { field: "kpiId", names: ["KPI ID"], format: "text", note: "The KPI concerned." },
  { field: "owner", names: ["Owner"], format: "text", note: "The KPI's owner." },
  {
    field: "kind",
    names: ["Kind"],
    format: "text",
    note: "Missed, Check-in overdue, Off track, Achieved or Escalation.",
  },
  { field: "sentTo", names: ["Sent to"], format: "text", note: "Recipient of the e-mail." },
  {
    field: "result",
    names: ["Result"],
    format: "text",
    note: "sent, deferred: quota, or failed: <message>.",
  },
];

export type SettingsColumnField = "setting" | "value" | "about";

/** `Settings` is a two-column form with an explanation beside each value. */
export const SETTINGS_COLUMNS: readonly ColumnDef<SettingsColumnField>[] = [
  { field: "setting", names: ["Setting"], format: "text", note: "What the value sets." },
  { field: "value", names: ["Value"], format: "auto", note: "Change the values in this column." },
  { field: "about", names: ["About"], format: "text", note: "What each setting does." },
];

export type SettingKey =
  | "asOf"
  | "atRiskGap"
  | "offTrackGap"
  | "graceDays"
  | "repeatDays"
  | "escalate"
  | "managerEmail"
  | "checkHour"
  | "lastRun"
  | "lastRunSummary";

export interface SettingDef {
  readonly key: SettingKey;
  /** Accepted labels in the Setting column; the first is the one setup writes. */
  readonly labels: readonly [string, ...string[]];
  /** Written when the row is added; "today" is the spreadsheet's today. */
  readonly initial: number | boolean | string | "today";
  readonly format: CellFormat;
  readonly validation?: Validation;
  /** Written by the daily check: protected with a warning. */
  readonly computed?: boolean;
  readonly about: string;
}

/** `Settings` rows in order (SPEC §3 Settings). */
export const SETTINGS: readonly SettingDef[] = [
  {
    key: "asOf",
    labels: ["As of", "As-of date"],
    initial: "today",
    format: "date",
    validation: { kind: "date" },
    about: `The day the numbers are computed for (named range ${AS_OF_NAME}). The daily check sets it to today; type a past date to re-grade a past period.`,
  },
  {
    key: "atRiskGap",
    labels: ["At-risk gap"],
    initial: 0.1,
    format: "percent",
    validation: { kind: "numberBetween", min: 0, max: 1 },
    about: "How far attainment may trail the expected pace and still be On track.",
  },
  {
    key: "offTrackGap",
    labels: ["Off-track gap"],
    initial: 0.25,
    format: "percent",
    validation: { kind: "numberBetween", min: 0, max: 1 },
    about: "Trailing the pace by more than this is Off track; in between is At risk.",
  },
  {
    key: "graceDays",
    labels: ["Check-in grace days"],
    initial: 2,
    format: "integer",
    validation: { kind: "numberAtLeast", min: 0 },
    about: "Days a check-in may be late (after its Cadence) before the owner is reminded.",
  },
  {
    key: "repeatDays",
    labels: ["Repeat reminders every N days"],
    initial: 7,
    format: "integer",
    validation: { kind: "numberAtLeast", min: 1 },
    about: "A reminder that is still true is repeated after this many days, never sooner.",
  },
  {
    key: "escalate",
    labels: ["Escalate to parent owner"],
    initial: true,
    format: "auto",
    validation: { kind: "checkbox" },
    about: "Tell the owner of the parent goal when one of its children is newly Missed.",
  },
  {
    key: "managerEmail",
    labels: ["Manager e-mail"],
    initial: "",
    format: "text",
    validation: { kind: "email" },
    about: "Optional: this address gets a summary of every run.",
  },
  {
    key: "checkHour",
    labels: ["Daily check hour"],
    initial: 8,
    format: "integer",
    validation: { kind: "numberBetween", min: 0, max: 23 },
    about: "Hour of the day (0–23, spreadsheet time) the daily check runs.",
  },
  {
    key: "lastRun",
    labels: ["Last run"],
    initial: "",
    format: "datetime",
    computed: true,
    about: "Written by the daily check.",
  },
  {
    key: "lastRunSummary",
    labels: ["Last run summary"],
    initial: "",
    format: "text",
    computed: true,
    about: "Written by the daily check.",
  },
];

/**
 * The fields of the Dashboard's rollup table. Department is there because the chart of
 * attainment by department is computed from the table itself.
 */
export const DASHBOARD_FIELDS = [
  "ID",
  "Name",
  "Department",
  "Owner",
  "Actual",
  "Target",
  "Attainment",
  "Expected",
  "Status",
] as const;

/** Cell colours by status (SPEC §3 Dashboard): green, amber, red and grey. */
export const STATUS_COLOURS: readonly { readonly status: string; readonly background: string }[] = [
  { status: "Achieved", background: "#b7e1cd" },
  { status: "On track", background: "#b7e1cd" },
  { status: "At risk", background: "#fce8b2" },
  { status: "Off track", background: "#f4c7c3" },
  { status: "Missed", background: "#f4c7c3" },
  { status: "No data", background: "#e8eaed" },
];

/** A row whose status is a problem ("Error: …") gets red text, so it is not mistaken for data. */
export const ERROR_STATUS = { prefix: "Error: ", fontColour: "#c5221f" } as const;

export const HEADER_STYLE = { background: "#e8f0fe", fontWeight: "bold" } as const;

/** Descriptions of the protections setup adds; a protection is recognised by its range. */
export const PROTECTION_NOTE = "SMART KPI: computed by the add-on; edits are overwritten";
