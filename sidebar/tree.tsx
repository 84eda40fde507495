/**
 * The registry as a tree of goals under their parents, filtered as the user types (a match keeps
 * its ancestors, so it is shown where it belongs). Radios pick one goal, checkboxes several; both
 * are native inputs, so the keyboard works as everywhere else.
 */

import { useMemo, useState } from "preact/hooks";
import type { KpiSummary } from "../src/contract/sidebar";

const SHOWN = 200;

interface Node {
  readonly kpi: KpiSummary;
  readonly depth: number;
}

/** Goals in tree order with their depth; a goal whose parent is unknown is a root. */
export function treeOrder(kpis: readonly KpiSummary[]): Node[] {
  const byKey = new Map(kpis.map((kpi) => [kpi.id.toLowerCase(), kpi]));
  const children = new Map<string, KpiSummary[]>();
  const roots: KpiSummary[] = [];
  for (const kpi of kpis) {
    const parent = kpi.parent.toLowerCase();
    if (parent === "" || !byKey.has(parent) || parent === kpi.id.toLowerCase()) roots.push(kpi);
    else children.set(parent, [...(children.get(parent) ?? []), kpi]);
  }
  const out: Node[] = [];
  const seen = new Set<string>();
  const visit = (kpi: KpiSummary, depth: number) => {
    const key = kpi.id.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kpi, depth });
    for (const child of children.get(key) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // Goals caught in a parent cycle are reachable from no root: list them at the top level.
  for (const kpi of kpis) visit(kpi, 0);
  return out;
}

function filtered(nodes: readonly Node[], kpis: readonly KpiSummary[], query: string): Node[] {
  const q = query.trim().toLowerCase();
  if (q === "") return nodes.slice();
  const byKey = new Map(kpis.map((kpi) => [kpi.id.toLowerCase(), kpi]));
  const keep = new Set<string>();
  for (const kpi of kpis) {
    if (!`${kpi.id} ${kpi.name}`.toLowerCase().includes(q)) continue;
    let at: KpiSummary | undefined = kpi;
    while (at !== undefined && !keep.has(at.id.toLowerCase())) {
      keep.add(at.id.toLowerCase());
      at = byKey.get(at.parent.toLowerCase());
    }
  }
  return nodes.filter((node) => keep.has(node.kpi.id.toLowerCase()));
}

interface TreeProps {
  readonly id: string;
  readonly legend: string;
  readonly kpis: readonly KpiSummary[];
  readonly mode: "one" | "many";
  readonly selected: readonly string[];
  readonly onChange: (ids: string[]) => void;
  /** For "one": the caption of the empty choice. */
  readonly noneLabel?: string;
  readonly error?: string | undefined;
}

export function GoalTree(props: TreeProps) {
  const [query, setQuery] = useState("");
  const nodes = useMemo(() => treeOrder(props.kpis), [props.kpis]);
  const shown = filtered(nodes, props.kpis, query);
  const chosen = new Set(props.selected.map((id) => id.toLowerCase()));
  const toggle = (id: string, on: boolean) => {
    if (props.mode === "one") props.onChange(on ? [id] : []);
    else
      props.onChange(
        on
          ? [...props.selected, id]
          : props.selected.filter((x) => x.toLowerCase() !== id.toLowerCase()),
      );
  };
  const inputType = props.mode === "one" ? "radio" : "checkbox";
  return (
    <fieldset
      class="tree"
      aria-describedby={props.error === undefined ? undefined : `${props.id}-error`}
    >
      <legend>{props.legend}</legend>
      <label for={`${props.id}-filter`}>Type to filter by ID or name</label>
      <input
        id={`${props.id}-filter`}
        type="search"
        value={query}
        autoComplete="off"
        onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
      />
      <div class="tree-list">
        {props.mode === "one" ? (
          <div class="tree-item">
            <input
              type="radio"
              name={props.id}
              id={`${props.id}-none`}
              checked={chosen.size === 0}
              onChange={() => props.onChange([])}
            />
            <label for={`${props.id}-none`}>{props.noneLabel ?? "None"}</label>
          </div>
        ) : null}
        {shown.slice(0, SHOWN).map((node) => {
          const inputId = `${props.id}-${node.kpi.row}`;
          return (
            <div
              class="tree-item"
              key={node.kpi.id}
              style={{ paddingLeft: `${node.depth * 14}px` }}
            >
              <input
                type={inputType}
                name={props.id}
                id={inputId}
                value={node.kpi.id}
                checked={chosen.has(node.kpi.id.toLowerCase())}
                onChange={(event) =>
                  toggle(node.kpi.id, (event.currentTarget as HTMLInputElement).checked)
                }
              />
              <label for={inputId}>
                <span class="goal-id">{node.kpi.id}</span> {node.kpi.name}
              </label>
            </div>
          );
        })}
        {shown.length > SHOWN ? (
          <p class="hint">{shown.length - SHOWN} more goals: type to narrow the list.</p>
        ) : null}
        {shown.length === 0 ? <p class="hint">No goal matches “{query}”.</p> : null}
      </div>
      {props.error === undefined ? null : (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
