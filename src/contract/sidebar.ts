/**
 * The sidebar's contract with the server: the zod schemas of every payload, the types inferred
 * from them, and the map of endpoints. Both sides import this module — the sidebar for instant
 * feedback, the server (src/server/sidebarEndpoints.ts) as the authority that validates again.
 * Pure: no Apps Script, no DOM.
 *
 * Dates cross `google.script.run` as ISO `YYYY-MM-DD` text: a `Date` argument fails there
 * (PLATFORM "Sidebar"), and a calendar day has no time zone to get wrong.
 */

import * as z from "zod/mini";
import { DIRECTION_LABELS } from "../core/attainment";
import { dayFromParts } from "../core/dates";
import { AGGREGATION_LABELS, CADENCE_LABELS, LEVEL_LABELS, TYPE_LABELS } from "../core/registry";

// zod/mini rather than zod's classic API: the same validation at a fifth of the size, which
// matters for the sidebar's 150 KB budget (classic zod alone is over 90 KB minified).

/** Longest texts a payload may carry; a KPI name is a sentence, not an essay. */
export const LIMITS = { name: 200, text: 2000, id: 40, parts: 50, cycleIds: 1000 } as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Serial day of an ISO `YYYY-MM-DD`; `undefined` when it is not a real calendar date. */
export function isoDayNumber(text: string): number | undefined {
  const match = ISO_DAY.exec(text);
  if (match === null) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

const labels = <T extends Readonly<Record<string, string>>>(record: T) =>
  Object.values(record) as [string, ...string[]];

export const TYPE_NAMES = labels(TYPE_LABELS);
export const LEVEL_NAMES = labels(LEVEL_LABELS);
export const DIRECTION_NAMES = labels(DIRECTION_LABELS);
export const AGGREGATION_NAMES = labels(AGGREGATION_LABELS);
export const CADENCE_NAMES = labels(CADENCE_LABELS);

const oneOf = (names: readonly [string, ...string[]], what: string) =>
  z.enum(names, { error: () => `choose a ${what}: ${names.join(", ")}` });

/** Text, trimmed, at most `max` characters (counted before trimming: a payload is not padded). */
const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .check(z.maxLength(max, { error: `is too long: at most ${max} characters` }), z.trim());

const requiredText = (max: number, what: string) =>
  text(max).check(z.refine((value) => value !== "", { error: `${what} is required` }));

/** `""` or a real date written `YYYY-MM-DD`. */
export const isoDay = z.string({ error: "must be a date written YYYY-MM-DD" }).check(
  z.refine((value) => value === "" || isoDayNumber(value) !== undefined, {
    error: (issue) =>
      ISO_DAY.test(String(issue.input))
        ? `${String(issue.input)} is not a real date`
        : "must be a date written YYYY-MM-DD",
  }),
);

const requiredDay = isoDay.check(
  z.refine((value) => value !== "", { error: "a date is required" }),
);

const finite = () =>
  z
    .number({ error: "must be a number" })
    .check(z.refine(Number.isFinite, { error: "must be a finite number" }));

const notNegative = () => finite().check(z.gte(0, { error: "must be 0 or more" }));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = text(254).check(
  z.refine((value) => value === "" || EMAIL.test(value), {
    error: "must be an e-mail address like ann@example.com",
  }),
);

export const kpiIdText = requiredText(LIMITS.id, "an ID");

/** One goal as the wizard and the edit form write it. */
export const kpiDraftSchema = z
  .strictObject({
    name: requiredText(LIMITS.name, "a name"),
    description: text(LIMITS.text),
    type: oneOf(TYPE_NAMES, "type"),
    level: z.union([oneOf(LEVEL_NAMES, "level"), z.literal("")]),
    owner: email,
    department: text(LIMITS.name),
    unit: text(LIMITS.name),
    direction: oneOf(DIRECTION_NAMES, "direction"),
    aggregation: oneOf(AGGREGATION_NAMES, "aggregation"),
    baseline: z.nullable(finite()),
    target: z.nullable(finite()),
    dataSource: text(LIMITS.text),
    parent: text(LIMITS.id),
    weight: z.nullable(notNegative()),
    whyItMatters: text(LIMITS.text),
    start: isoDay,
    due: isoDay,
    cadence: z.union([oneOf(CADENCE_NAMES, "cadence"), z.literal("")]),
    reward: text(LIMITS.text),
  })
  .check(
    z.superRefine((draft, ctx) => {
      const start = isoDayNumber(draft.start);
      const due = isoDayNumber(draft.due);
      if (start !== undefined && due !== undefined && due < start) {
        ctx.issues.push({
          code: "custom",
          path: ["due"],
          message: "must be on or after the start",
          input: draft.due,
        });
      }
    }),
  );

export type KpiDraft = z.input<typeof kpiDraftSchema>;

/** One part of a split: a child goal that takes `target` of the parent's. */
export const splitPartSchema = z.strictObject({
  label: requiredText(LIMITS.name, "a name for the part"),
  owner: email,
  weight: notNegative(),
  target: finite(),
});

export const SPLIT_KINDS = ["Department", "Channel", "Person"] as const;

export const createKpisRequest = z
  .strictObject({
    kpi: kpiDraftSchema,
    /** Goals written under the new one as they are (an Objective's key results, a template's). */
    children: z
      .array(kpiDraftSchema, { error: "must be a list of goals" })
      .check(z.maxLength(LIMITS.parts, { error: `at most ${LIMITS.parts} sub-goals` })),
    split: z.nullable(
      z.strictObject({
        by: z.enum(SPLIT_KINDS, { error: "split by Department, Channel or Person" }),
        parts: z
          .array(splitPartSchema, { error: "must be a list of parts" })
          .check(
            z.minLength(2, { error: "a split needs at least two parts" }),
            z.maxLength(LIMITS.parts, { error: `at most ${LIMITS.parts} parts` }),
          ),
      }),
    ),
  })
  .check(
    z.superRefine((request, ctx) => {
      const split = request.split;
      if (split === null) return;
      const target = request.kpi.target;
      if (target === null) {
        ctx.issues.push({
          code: "custom",
          path: ["kpi", "target"],
          message: "a split needs a target",
          input: target,
        });
        return;
      }
      const sum = sumExactly(split.parts.map((part) => part.target));
      if (Math.abs(sum - target) > 1e-9 * Math.max(1, Math.abs(target))) {
        ctx.issues.push({
          code: "custom",
          path: ["split", "parts"],
          message: `the parts add up to ${sum}, not to the target ${target}`,
          input: split.parts,
        });
      }
    }),
  );

export type CreateKpisRequest = z.input<typeof createKpisRequest>;

export const updateKpiRequest = z.strictObject({ id: kpiIdText, kpi: kpiDraftSchema });
export type UpdateKpiRequest = z.input<typeof updateKpiRequest>;

export const logCheckinRequest = z.strictObject({
  kpiId: kpiIdText,
  date: requiredDay,
  value: finite(),
  note: text(LIMITS.text),
});
export type LogCheckinRequest = z.input<typeof logCheckinRequest>;

export const planNextCycleRequest = z.strictObject({
  ids: z
    .array(kpiIdText, { error: "must be a list of IDs" })
    .check(
      z.minLength(1, { error: "pick at least one goal" }),
      z.maxLength(LIMITS.cycleIds, { error: `at most ${LIMITS.cycleIds} goals at once` }),
    ),
  includeChildren: z.boolean({ error: "must be true or false" }),
});
export type PlanNextCycleRequest = z.input<typeof planNextCycleRequest>;

/** Adds decimals without binary drift: 0.1 + 0.2 is 0.3 here. */
export function sumExactly(values: readonly number[]): number {
  const scale = Math.max(0, ...values.map(decimalsOf));
  if (scale > 10) return values.reduce((a, b) => a + b, 0);
  const factor = 10 ** scale;
  const units = values.reduce((total, value) => total + Math.round(value * factor), 0);
  return units / factor;
}

function decimalsOf(value: number): number {
  const [, fraction = ""] = String(value).split(".");
  return /e/i.test(String(value)) ? 11 : fraction.length;
}

// ---------------------------------------------------------------------------------------------
// Replies

/** A goal of the registry as the sidebar lists it. Dates are `YYYY-MM-DD` or `""`. */
export interface KpiSummary {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly type: string;
  readonly level: string;
  readonly parent: string;
  readonly owner: string;
  readonly department: string;
  readonly unit: string;
  readonly direction: string;
  readonly aggregation: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly start: string;
  readonly due: string;
  readonly cadence: string;
  readonly weight: number | null;
  readonly reward: string;
  readonly dataSource: string;
  readonly whyItMatters: string;
  /** Computed as KPI_ROLLUP computes it, as of the Settings date. */
  readonly actual: number | null;
  readonly status: string;
  readonly checkins: number;
}

export interface SidebarState {
  /** False when the KPI sheets are not there yet: the sidebar offers to set them up. */
  readonly setUp: boolean;
  /** Today in the spreadsheet's time zone. */
  readonly today: string;
  /** The as-of date of the Settings sheet (today when it has none). */
  readonly asOf: string;
  readonly user: string;
  readonly kpis: readonly KpiSummary[];
}

export interface CheckinReply {
  readonly id: string;
  readonly actual: number | null;
  readonly status: string;
}

/** Field paths (`kpi.name`, `split.parts.2.weight`) with what is wrong with each, in plain words. */
export type FieldErrors = Readonly<Record<string, string>>;

/** What every endpoint answers: it never throws across `google.script.run`. */
export type Result<T> = ({ readonly ok: true } & T) | Failure;

export interface Failure {
  readonly ok: false;
  readonly error: string;
  readonly fields: FieldErrors;
}

/** Every endpoint: its payload and the reply it resolves to. */
export interface SidebarEndpoints {
  sidebarState: { payload: null; reply: Result<SidebarState> };
  sidebarSetUp: { payload: null; reply: Result<SidebarState> };
  createKpis: { payload: CreateKpisRequest; reply: Result<{ ids: string[] }> };
  updateKpi: { payload: UpdateKpiRequest; reply: Result<{ id: string }> };
  logCheckin: { payload: LogCheckinRequest; reply: Result<CheckinReply> };
  planNextCycle: { payload: PlanNextCycleRequest; reply: Result<{ ids: string[] }> };
}

export type EndpointName = keyof SidebarEndpoints;

/** The server's implementation of the endpoint map: each takes `unknown` and validates it. */
export type EndpointImplementations = {
  readonly [K in EndpointName]: (payload: unknown) => SidebarEndpoints[K]["reply"];
};

/** Turns zod's issues into one plain message per field path (the first issue of each field). */
export function fieldErrors(error: {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}): FieldErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in fields)) fields[path] = issue.message;
  }
  return fields;
}

/** Refusal with field-level messages, as the sidebar shows it. */
export function invalid(fields: FieldErrors): Failure {
  const count = Object.keys(fields).length;
  return {
    ok: false,
    error: count === 1 ? "One field needs attention." : `${count} fields need attention.`,
    fields,
  };
}

/** The sidebar's first view when a menu item opens it. */
export const SIDEBAR_VIEWS = ["wizard", "checkin", "cycle"] as const;
export type SidebarView = (typeof SIDEBAR_VIEWS)[number];
