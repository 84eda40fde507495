/** Log a check-in, edit a goal, plan the next cycle (SPEC §5). */

import { useMemo, useState } from "preact/hooks";
import type { FieldErrors, KpiSummary, SidebarState } from "../src/contract/sidebar";
import { call } from "./api";
import { Banner, Checkbox, Field, Select } from "./fields";
import {
  AttainableFields,
  MeasurableFields,
  RelevantFields,
  SpecificFields,
  TimeFields,
} from "./kpiFields";
import { draftOf, formErrors, formOf, gradeForm, type KpiForm, readNumberText } from "./model";
import { Scorecard } from "./scorecard";
import { GoalTree, treeOrder } from "./tree";

const PICKER_LIMIT = 200;

/** Search by ID or name, then pick from the matches. */
function GoalPicker(props: {
  readonly id: string;
  readonly kpis: readonly KpiSummary[];
  readonly value: string;
  readonly onChange: (id: string) => void;
  readonly error?: string | undefined;
}) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const matches = props.kpis.filter(
    (kpi) => q === "" || `${kpi.id} ${kpi.name}`.toLowerCase().includes(q),
  );
  const shown = matches.slice(0, PICKER_LIMIT);
  if (props.value !== "" && !shown.some((kpi) => kpi.id === props.value)) {
    const chosen = props.kpis.find((kpi) => kpi.id === props.value);
    if (chosen !== undefined) shown.unshift(chosen);
  }
  return (
    <>
      <Field
        id={`${props.id}-search`}
        label="Find a goal by ID or name"
        type="search"
        value={query}
        onChange={setQuery}
      />
      <Select
        id={props.id}
        label={`Goal (${matches.length} match${matches.length === 1 ? "" : "es"})`}
        value={props.value}
        options={[
          { value: "", label: "Choose a goal…" },
          ...shown.map((kpi) => ({ value: kpi.id, label: `${kpi.id} · ${kpi.name}` })),
        ]}
        onChange={props.onChange}
        error={props.error}
      />
    </>
  );
}

function describe(kpi: { actual: number | null; status: string }, unit: string): string {
  return `actual ${kpi.actual === null ? "none yet" : `${kpi.actual} ${unit}`.trim()} · status ${kpi.status || "—"}`;
}

export function CheckinView(props: {
  readonly state: SidebarState;
  readonly reload: () => Promise<void>;
}) {
  const { state } = props;
  const [kpiId, setKpiId] = useState("");
  const [date, setDate] = useState(state.today);
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const kpi = state.kpis.find((candidate) => candidate.id === kpiId);

  const save = async () => {
    const number = readNumberText(value);
    const local: Record<string, string> = {};
    if (kpiId === "") local["kpiId"] = "choose a goal";
    if (number === null || Number.isNaN(number)) local["value"] = "type the number measured";
    if (date === "") local["date"] = "a date is required";
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const reply = await call("logCheckin", { kpiId, date, value: number!, note });
    setBusy(false);
    if (!reply.ok) {
      setErrors(reply.fields);
      setBanner({ kind: "error", text: reply.error });
      return;
    }
    setBanner({
      kind: "success",
      text: `Saved. ${reply.id} now: ${describe(reply, kpi?.unit ?? "")}.`,
    });
    setValue("");
    setNote("");
    await props.reload();
  };

  return (
    <section aria-labelledby="checkin-heading">
      <h2 id="checkin-heading" tabIndex={-1}>
        Log a check-in
      </h2>
      {banner === null ? null : <Banner kind={banner.kind}>{banner.text}</Banner>}
      <GoalPicker
        id="checkin-kpi"
        kpis={state.kpis}
        value={kpiId}
        onChange={setKpiId}
        error={errors["kpiId"]}
      />
      {kpi === undefined ? null : (
        <p class="note" data-testid="checkin-current">
          {kpi.name}: target {kpi.target ?? "—"} {kpi.unit}; {describe(kpi, kpi.unit)}
        </p>
      )}
      <Field
        id="checkin-date"
        label="Date"
        type="date"
        value={date}
        onChange={setDate}
        error={errors["date"]}
      />
      <Field
        id="checkin-value"
        label="Value"
        inputMode="decimal"
        value={value}
        onChange={setValue}
        error={errors["value"]}
      />
      <Field
        id="checkin-note"
        label="Note (optional)"
        multiline
        value={note}
        onChange={setNote}
        error={errors["note"]}
      />
      <p class="hint">Logged by {state.user || "an unknown user (Google gave no e-mail)"}.</p>
      <div class="actions">
        <button type="button" class="action" onClick={() => void save()} disabled={busy}>
          {busy ? "Saving…" : "Save check-in"}
        </button>
      </div>
    </section>
  );
}

export function EditView(props: {
  readonly state: SidebarState;
  readonly reload: () => Promise<void>;
}) {
  const { state } = props;
  const [kpiId, setKpiId] = useState("");
  const [form, setForm] = useState<KpiForm | null>(null);
  const [basis, setBasis] = useState("");
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useMemo(
    () => new Set(state.kpis.map((kpi) => kpi.id.trim().toLowerCase())),
    [state.kpis],
  );

  const choose = (id: string) => {
    setKpiId(id);
    const kpi = state.kpis.find((candidate) => candidate.id === id);
    setForm(kpi === undefined ? null : formOf(kpi));
    setServerErrors({});
    setBanner(null);
  };
  const local = form === null ? {} : formErrors(form);
  const errors: Record<string, string> = { ...local };
  for (const [path, message] of Object.entries(serverErrors))
    errors[path.replace(/^kpi\./, "")] = message;
  const set = (patch: Partial<KpiForm>) =>
    setForm((old) => (old === null ? old : { ...old, ...patch }));
  const hasChildren = state.kpis.some((kpi) => kpi.parent.toLowerCase() === kpiId.toLowerCase());

  const save = async () => {
    if (form === null) return;
    setBusy(true);
    const reply = await call("updateKpi", { id: kpiId, kpi: draftOf(form) });
    setBusy(false);
    if (!reply.ok) {
      setServerErrors(reply.fields);
      setBanner({ kind: "error", text: reply.error });
      return;
    }
    setBanner({ kind: "success", text: `Saved ${reply.id}.` });
    await props.reload();
  };

  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading" tabIndex={-1}>
        Edit a goal
      </h2>
      {banner === null ? null : <Banner kind={banner.kind}>{banner.text}</Banner>}
      <GoalPicker
        id="edit-kpi"
        kpis={state.kpis}
        value={kpiId}
        onChange={choose}
        error={serverErrors["id"]}
      />
      {form === null ? null : (
        <>
          <Scorecard grade={gradeForm(form, ids, hasChildren)} />
          <h3>Specific</h3>
          <SpecificFields idPrefix="e-" form={form} set={set} errors={errors} />
          <h3>Measurable</h3>
          <MeasurableFields idPrefix="e-" form={form} set={set} errors={errors} />
          <h3>Attainable</h3>
          <AttainableFields
            idPrefix="e-"
            form={form}
            set={set}
            errors={errors}
            kpis={state.kpis.filter((kpi) => kpi.id !== kpiId)}
            asOf={state.asOf}
            basis={basis}
            setBasis={setBasis}
          />
          <h3>Relevant</h3>
          <RelevantFields
            idPrefix="e-"
            form={form}
            set={set}
            errors={errors}
            kpis={state.kpis}
            self={kpiId}
          />
          <h3>Time-bound</h3>
          <TimeFields idPrefix="e-" form={form} set={set} errors={errors} />
          <div class="actions">
            <button
              type="button"
              class="action"
              onClick={() => void save()}
              disabled={busy || Object.keys(local).length > 0}
            >
              {busy ? "Saving…" : "Save changes"}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function CycleView(props: {
  readonly state: SidebarState;
  readonly reload: () => Promise<void>;
}) {
  const { state } = props;
  const [chosen, setChosen] = useState<string[]>([]);
  const [withChildren, setWithChildren] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [banner, setBanner] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const nodes = useMemo(() => treeOrder(state.kpis), [state.kpis]);

  // What will be copied: the chosen goals and, when asked, everything under them.
  const keys = new Set(chosen.map((id) => id.toLowerCase()));
  if (withChildren) {
    for (const node of nodes) {
      if (keys.has(node.kpi.parent.toLowerCase())) keys.add(node.kpi.id.toLowerCase());
    }
  }
  const copies = state.kpis.filter((kpi) => keys.has(kpi.id.toLowerCase()));

  const plan = async () => {
    if (chosen.length === 0) {
      setError("pick at least one goal");
      return;
    }
    setBusy(true);
    const reply = await call("planNextCycle", { ids: chosen, includeChildren: withChildren });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.fields["ids"]);
      setBanner({ kind: "error", text: reply.error });
      return;
    }
    setError(undefined);
    setBanner({
      kind: "success",
      text: `Created ${reply.ids.length} copies: ${reply.ids.join(", ")}.`,
    });
    setChosen([]);
    await props.reload();
  };

  return (
    <section aria-labelledby="cycle-heading">
      <h2 id="cycle-heading" tabIndex={-1}>
        Plan the next cycle
      </h2>
      <p class="note">
        Copies the chosen goals for the next period of the same length: it starts the day after the
        old due date, the baseline is the last actual, parent links point to the copies. The old
        rows are not changed.
      </p>
      {banner === null ? null : <Banner kind={banner.kind}>{banner.text}</Banner>}
      <Checkbox
        id="cycle-children"
        label="Also copy the goals under them"
        checked={withChildren}
        onChange={setWithChildren}
      />
      <GoalTree
        id="cycle-goals"
        legend="Goals to copy"
        kpis={state.kpis}
        mode="many"
        selected={chosen}
        onChange={setChosen}
        error={error}
      />
      <p class="note" role="status" aria-live="polite" data-testid="cycle-count">
        {copies.length === 0
          ? "Nothing chosen yet."
          : `${copies.length} goal${copies.length === 1 ? "" : "s"} will be copied.`}
      </p>
      <div class="actions">
        <button type="button" class="action" onClick={() => void plan()} disabled={busy}>
          {busy ? "Creating…" : "Create copies"}
        </button>
      </div>
    </section>
  );
}
