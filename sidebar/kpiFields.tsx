/** The fields of one goal, grouped by SMART letter: the wizard shows a group a step, Edit all. */

import {
  AGGREGATION_NAMES,
  CADENCE_NAMES,
  DIRECTION_NAMES,
  type FieldErrors,
  type KpiSummary,
  LEVEL_NAMES,
  TYPE_NAMES,
} from "../src/contract/sidebar";
import { Field, Select } from "./fields";
import type { KpiForm } from "./model";
import { runRateAdvice } from "./model";
import { GoalTree } from "./tree";

export interface GroupProps {
  /** Prefix of the inputs' ids, so two forms never share one. */
  readonly idPrefix: string;
  readonly form: KpiForm;
  readonly set: (patch: Partial<KpiForm>) => void;
  readonly errors: FieldErrors;
}

export type Letter = "S" | "M" | "A" | "R" | "T";

/** Which group each draft field is typed in (to jump to the step of a refused field). */
export const LETTER_OF_FIELD: Readonly<Record<keyof KpiForm, Letter>> = {
  name: "S",
  description: "S",
  type: "S",
  level: "S",
  owner: "S",
  department: "S",
  unit: "M",
  direction: "M",
  aggregation: "M",
  baseline: "M",
  target: "M",
  dataSource: "M",
  reward: "A",
  parent: "R",
  weight: "R",
  whyItMatters: "R",
  start: "T",
  due: "T",
  cadence: "T",
};

export function SpecificFields({ idPrefix: p, form, set, errors }: GroupProps) {
  return (
    <>
      <Field
        id={`${p}name`}
        label="Name: what, how many, for whom"
        value={form.name}
        required
        onChange={(name) => set({ name })}
        error={errors["name"]}
        hint='e.g. "Visit 100 manufacturing customers"'
      />
      <Field
        id={`${p}description`}
        label="Description"
        multiline
        value={form.description}
        onChange={(description) => set({ description })}
        error={errors["description"]}
      />
      <Select
        id={`${p}type`}
        label="Type"
        value={form.type}
        options={TYPE_NAMES}
        onChange={(type) => set({ type })}
        error={errors["type"]}
      />
      <Select
        id={`${p}level`}
        label="Level"
        value={form.level}
        options={["", ...LEVEL_NAMES]}
        onChange={(level) => set({ level })}
        error={errors["level"]}
      />
      <Field
        id={`${p}owner`}
        label="Owner (e-mail)"
        type="email"
        inputMode="email"
        value={form.owner}
        onChange={(owner) => set({ owner })}
        error={errors["owner"]}
      />
      <Field
        id={`${p}department`}
        label="Department"
        value={form.department}
        onChange={(department) => set({ department })}
        error={errors["department"]}
      />
    </>
  );
}

export function MeasurableFields({ idPrefix: p, form, set, errors }: GroupProps) {
  return (
    <>
      <Field
        id={`${p}unit`}
        label="Unit"
        value={form.unit}
        onChange={(unit) => set({ unit })}
        error={errors["unit"]}
        hint='"orders", "%", "NTD", "visits"…'
      />
      <Select
        id={`${p}direction`}
        label="Direction"
        value={form.direction}
        options={DIRECTION_NAMES}
        onChange={(direction) => set({ direction })}
        error={errors["direction"]}
      />
      <Select
        id={`${p}aggregation`}
        label="Check-ins combine by"
        value={form.aggregation}
        options={AGGREGATION_NAMES}
        onChange={(aggregation) => set({ aggregation })}
        error={errors["aggregation"]}
      />
      <Field
        id={`${p}baseline`}
        label="Baseline (where you start)"
        inputMode="decimal"
        value={form.baseline}
        onChange={(baseline) => set({ baseline })}
        error={errors["baseline"]}
      />
      <Field
        id={`${p}target`}
        label="Target"
        inputMode="decimal"
        value={form.target}
        onChange={(target) => set({ target })}
        error={errors["target"]}
      />
      <Field
        id={`${p}dataSource`}
        label="Data source: how the number is obtained"
        value={form.dataSource}
        onChange={(dataSource) => set({ dataSource })}
        error={errors["dataSource"]}
      />
    </>
  );
}

export function AttainableFields(
  props: GroupProps & {
    readonly kpis: readonly KpiSummary[];
    readonly asOf: string;
    readonly basis: string;
    readonly setBasis: (id: string) => void;
  },
) {
  const { idPrefix: p, form, set, errors, kpis, basis, setBasis, asOf } = props;
  const basisKpi = kpis.find((kpi) => kpi.id === basis);
  const advice = runRateAdvice(form, basisKpi, asOf);
  const baseline = form.baseline.trim();
  const target = form.target.trim();
  const stretch =
    baseline !== "" &&
    target !== "" &&
    Number(baseline) !== 0 &&
    Number.isFinite(Number(target) / Number(baseline))
      ? `The target is ${(Number(target) / Number(baseline)).toFixed(2)}× the baseline.`
      : "";
  return (
    <>
      <p class="note">
        From {baseline === "" ? "no baseline" : baseline} to {target === "" ? "no target" : target}{" "}
        {form.unit}. {stretch}
      </p>
      <Select
        id={`${p}basis`}
        label="Based on an existing goal (optional)"
        value={basis}
        options={[
          { value: "", label: "None" },
          ...kpis
            .filter((kpi) => kpi.actual !== null)
            .map((kpi) => ({ value: kpi.id, label: `${kpi.id} · ${kpi.name}` })),
        ]}
        onChange={setBasis}
        hint="Compares the rate this target needs with that goal's past run-rate from its check-ins."
      />
      {advice === undefined ? null : (
        <p
          class={`feedback ${advice.verdict === "stretch" ? "pass" : "warn"}`}
          role="status"
          data-testid="run-rate"
        >
          {advice.text}
        </p>
      )}
      <Field
        id={`${p}reward`}
        label="Reward when achieved (optional)"
        value={form.reward}
        onChange={(reward) => set({ reward })}
        error={errors["reward"]}
      />
    </>
  );
}

export function RelevantFields(
  props: GroupProps & { readonly kpis: readonly KpiSummary[]; readonly self?: string },
) {
  const { idPrefix: p, form, set, errors, kpis, self } = props;
  const candidates = self === undefined ? kpis : kpis.filter((kpi) => kpi.id !== self);
  return (
    <>
      <GoalTree
        id={`${p}parent`}
        legend="Parent: the goal this one serves"
        kpis={candidates}
        mode="one"
        selected={form.parent === "" ? [] : [form.parent]}
        onChange={(ids) => set({ parent: ids[0] ?? "" })}
        noneLabel="None (a company-level goal)"
        error={errors["parent"]}
      />
      <Field
        id={`${p}weight`}
        label="Weight in the parent (blank is 1)"
        inputMode="decimal"
        value={form.weight}
        onChange={(weight) => set({ weight })}
        error={errors["weight"]}
      />
      <Field
        id={`${p}whyItMatters`}
        label="Why it matters"
        multiline
        value={form.whyItMatters}
        onChange={(whyItMatters) => set({ whyItMatters })}
        error={errors["whyItMatters"]}
      />
    </>
  );
}

export function TimeFields({ idPrefix: p, form, set, errors }: GroupProps) {
  return (
    <>
      <Field
        id={`${p}start`}
        label="Start"
        type="date"
        value={form.start}
        onChange={(start) => set({ start })}
        error={errors["start"]}
      />
      <Field
        id={`${p}due`}
        label="Due"
        type="date"
        value={form.due}
        onChange={(due) => set({ due })}
        error={errors["due"]}
      />
      <Select
        id={`${p}cadence`}
        label="Check-in cadence"
        value={form.cadence}
        options={["", ...CADENCE_NAMES]}
        onChange={(cadence) => set({ cadence })}
        error={errors["cadence"]}
      />
    </>
  );
}
