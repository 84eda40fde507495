/**
 * The sidebar's forms as the user types them (numbers as text, so a half-typed "1." is kept),
 * turned into the contract's drafts, graded by the very SMART rules KPI_SMART uses, and split by
 * the very arithmetic of KPI_SPLIT.
 */

import {
  type CreateKpisRequest,
  type FieldErrors,
  fieldErrors,
  isoDayNumber,
  type KpiDraft,
  type KpiSummary,
  kpiDraftSchema,
  sumExactly,
} from "../src/contract/sidebar";
import { gradeSmart, type SmartGrade } from "../src/core/smart";
import { kpiSplit } from "../src/core/split";

export interface KpiForm {
  name: string;
  description: string;
  type: string;
  level: string;
  owner: string;
  department: string;
  unit: string;
  direction: string;
  aggregation: string;
  baseline: string;
  target: string;
  dataSource: string;
  parent: string;
  weight: string;
  whyItMatters: string;
  start: string;
  due: string;
  cadence: string;
  reward: string;
}

export type SplitBy = "Department" | "Channel" | "Person";

export interface SplitPartForm {
  label: string;
  owner: string;
  weight: string;
  target: string;
}

export interface SplitForm {
  enabled: boolean;
  by: SplitBy;
  weighted: boolean;
  parts: SplitPartForm[];
}

export function emptyForm(): KpiForm {
  return {
    name: "",
    description: "",
    type: "KPI",
    level: "",
    owner: "",
    department: "",
    unit: "",
    direction: "Increase",
    aggregation: "Sum",
    baseline: "0",
    target: "",
    dataSource: "",
    parent: "",
    weight: "",
    whyItMatters: "",
    start: "",
    due: "",
    cadence: "",
    reward: "",
  };
}

const numberText = (value: number | null) => (value === null ? "" : String(value));

export function formOf(kpi: KpiSummary): KpiForm {
  return {
    name: kpi.name,
    description: kpi.description,
    type: kpi.type || "KPI",
    level: kpi.level,
    owner: kpi.owner,
    department: kpi.department,
    unit: kpi.unit,
    direction: kpi.direction || "Increase",
    aggregation: kpi.aggregation || "Sum",
    baseline: numberText(kpi.baseline),
    target: numberText(kpi.target),
    dataSource: kpi.dataSource,
    parent: kpi.parent,
    weight: numberText(kpi.weight),
    whyItMatters: kpi.whyItMatters,
    start: kpi.start,
    due: kpi.due,
    cadence: kpi.cadence,
    reward: kpi.reward,
  };
}

/** A number typed as text: blank is `null`, anything unreadable `NaN` (the schema refuses it). */
export function readNumberText(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, "");
  if (trimmed === "") return null;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function draftOf(form: KpiForm): KpiDraft {
  return {
    ...form,
    baseline: readNumberText(form.baseline),
    target: readNumberText(form.target),
    weight: readNumberText(form.weight),
  };
}

/** The schema's complaints about a form, by field name; empty when it may be sent. */
export function formErrors(form: KpiForm): FieldErrors {
  const draft = draftOf(form);
  const parsed = kpiDraftSchema.safeParse(draft);
  const errors: Record<string, string> = parsed.success ? {} : { ...fieldErrors(parsed.error) };
  // JSON turns NaN into null: say so here, before it is sent as a blank.
  for (const field of ["baseline", "target", "weight"] as const) {
    if (Number.isNaN(draft[field])) errors[field] = "must be a number";
  }
  return errors;
}

/** SPEC §4.6 on the form, against the registry's IDs. */
export function gradeForm(
  form: KpiForm,
  ids: ReadonlySet<string>,
  hasKeyResults: boolean,
): SmartGrade {
  return gradeSmart(
    {
      name: form.name,
      type: form.type,
      level: form.level,
      parent: form.parent,
      unit: form.unit,
      direction: form.direction,
      baseline: form.baseline.trim() === "" ? "" : readNumberText(form.baseline),
      target: form.target.trim() === "" ? "" : readNumberText(form.target),
      start: form.start,
      due: form.due,
    },
    { ids, hasKeyResults },
  );
}

/** Decimal places a split of `total` keeps: as many as the total has (KPI_SPLIT's rule). */
function decimalsOf(total: number): number {
  const [, fraction = ""] = String(total).split(".");
  return Math.min(10, fraction.length);
}

/**
 * Each part's target by KPI_SPLIT: weights in proportion (equal when `weighted` is off), parts
 * adding up to the total exactly. `undefined` when it cannot be split (no total, bad weights).
 */
export function splitTargets(
  total: number | null,
  weights: readonly (number | null)[],
  weighted: boolean,
): number[] | undefined {
  if (total === null || Number.isNaN(total) || weights.length === 0) return undefined;
  const column = weights.map((weight) => [weighted ? (weight ?? Number.NaN) : 1]);
  if (column.some(([weight]) => weight === undefined || Number.isNaN(weight) || weight < 0))
    return undefined;
  try {
    const result = kpiSplit(total, column, decimalsOf(total));
    return Array.isArray(result) ? result.map((row) => Number(row[0])) : undefined;
  } catch {
    return undefined;
  }
}

export function partsTotal(parts: readonly SplitPartForm[]): number {
  return sumExactly(parts.map((part) => readNumberText(part.target) ?? 0));
}

/** The request the wizard sends. */
export function createRequest(
  form: KpiForm,
  split: SplitForm,
  children: readonly KpiForm[],
): CreateKpisRequest {
  return {
    kpi: draftOf(form),
    children: children.map(draftOf),
    split: split.enabled
      ? {
          by: split.by,
          parts: split.parts.map((part) => ({
            label: part.label,
            owner: part.owner,
            weight: split.weighted ? (readNumberText(part.weight) ?? Number.NaN) : 1,
            target: readNumberText(part.target) ?? Number.NaN,
          })),
        }
      : null,
  };
}

/** Days from start to due inclusive; `undefined` without a valid window. */
export function windowDays(start: string, due: string): number | undefined {
  const from = isoDayNumber(start);
  const to = isoDayNumber(due);
  return from === undefined || to === undefined || to < from ? undefined : to - from + 1;
}

/**
 * Attainable against an existing goal (SPEC §5): the rate this target needs per day, compared
 * with the rate the other goal achieved from its start to the as-of date.
 */
export function runRateAdvice(
  form: KpiForm,
  basis: KpiSummary | undefined,
  asOf: string,
): { ratio: number; verdict: "too easy" | "stretch" | "too hard"; text: string } | undefined {
  if (basis === undefined || basis.actual === null) return undefined;
  const baseline = readNumberText(form.baseline) ?? 0;
  const target = readNumberText(form.target);
  const days = windowDays(form.start, form.due);
  const pastDays = windowDays(basis.start, asOf < basis.due || basis.due === "" ? asOf : basis.due);
  if (target === null || Number.isNaN(target) || days === undefined || pastDays === undefined)
    return undefined;
  const pastRate = (basis.actual - (basis.baseline ?? 0)) / pastDays;
  if (pastRate <= 0) return undefined;
  const neededRate = Math.abs(target - baseline) / days;
  const ratio = neededRate / pastRate;
  const shown = ratio.toFixed(2);
  if (ratio <= 1) {
    return {
      ratio,
      verdict: "too easy",
      text: `Too easy: this needs ${shown}× the rate ${basis.id} already achieves.`,
    };
  }
  if (ratio > 1.5) {
    return {
      ratio,
      verdict: "too hard",
      text: `Ambitious: this needs ${shown}× the rate ${basis.id} achieved — more than 1.5×.`,
    };
  }
  return { ratio, verdict: "stretch", text: `A stretch: ${shown}× the rate ${basis.id} achieved.` };
}
