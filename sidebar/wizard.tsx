/**
 * The wizard (SPEC §5): Specific → Measurable → Attainable → Relevant → Time-bound → Split →
 * Review → Create, with live feedback on each step from the SMART rules KPI_SMART uses.
 */

import { useMemo, useState } from "preact/hooks";
import type { FieldErrors, SidebarState } from "../src/contract/sidebar";
import { call } from "./api";
import { Banner, Checkbox, Field, Select } from "./fields";
import {
  AttainableFields,
  LETTER_OF_FIELD,
  type Letter,
  MeasurableFields,
  RelevantFields,
  SpecificFields,
  TimeFields,
} from "./kpiFields";
import {
  createRequest,
  emptyForm,
  formErrors,
  gradeForm,
  type KpiForm,
  partsTotal,
  readNumberText,
  type SplitBy,
  type SplitForm,
  splitTargets,
} from "./model";
import { LetterFeedback, Scorecard } from "./scorecard";
import { templates } from "./templates";

const STEPS = [
  "Specific",
  "Measurable",
  "Attainable",
  "Relevant",
  "Time-bound",
  "Split",
  "Review",
] as const;
type Step = (typeof STEPS)[number];
const LETTER_OF_STEP: Partial<Record<Step, Letter>> = {
  Specific: "S",
  Measurable: "M",
  Attainable: "A",
  Relevant: "R",
  "Time-bound": "T",
};

function stepOfError(path: string): number {
  const [head, field] = path.split(".");
  if (head === "split") return STEPS.indexOf("Split");
  if (head === "kpi" && field !== undefined && field in LETTER_OF_FIELD) {
    const letter = LETTER_OF_FIELD[field as keyof KpiForm];
    return STEPS.findIndex((step) => LETTER_OF_STEP[step] === letter);
  }
  return STEPS.indexOf("Review");
}

export function Wizard(props: {
  readonly state: SidebarState;
  readonly reload: () => Promise<void>;
}) {
  const { state } = props;
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<KpiForm>(emptyForm);
  const [split, setSplit] = useState<SplitForm>({
    enabled: false,
    by: "Person",
    weighted: true,
    parts: [],
  });
  const [children, setChildren] = useState<KpiForm[]>([]);
  const [basis, setBasis] = useState("");
  const [template, setTemplate] = useState("");
  const [tried, setTried] = useState<ReadonlySet<number>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const ids = useMemo(
    () => new Set(state.kpis.map((kpi) => kpi.id.trim().toLowerCase())),
    [state.kpis],
  );
  const grade = gradeForm(form, ids, children.length > 0 || split.enabled);
  const local = formErrors(form);
  const current = STEPS[step]!;
  const letter = LETTER_OF_STEP[current];
  const showLocal = tried.has(step) || current === "Review";
  const errorsFor = (field: string) =>
    serverErrors[`kpi.${field}`] ?? (showLocal ? local[field] : undefined);
  const errors: Record<string, string> = {};
  for (const field of Object.keys(LETTER_OF_FIELD)) {
    const message = errorsFor(field);
    if (message !== undefined) errors[field] = message;
  }

  const set = (patch: Partial<KpiForm>) => {
    setForm((old) => ({ ...old, ...patch }));
    setServerErrors({});
  };
  const setParts = (parts: SplitForm["parts"], next: Partial<SplitForm> = {}) => {
    setSplit((old) => ({ ...old, ...next, parts }));
    setServerErrors({});
  };
  const recompute = (parts: SplitForm["parts"], weighted = split.weighted) => {
    const targets = splitTargets(
      readNumberText(form.target),
      parts.map((part) => readNumberText(part.weight)),
      weighted,
    );
    return targets === undefined
      ? parts
      : parts.map((part, i) => ({ ...part, target: String(targets[i]) }));
  };

  const applyTemplate = () => {
    const chosen = templates(state.today).find((candidate) => candidate.id === template);
    if (chosen === undefined) return;
    setForm({ ...chosen.form });
    setSplit({ ...chosen.split, parts: chosen.split.parts.map((part) => ({ ...part })) });
    setChildren(chosen.children.map((child) => ({ ...child })));
    setServerErrors({});
    setBanner({
      kind: "success",
      text: `Filled in from “${chosen.title}”. Every step stays editable.`,
    });
  };

  const stepFields: Record<Step, readonly string[]> = {
    Specific: ["name", "description", "type", "level", "owner", "department"],
    Measurable: ["unit", "direction", "aggregation", "baseline", "target", "dataSource"],
    Attainable: ["reward"],
    Relevant: ["parent", "weight", "whyItMatters"],
    "Time-bound": ["start", "due", "cadence"],
    Split: [],
    Review: [],
  };
  const go = (to: number) => {
    setStep(to);
    setBanner(null);
    queueMicrotask(() => document.getElementById("step-heading")?.focus());
  };
  const next = () => {
    setTried((old) => new Set(old).add(step));
    if (stepFields[current].some((field) => local[field] !== undefined)) return;
    go(step + 1);
  };

  const create = async () => {
    setBusy(true);
    setBanner(null);
    const reply = await call("createKpis", createRequest(form, split, children));
    setBusy(false);
    if (!reply.ok) {
      setServerErrors(reply.fields);
      const paths = Object.keys(reply.fields);
      setBanner({
        kind: "error",
        text: `${reply.error} ${paths.map((path) => `${path.replace(/^kpi\./, "")}: ${reply.fields[path]}`).join("; ")}`,
      });
      if (paths.length > 0) setStep(Math.min(...paths.map(stepOfError)));
      return;
    }
    setBanner({ kind: "success", text: `Created ${reply.ids.join(", ")}.` });
    await props.reload();
  };

  const startOver = () => {
    setForm(emptyForm());
    setSplit({ enabled: false, by: "Person", weighted: true, parts: [] });
    setChildren([]);
    setTried(new Set());
    setServerErrors({});
    setBanner(null);
    setTemplate("");
    setStep(0);
  };

  const total = readNumberText(form.target);
  const partsSum = partsTotal(split.parts);
  return (
    <section aria-labelledby="step-heading">
      <ol class="steps" aria-label="Wizard steps">
        {STEPS.map((name, i) => (
          <li
            key={name}
            aria-current={i === step ? "step" : undefined}
            class={i === step ? "current" : ""}
          >
            {LETTER_OF_STEP[name] ?? name[0]}
            <span class="visually-hidden"> {name}</span>
          </li>
        ))}
      </ol>
      <h2 id="step-heading" tabIndex={-1}>
        Step {step + 1} of {STEPS.length}: {current}
      </h2>
      {banner === null ? null : <Banner kind={banner.kind}>{banner.text}</Banner>}

      {current === "Specific" ? (
        <>
          <div class="template-picker">
            <Select
              id="template"
              label="Start from a template (optional)"
              value={template}
              options={[
                { value: "", label: "No template" },
                ...templates(state.today).map((t) => ({ value: t.id, label: t.title })),
              ]}
              onChange={setTemplate}
            />
            <button type="button" onClick={applyTemplate} disabled={template === ""}>
              Use template
            </button>
          </div>
          <SpecificFields idPrefix="w-" form={form} set={set} errors={errors} />
        </>
      ) : null}
      {current === "Measurable" ? (
        <MeasurableFields idPrefix="w-" form={form} set={set} errors={errors} />
      ) : null}
      {current === "Attainable" ? (
        <AttainableFields
          idPrefix="w-"
          form={form}
          set={set}
          errors={errors}
          kpis={state.kpis}
          asOf={state.asOf}
          basis={basis}
          setBasis={setBasis}
        />
      ) : null}
      {current === "Relevant" ? (
        <RelevantFields idPrefix="w-" form={form} set={set} errors={errors} kpis={state.kpis} />
      ) : null}
      {current === "Time-bound" ? (
        <TimeFields idPrefix="w-" form={form} set={set} errors={errors} />
      ) : null}
      {current === "Split" ? (
        <SplitStep
          split={split}
          total={total}
          partsSum={partsSum}
          unit={form.unit}
          error={serverErrors["split.parts"] ?? serverErrors["split"]}
          onToggle={(enabled) =>
            setParts(
              enabled && split.parts.length === 0 ? recompute(defaultParts(split.by)) : split.parts,
              { enabled },
            )
          }
          onBy={(by) => setSplit((old) => ({ ...old, by }))}
          onWeighted={(weighted) => setParts(recompute(split.parts, weighted), { weighted })}
          onParts={setParts}
          recompute={recompute}
          children={children}
          removeChild={(i) => setChildren((old) => old.filter((_, j) => j !== i))}
        />
      ) : null}
      {current === "Review" ? <Review form={form} split={split} children={children} /> : null}

      {letter === undefined ? null : <LetterFeedback grade={grade} letter={letter} />}
      <Scorecard grade={grade} {...(letter === undefined ? {} : { focus: letter })} />

      <div class="actions">
        {step > 0 ? (
          <button type="button" onClick={() => go(step - 1)}>
            Back
          </button>
        ) : null}
        {current === "Review" ? (
          <>
            <button
              type="button"
              class="action"
              onClick={() => void create()}
              disabled={busy || Object.keys(local).length > 0}
            >
              {busy ? "Creating…" : "Create"}
            </button>
            <button type="button" onClick={startOver}>
              Start another
            </button>
          </>
        ) : (
          <button type="button" class="action" onClick={next}>
            Next
          </button>
        )}
      </div>
    </section>
  );
}

function defaultParts(by: SplitBy): SplitForm["parts"] {
  const names =
    by === "Channel"
      ? ["SEO", "Community", "Events", "KOL"]
      : by === "Department"
        ? ["Department 1", "Department 2"]
        : ["Person 1", "Person 2"];
  return names.map((label) => ({ label, owner: "", weight: "1", target: "" }));
}

function SplitStep(props: {
  readonly split: SplitForm;
  readonly total: number | null;
  readonly partsSum: number;
  readonly unit: string;
  readonly error: string | undefined;
  readonly onToggle: (enabled: boolean) => void;
  readonly onBy: (by: SplitBy) => void;
  readonly onWeighted: (weighted: boolean) => void;
  readonly onParts: (parts: SplitForm["parts"]) => void;
  readonly recompute: (parts: SplitForm["parts"]) => SplitForm["parts"];
  readonly children: readonly KpiForm[];
  readonly removeChild: (index: number) => void;
}) {
  const { split, total } = props;
  const setPart = (i: number, patch: Partial<SplitForm["parts"][number]>, again: boolean) => {
    const parts = split.parts.map((part, j) => (j === i ? { ...part, ...patch } : part));
    props.onParts(again ? props.recompute(parts) : parts);
  };
  const balanced =
    total !== null && Math.abs(props.partsSum - total) <= 1e-9 * Math.max(1, Math.abs(total));
  return (
    <>
      <Checkbox
        id="split-on"
        label="Split the target into parts"
        checked={split.enabled}
        onChange={props.onToggle}
      />
      {split.enabled ? (
        <>
          <Select
            id="split-by"
            label="Split by"
            value={split.by}
            options={["Department", "Channel", "Person"]}
            onChange={(by) => props.onBy(by as SplitBy)}
          />
          <Checkbox
            id="split-weighted"
            label="Weighted (otherwise equal parts)"
            checked={split.weighted}
            onChange={props.onWeighted}
          />
          {split.parts.map((part, i) => (
            <fieldset class="part" key={i}>
              <legend>Part {i + 1}</legend>
              <Field
                id={`part-${i}-label`}
                label={split.by === "Person" ? "Person" : split.by}
                value={part.label}
                onChange={(label) => setPart(i, { label }, false)}
              />
              {split.by === "Person" ? (
                <Field
                  id={`part-${i}-owner`}
                  label="E-mail"
                  type="email"
                  value={part.owner}
                  onChange={(owner) => setPart(i, { owner }, false)}
                />
              ) : null}
              {split.weighted ? (
                <Field
                  id={`part-${i}-weight`}
                  label="Weight"
                  inputMode="decimal"
                  value={part.weight}
                  onChange={(weight) => setPart(i, { weight }, true)}
                />
              ) : null}
              <Field
                id={`part-${i}-target`}
                label="Target"
                inputMode="decimal"
                value={part.target}
                onChange={(target) => setPart(i, { target }, false)}
              />
              <button
                type="button"
                onClick={() =>
                  props.onParts(props.recompute(split.parts.filter((_, j) => j !== i)))
                }
                disabled={split.parts.length <= 2}
              >
                Remove part {i + 1}
              </button>
            </fieldset>
          ))}
          <div class="actions">
            <button
              type="button"
              onClick={() =>
                props.onParts(
                  props.recompute([
                    ...split.parts,
                    {
                      label: `${split.by} ${split.parts.length + 1}`,
                      owner: "",
                      weight: "1",
                      target: "",
                    },
                  ]),
                )
              }
            >
              Add a part
            </button>
            <button type="button" onClick={() => props.onParts(props.recompute(split.parts))}>
              Recompute from weights
            </button>
          </div>
          <p
            class={`feedback ${balanced ? "pass" : "fail"}`}
            role="status"
            aria-live="polite"
            data-testid="split-sum"
          >
            Parts add up to {props.partsSum} of {total ?? "—"} {props.unit}
            {balanced ? "." : ": they must add up to the target."}
          </p>
          {props.error === undefined ? null : <p class="error">{props.error}</p>}
        </>
      ) : null}
      {props.children.length > 0 ? (
        <section aria-label="Sub-goals">
          <h3>Sub-goals written under it</h3>
          <ul class="plain">
            {props.children.map((child, i) => (
              <li key={i}>
                {child.name}{" "}
                <button type="button" onClick={() => props.removeChild(i)}>
                  Remove “{child.name}”
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Review(props: {
  readonly form: KpiForm;
  readonly split: SplitForm;
  readonly children: readonly KpiForm[];
}) {
  const { form, split, children } = props;
  const rows = [
    {
      id: "new 1",
      name: form.name,
      target: form.target,
      owner: form.owner,
      parent: form.parent || "—",
    },
    ...(split.enabled ? split.parts : []).map((part, i) => ({
      id: `new ${i + 2}`,
      name: `${form.name} — ${part.label}`,
      target: part.target,
      owner: part.owner || form.owner,
      parent: "new 1",
    })),
    ...children.map((child, i) => ({
      id: `new ${i + 2 + (split.enabled ? split.parts.length : 0)}`,
      name: child.name,
      target: child.target,
      owner: child.owner,
      parent: "new 1",
    })),
  ];
  return (
    <table class="review">
      <caption>Rows to be written to KPIs ({rows.length})</caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Name</th>
          <th scope="col">Target</th>
          <th scope="col">Parent</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.id}</td>
            <td>{row.name}</td>
            <td>{row.target}</td>
            <td>{row.parent}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
