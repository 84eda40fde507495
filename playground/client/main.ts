/**
 * The playground page: the workbook drawn as Google Sheets draws it, the add-on's menu, a control
 * for the emulated today, and the add-on's toasts and alerts. Every action goes to the server,
 * which runs the real dist/Code.js in the emulator and answers with the workbook afterwards.
 */

import type { ActionResult, MenuItemView, PlaygroundState, SheetView } from "../protocol";
import { api } from "./api";
import { byId, columnLetters, h } from "./dom";
import { Editing } from "./editing";
import { type CellPosition, type Selection, SheetGrid } from "./grid";
import { MenuBar } from "./menu";
import { confirm, showAlert, showError, showToast } from "./notices";
import { OutboxPanel } from "./outbox";
import { SidebarPane } from "./sidebarPane";

class Playground {
  #state: PlaygroundState | undefined;
  #sheetName: string | undefined;
  /** Per sheet: the active cell and the other corner of the selected range. */
  readonly #selections = new Map<string, { active: CellPosition; anchor: CellPosition }>();
  readonly #menu = new MenuBar(byId("menubar"), (item) => void this.#runMenuItem(item));
  #busy = false;
  #grid: SheetGrid | undefined;
  /** The sheet the add-on last made active: when a script activates another, the page follows. */
  #activeSheet: string | undefined;
  readonly #editing = new Editing({
    sheetName: () => this.#sheetName,
    grid: () => this.#grid,
    moveSelection: (active, anchor) => {
      if (this.#sheetName !== undefined) {
        this.#selections.set(this.#sheetName, { active, anchor: anchor ?? active });
      }
    },
    act: (label, action) => this.#act(label, action),
  });
  // After each google.script.run call of the sidebar, the grid shows what it wrote.
  readonly #sidebar = new SidebarPane(() => void this.#refresh());
  readonly #outbox = new OutboxPanel(async (label, action) => {
    await this.#act(label, action);
  });

  async start(): Promise<void> {
    byId("today-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.#setToday();
    });
    byId("reset").addEventListener("click", () => void this.#reset());
    byId("undo").addEventListener("click", () => void this.#act("Undoing…", () => api.undo()));
    byId("redo").addEventListener("click", () => void this.#act("Redoing…", () => api.redo()));
    try {
      this.#render(await api.state());
    } catch (error) {
      await showError(messageOf(error));
    }
  }

  #render(state: PlaygroundState): void {
    this.#state = state;
    document.title = `${state.spreadsheetName} – SMART KPI playground`;
    byId("doc-title").textContent = state.spreadsheetName;
    byId("doc-zone").textContent = `${state.timeZone} · signed in as ${state.user}`;
    byId<HTMLInputElement>("today").value = state.today;
    byId("reset").textContent = state.resetTo === "demo" ? "Reset demo" : "Reset workbook";
    this.#menu.render(state.menu);
    byId<HTMLButtonElement>("undo").disabled = !state.canUndo;
    byId<HTMLButtonElement>("redo").disabled = !state.canRedo;
    const names = state.sheets.map((sheet) => sheet.name);
    if (
      this.#sheetName === undefined ||
      !names.includes(this.#sheetName) ||
      (this.#activeSheet !== undefined && state.activeSheet !== this.#activeSheet)
    ) {
      this.#sheetName = state.activeSheet;
    }
    this.#activeSheet = state.activeSheet;
    this.#renderTabs(false);
    this.#renderSheet();
  }

  #sheet(): SheetView | undefined {
    return this.#state?.sheets.find((sheet) => sheet.name === this.#sheetName);
  }

  #renderTabs(focusSelected: boolean): void {
    const tablist = byId("tabs");
    tablist.replaceChildren();
    const sheets = this.#state?.sheets ?? [];
    sheets.forEach((sheet, index) => {
      const selected = sheet.name === this.#sheetName;
      const tab = h("button", {
        className: "tab",
        text: sheet.name,
        attrs: {
          type: "button",
          role: "tab",
          id: `tab-${index}`,
          "aria-selected": selected ? "true" : "false",
          "aria-controls": "sheet-panel",
          tabindex: selected ? 0 : -1,
        },
      });
      tab.addEventListener("click", () => this.#showSheet(sheet.name, false));
      tab.addEventListener("keydown", (event) => {
        const moves: Record<string, number> = {
          ArrowRight: index + 1,
          ArrowLeft: index - 1,
          Home: 0,
          End: sheets.length - 1,
        };
        const to = moves[event.key];
        if (to === undefined) return;
        event.preventDefault();
        const target = sheets[(to + sheets.length) % sheets.length];
        if (target !== undefined) this.#showSheet(target.name, true);
      });
      tablist.append(tab);
      if (selected) {
        byId("sheet-panel").setAttribute("aria-labelledby", tab.id);
        if (focusSelected) tab.focus();
      }
    });
  }

  #showSheet(name: string, focusTab: boolean): void {
    if (name === this.#sheetName) return;
    this.#sheetName = name;
    this.#renderTabs(focusTab);
    this.#renderSheet();
  }

  #renderSheet(): void {
    const panel = byId("sheet-panel");
    const sheet = this.#sheet();
    if (sheet === undefined) {
      panel.replaceChildren();
      return;
    }
    const scroll = { top: panel.scrollTop, left: panel.scrollLeft };
    const sameSheet = panel.getAttribute("data-sheet") === sheet.name;
    const saved = this.#selections.get(sheet.name);
    const grid = new SheetGrid(
      sheet,
      saved?.active,
      (selection) => this.#onSelect(sheet.name, selection),
      this.#editing.actions(),
      saved?.anchor,
    );
    this.#grid = grid;
    const hadFocus = panel.contains(document.activeElement);
    panel.replaceChildren(grid.element());
    panel.setAttribute("data-sheet", sheet.name);
    // Redrawing after an action keeps the user's place; another sheet starts at its top.
    panel.scrollTop = sameSheet ? scroll.top : 0;
    panel.scrollLeft = sameSheet ? scroll.left : 0;
    if (hadFocus) grid.table.focus();
    const { row, column } = grid.selected;
    this.#showFormula({ row, column, cell: grid.cellAt(row, column), range: grid.range });
  }

  #onSelect(sheetName: string, selection: Selection): void {
    const { top, left, bottom, right } = selection.range;
    const anchor = {
      row: selection.row === top ? bottom : top,
      column: selection.column === left ? right : left,
    };
    this.#selections.set(sheetName, {
      active: { row: selection.row, column: selection.column },
      anchor,
    });
    this.#showFormula(selection);
  }

  #showFormula(selection: Selection): void {
    const { top, left, bottom, right } = selection.range;
    const corner = (r: number, c: number) => `${columnLetters(c)}${r}`;
    byId("name-box").textContent =
      top === bottom && left === right
        ? corner(top, left)
        : `${corner(top, left)}:${corner(bottom, right)}`;
    const cell = selection.cell;
    this.#editing.selected(cell === null ? "" : (cell.formula ?? cell.text));
  }

  async #act(
    label: string,
    action: () => Promise<ActionResult>,
  ): Promise<ActionResult | undefined> {
    if (this.#busy) return undefined;
    this.#busy = true;
    this.#menu.setDisabled(true);
    const running = byId("running");
    running.textContent = label;
    running.hidden = false;
    document.body.setAttribute("aria-busy", "true");
    let result: ActionResult | undefined;
    let failure: string | undefined;
    try {
      result = await action();
      this.#render(result.state);
    } catch (error) {
      failure = messageOf(error);
    } finally {
      this.#busy = false;
      this.#menu.setDisabled(false);
      running.hidden = true;
      running.textContent = "";
      document.body.removeAttribute("aria-busy");
    }
    // The script has finished by now: what it showed is shown after the "running" notice goes.
    if (failure !== undefined) await showError(failure);
    void this.#outbox.refresh().catch(() => undefined);
    if (result === undefined) return undefined;
    if (result.sidebar !== undefined)
      this.#sidebar.open(result.sidebar.title, result.sidebar.opened);
    for (const toast of result.toasts) showToast(toast);
    if (result.error !== undefined) await showError(result.error);
    if (result.refused !== undefined) await showAlert(result.refused);
    for (const alert of result.alerts) await showAlert(alert);
    return result;
  }

  async #refresh(): Promise<void> {
    try {
      this.#render(await api.state());
    } catch (error) {
      await showError(messageOf(error));
    }
  }

  async #runMenuItem(item: Extract<MenuItemView, { kind: "item" }>): Promise<void> {
    await this.#act(`Running “${item.caption}”…`, () =>
      api.run({ functionName: item.functionName }),
    );
  }

  #setToday(): Promise<void> {
    const input = byId<HTMLInputElement>("today");
    if (!input.checkValidity() || input.value === "") {
      input.reportValidity();
      return Promise.resolve();
    }
    return this.#act(`Setting today to ${input.value}…`, () =>
      api.setToday({ date: input.value }),
    ).then(() => undefined);
  }

  async #reset(): Promise<void> {
    const demo = this.#state?.resetTo !== "empty";
    const ok = await confirm(
      demo ? "Reset the demo?" : "Reset the workbook?",
      demo
        ? "The workbook goes back to the demo data; every change made since is lost."
        : "The workbook goes back to an empty spreadsheet; every change made since is lost.",
      "Reset",
    );
    if (ok) await this.#act("Resetting…", () => api.reset());
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

void new Playground().start();
