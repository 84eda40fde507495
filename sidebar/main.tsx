/**
 * The SMART KPI sidebar: loads the registry with one call, offers to set the sheets up when they
 * are not, and shows the view the menu item asked for. Every user text is rendered as text by
 * Preact — nothing here sets HTML.
 */

import { type ComponentChildren, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { SIDEBAR_VIEWS, type SidebarState, type SidebarView } from "../src/contract/sidebar";
import { call } from "./api";
import { Banner } from "./fields";
import { CheckinView, CycleView, EditView } from "./views";
import { Wizard } from "./wizard";

type View = SidebarView | "edit";
const TABS: readonly { readonly view: View; readonly label: string }[] = [
  { view: "wizard", label: "New goal" },
  { view: "checkin", label: "Check-in" },
  { view: "edit", label: "Edit" },
  { view: "cycle", label: "Next cycle" },
];

function App(props: { readonly initial: View }) {
  const [state, setState] = useState<SidebarState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>(props.initial);
  const [settingUp, setSettingUp] = useState(false);

  const reload = async () => {
    const reply = await call("sidebarState", null);
    if (reply.ok) {
      setState(reply);
      setError(null);
    } else setError(reply.error);
  };
  useEffect(() => {
    void reload();
  }, []);

  const setUp = async () => {
    setSettingUp(true);
    const reply = await call("sidebarSetUp", null);
    setSettingUp(false);
    if (reply.ok) setState(reply);
    else setError(reply.error);
  };

  let body: ComponentChildren;
  if (state === null) {
    body =
      error === null ? (
        <p role="status">Loading the KPI sheets…</p>
      ) : (
        <Banner kind="error">{error}</Banner>
      );
  } else if (!state.setUp) {
    body = (
      <section aria-labelledby="setup-heading">
        <h2 id="setup-heading">Set up the KPI sheets first</h2>
        <p>
          This spreadsheet has no KPI sheets yet. Setting up adds KPIs, Check-ins, Settings,
          Dashboard and Alerts; it never changes your own sheets.
        </p>
        {error === null ? null : <Banner kind="error">{error}</Banner>}
        <button type="button" class="action" onClick={() => void setUp()} disabled={settingUp}>
          {settingUp ? "Setting up…" : "Set up KPI sheets"}
        </button>
      </section>
    );
  } else {
    body = (
      <>
        {error === null ? null : <Banner kind="error">{error}</Banner>}
        {view === "wizard" ? <Wizard state={state} reload={reload} /> : null}
        {view === "checkin" ? <CheckinView state={state} reload={reload} /> : null}
        {view === "edit" ? <EditView state={state} reload={reload} /> : null}
        {view === "cycle" ? <CycleView state={state} reload={reload} /> : null}
      </>
    );
  }
  return (
    <>
      <header>
        <h1>SMART KPI</h1>
        {state?.setUp === true ? (
          <nav aria-label="Sidebar sections" class="tabs">
            {TABS.map((tab) => (
              <button
                type="button"
                key={tab.view}
                aria-current={tab.view === view ? "page" : undefined}
                onClick={() => setView(tab.view)}
              >
                {tab.label}
              </button>
            ))}
          </nav>
        ) : null}
      </header>
      <main>{body}</main>
      <footer class="bottom">
        <span class="gray">
          SMART KPI · goals that are Specific, Measurable, Attainable, Relevant, Time-bound
        </span>
      </footer>
    </>
  );
}

function start(): void {
  const requested = document.getElementById("smart-kpi-view")?.getAttribute("data-view") ?? "";
  const initial = (SIDEBAR_VIEWS as readonly string[]).includes(requested)
    ? (requested as View)
    : "wizard";
  const root = document.getElementById("app");
  if (root !== null) render(<App initial={initial} />, root);
}

// The menu's choice of view is appended after the page, so wait until it is parsed.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
