/**
 * Editing the cells as in Sheets: type over the selected cell, or F2 / Enter / double-click to edit
 * its content in place, or edit it in the formula bar; Enter (Shift+Enter) commits and moves down
 * (up), Tab (Shift+Tab) right (left), Escape cancels; arrows commit and move when the entry was
 * started by typing; a dropdown cell lists its choices under the editor. Delete clears the
 * selection, Ctrl+V pastes a tab-separated block, Ctrl+Z / Ctrl+Y undo and redo, and the row menu
 * inserts and deletes rows. Every edit goes to the server, which types it through the emulator.
 */

import type { ActionResult, EditRequest } from "../protocol";
import { api } from "./api";
import { byId, h } from "./dom";
import type { CellPosition, CellRange, GridActions, SheetGrid } from "./grid";
import { confirm } from "./notices";

export interface EditingHost {
  sheetName(): string | undefined;
  grid(): SheetGrid | undefined;
  /** Where the selection goes once the edit is in (the grid is drawn anew afterwards). */
  moveSelection(position: CellPosition, anchor?: CellPosition): void;
  /** Runs an action as the page runs every action; undefined when it did not run or failed. */
  act(label: string, action: () => Promise<ActionResult>): Promise<ActionResult | undefined>;
}

type Mode = "cell" | "bar";

interface Session {
  readonly sheet: string;
  readonly at: CellPosition;
  readonly original: string;
  /** Started by typing over the cell: arrows then commit and move, as in Sheets. */
  readonly quick: boolean;
  readonly mode: Mode;
  choices: readonly string[];
  highlighted: number;
  done: boolean;
}

/** Splits text copied from a spreadsheet: rows by line, cells by tab; quoted cells kept whole. */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const body = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  while (i <= body.length) {
    const ch = body[i];
    if (cell === "" && ch === '"') {
      // A quoted cell (it held a tab, a line break or quotes): up to the closing quote.
      let j = i + 1;
      let quoted = "";
      while (j < body.length) {
        if (body[j] === '"' && body[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (body[j] === '"') break;
        else quoted += body[j++];
      }
      if (
        j < body.length &&
        (body[j + 1] === "\t" || body[j + 1] === "\n" || j + 1 === body.length)
      ) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === undefined) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
    i++;
  }
  return rows;
}

export class Editing {
  readonly #host: EditingHost;
  readonly #bar: HTMLInputElement;
  readonly #input: HTMLInputElement;
  readonly #list: HTMLUListElement;
  readonly #menu: HTMLUListElement;
  readonly #tooltip: HTMLElement;
  #session: Session | undefined;

  constructor(host: EditingHost) {
    this.#host = host;
    this.#bar = byId<HTMLInputElement>("formula");
    this.#input = h("input", {
      className: "cell-editor",
      attrs: {
        id: "cell-editor",
        type: "text",
        role: "combobox",
        "aria-label": "Cell content",
        "aria-autocomplete": "list",
        "aria-expanded": "false",
        "aria-controls": "cell-choices",
        autocomplete: "off",
        spellcheck: "false",
      },
    });
    this.#list = h("ul", {
      className: "cell-choices",
      attrs: { id: "cell-choices", role: "listbox", "aria-label": "Choices", hidden: true },
    });
    this.#menu = h("ul", {
      className: "menu context-menu",
      attrs: { role: "menu", id: "row-menu", "aria-label": "Row", hidden: true },
    });
    this.#tooltip = h("div", {
      className: "cell-tooltip",
      attrs: { id: "cell-tooltip", role: "tooltip", hidden: true },
    });
    document.body.append(this.#menu, this.#tooltip);
    this.#input.addEventListener("keydown", (event) => this.#onEditorKey(event, "cell"));
    this.#input.addEventListener("input", () => {
      this.#bar.value = this.#input.value;
      void this.#filterChoices();
    });
    this.#input.addEventListener("blur", () => {
      // Clicking elsewhere (not a choice) commits, as in Sheets.
      setTimeout(() => {
        if (this.#session?.mode === "cell" && document.activeElement !== this.#input) {
          void this.#commit({ row: 0, column: 0 });
        }
      }, 0);
    });
    this.#list.addEventListener("mousedown", (event) => {
      const option = (event.target as Element).closest("[role=option]");
      if (option === null) return;
      event.preventDefault();
      this.#input.value = option.textContent ?? "";
      void this.#commit({ row: 1, column: 0 });
    });
    this.#bar.addEventListener("focus", () => this.#beginInBar());
    this.#bar.addEventListener("keydown", (event) => this.#onEditorKey(event, "bar"));
    this.#bar.addEventListener("blur", () => {
      if (this.#session?.mode === "bar") void this.#commit({ row: 0, column: 0 });
    });
    document.addEventListener("pointerdown", (event) => {
      if (!this.#menu.hidden && !this.#menu.contains(event.target as Node)) this.#closeMenu(false);
    });
    document.addEventListener("mouseover", (event) => {
      const cell = (event.target as Element).closest?.("td[data-tooltip]");
      if (cell instanceof HTMLElement) this.#showTooltip(cell);
      else if (!(event.target as Element).closest?.(".cell-tooltip")) this.#selectedTooltip();
    });
  }

  /** The grid's hooks for one sheet. */
  actions(): GridActions {
    return {
      edit: (initial) => void this.#begin(initial),
      clear: (range) => void this.#clear(range),
      undo: () => void this.#host.act("Undoing…", () => api.undo()),
      redo: () => void this.#host.act("Redoing…", () => api.redo()),
      rowMenu: (range, at) => this.#openMenu(range, at),
      paste: (text) => void this.#paste(text),
      copied: () => undefined,
    };
  }

  /** Shows the selected cell's content in the formula bar and its tooltip, if any. */
  selected(text: string): void {
    if (this.#session === undefined) this.#bar.value = text;
    this.#selectedTooltip();
  }

  get editing(): boolean {
    return this.#session !== undefined;
  }

  #contentOf(at: CellPosition): string {
    const cell = this.#host.grid()?.cellAt(at.row, at.column) ?? null;
    return cell === null ? "" : (cell.formula ?? cell.text);
  }

  async #begin(initial: string | null): Promise<void> {
    const grid = this.#host.grid();
    const sheet = this.#host.sheetName();
    const td = grid?.td();
    if (grid === undefined || sheet === undefined || td === null || td === undefined) return;
    const at = grid.selected;
    const original = this.#contentOf(at);
    this.#session = {
      sheet,
      at,
      original,
      quick: initial !== null,
      mode: "cell",
      choices: [],
      highlighted: -1,
      done: false,
    };
    const layer = td.closest(".grid-layer") as HTMLElement;
    const box = td.getBoundingClientRect();
    const origin = layer.getBoundingClientRect();
    this.#input.style.left = `${box.left - origin.left}px`;
    this.#input.style.top = `${box.top - origin.top}px`;
    this.#input.style.minWidth = `${box.width}px`;
    this.#input.style.height = `${box.height}px`;
    this.#input.value = initial ?? original;
    this.#bar.value = this.#input.value;
    this.#list.hidden = true;
    layer.append(this.#input, this.#list);
    this.#hideTooltip();
    this.#input.focus();
    const session = this.#session;
    try {
      const info = await api.cell({ sheet, row: at.row, column: at.column });
      if (this.#session === session && info.dropdown !== null) {
        session.choices = info.dropdown;
        this.#list.style.left = this.#input.style.left;
        this.#list.style.top = `${box.top - origin.top + box.height}px`;
        await this.#filterChoices();
        this.#list.scrollIntoView({ block: "nearest" });
      }
    } catch {
      // Without its choices the cell is still editable as text.
    }
  }

  #beginInBar(): void {
    if (this.#session !== undefined) return;
    const grid = this.#host.grid();
    const sheet = this.#host.sheetName();
    if (grid === undefined || sheet === undefined) return;
    const original = this.#contentOf(grid.selected);
    this.#session = {
      sheet,
      at: grid.selected,
      original,
      quick: false,
      mode: "bar",
      choices: [],
      highlighted: -1,
      done: false,
    };
  }

  async #filterChoices(): Promise<void> {
    const session = this.#session;
    if (session === undefined || session.choices.length === 0) return;
    const typed = this.#input.value.toLowerCase();
    const shown = session.choices.filter((choice) => choice.toLowerCase().includes(typed));
    this.#list.replaceChildren(
      ...shown.map((choice, i) =>
        h("li", {
          className: "cell-choice",
          text: choice,
          attrs: { role: "option", id: `cell-choice-${i}`, "aria-selected": "false" },
        }),
      ),
    );
    session.highlighted = -1;
    this.#input.removeAttribute("aria-activedescendant");
    this.#list.hidden = shown.length === 0;
    this.#input.setAttribute("aria-expanded", shown.length === 0 ? "false" : "true");
  }

  #highlight(step: number): void {
    const session = this.#session;
    const options = Array.from(this.#list.querySelectorAll<HTMLElement>("[role=option]"));
    if (session === undefined || options.length === 0) return;
    session.highlighted = (session.highlighted + step + options.length) % options.length;
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", i === session.highlighted ? "true" : "false");
    });
    const chosen = options[session.highlighted];
    if (chosen !== undefined) {
      this.#input.setAttribute("aria-activedescendant", chosen.id);
      chosen.scrollIntoView({ block: "nearest" });
    }
  }

  #onEditorKey(event: KeyboardEvent, mode: Mode): void {
    const session = this.#session;
    if (session === undefined) {
      if (mode === "bar" && event.key === "Escape") this.#host.grid()?.table.focus();
      return;
    }
    const listOpen = mode === "cell" && !this.#list.hidden;
    const back = event.shiftKey ? -1 : 1;
    switch (event.key) {
      case "Enter": {
        event.preventDefault();
        const option = this.#list.querySelector<HTMLElement>('[aria-selected="true"]');
        if (listOpen && option !== null) this.#input.value = option.textContent ?? "";
        void this.#commit({ row: back, column: 0 });
        return;
      }
      case "Tab": {
        event.preventDefault();
        const option = this.#list.querySelector<HTMLElement>('[aria-selected="true"]');
        if (listOpen && option !== null) this.#input.value = option.textContent ?? "";
        void this.#commit({ row: 0, column: back });
        return;
      }
      case "Escape":
        event.preventDefault();
        this.#finish();
        this.#bar.value = session.original;
        this.#host.grid()?.table.focus();
        return;
      case "ArrowDown":
      case "ArrowUp":
        if (listOpen) {
          event.preventDefault();
          this.#highlight(event.key === "ArrowDown" ? 1 : -1);
          return;
        }
        break;
      default:
        break;
    }
    const arrows: Record<string, CellPosition> = {
      ArrowDown: { row: 1, column: 0 },
      ArrowUp: { row: -1, column: 0 },
      ArrowLeft: { row: 0, column: -1 },
      ArrowRight: { row: 0, column: 1 },
    };
    const arrow = arrows[event.key];
    const value = mode === "cell" ? this.#input.value : this.#bar.value;
    if (arrow !== undefined && session.quick && !value.startsWith("=")) {
      event.preventDefault();
      void this.#commit(arrow);
    }
  }

  #finish(): void {
    if (this.#session !== undefined) this.#session.done = true;
    this.#session = undefined;
    this.#input.remove();
    this.#list.remove();
    this.#input.setAttribute("aria-expanded", "false");
  }

  /** Commits the entry and moves the selection by `move` (0, 0 stays). */
  async #commit(move: CellPosition): Promise<void> {
    const session = this.#session;
    if (session === undefined || session.done) return;
    const text = session.mode === "cell" ? this.#input.value : this.#bar.value;
    this.#finish();
    const { at } = session;
    const next = {
      row: Math.max(1, at.row + move.row),
      column: Math.max(1, at.column + move.column),
    };
    this.#host.moveSelection(next);
    if (move.row !== 0 || move.column !== 0) this.#host.grid()?.select(next);
    this.#host.grid()?.table.focus();
    if (text === session.original) return;
    await this.#send({
      action: "paste",
      sheet: session.sheet,
      row: at.row,
      column: at.column,
      cells: [[text]],
    });
  }

  /** Sends an edit; a "Heads up!" is asked and, once answered OK, the edit is sent again. */
  async #send(request: EditRequest): Promise<void> {
    const result = await this.#host.act("Saving…", () => api.edit(request));
    if (result?.confirm === undefined) return;
    const ok = await confirm(result.confirm.title, result.confirm.message, "OK");
    // Insertions are never protected: only the other edits come back for confirmation.
    if (ok && request.action !== "insertRows") {
      await this.#host.act("Saving…", () => api.edit({ ...request, confirmed: true }));
    }
  }

  async #clear(range: CellRange): Promise<void> {
    const sheet = this.#host.sheetName();
    if (sheet === undefined) return;
    await this.#send({
      action: "clear",
      sheet,
      row: range.top,
      column: range.left,
      numRows: range.bottom - range.top + 1,
      numColumns: range.right - range.left + 1,
    });
  }

  async #paste(text: string): Promise<void> {
    const grid = this.#host.grid();
    const sheet = this.#host.sheetName();
    if (grid === undefined || sheet === undefined) return;
    const cells = parseClipboard(text);
    if (cells.length === 0) return;
    const { top, left } = grid.range;
    const width = Math.max(...cells.map((row) => row.length));
    // The pasted block ends up selected, as in Sheets.
    this.#host.moveSelection(
      { row: top, column: left },
      { row: top + cells.length - 1, column: left + width - 1 },
    );
    await this.#send({ action: "paste", sheet, row: top, column: left, cells });
  }

  #openMenu(range: CellRange, at: { x: number; y: number } | null): void {
    const sheet = this.#host.sheetName();
    const grid = this.#host.grid();
    if (sheet === undefined || grid === undefined) return;
    const count = range.bottom - range.top + 1;
    const rows = count === 1 ? `row ${range.top}` : `rows ${range.top} - ${range.bottom}`;
    const items: { label: string; request: EditRequest }[] = [
      {
        label: `Insert ${count} row${count === 1 ? "" : "s"} above`,
        request: { action: "insertRows", sheet, row: range.top, count, where: "above" },
      },
      {
        label: `Insert ${count} row${count === 1 ? "" : "s"} below`,
        request: { action: "insertRows", sheet, row: range.bottom, count, where: "below" },
      },
      {
        label: `Delete ${rows}`,
        request: { action: "deleteRows", sheet, row: range.top, count },
      },
    ];
    this.#menu.replaceChildren(
      ...items.map((item) => {
        const entry = h("li", {
          className: "menu-item",
          text: item.label,
          attrs: { role: "menuitem", tabindex: -1 },
        });
        entry.addEventListener("click", () => {
          this.#closeMenu(true);
          void this.#send(item.request);
        });
        return entry;
      }),
    );
    const anchor = grid.td()?.getBoundingClientRect();
    const x = at?.x ?? (anchor === undefined ? 0 : anchor.left);
    const y = at?.y ?? (anchor === undefined ? 0 : anchor.bottom);
    this.#menu.style.left = `${x}px`;
    this.#menu.style.top = `${y}px`;
    this.#menu.hidden = false;
    this.#menu.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    this.#menu.onkeydown = (event) => {
      const entries = Array.from(this.#menu.querySelectorAll<HTMLElement>("[role=menuitem]"));
      const index = entries.indexOf(document.activeElement as HTMLElement);
      const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
      if (event.key === "ArrowDown") focus(index + 1);
      else if (event.key === "ArrowUp") focus(index - 1);
      else if (event.key === "Home") focus(0);
      else if (event.key === "End") focus(entries.length - 1);
      else if (event.key === "Enter" || event.key === " ") entries[index]?.click();
      else if (event.key === "Escape" || event.key === "Tab") this.#closeMenu(true);
      else return;
      event.preventDefault();
    };
  }

  #closeMenu(refocus: boolean): void {
    this.#menu.hidden = true;
    if (refocus) this.#host.grid()?.table.focus();
  }

  #selectedTooltip(): void {
    const td = this.#host.grid()?.td();
    if (
      td instanceof HTMLElement &&
      td.hasAttribute("data-tooltip") &&
      this.#session === undefined
    ) {
      this.#showTooltip(td);
    } else {
      this.#hideTooltip();
    }
  }

  #showTooltip(td: HTMLElement): void {
    const text = td.getAttribute("data-tooltip") ?? "";
    const error = td.classList.contains("error");
    this.#tooltip.replaceChildren(
      h("p", { className: "cell-tooltip-title", text: error ? "Error" : "Warning" }),
      h("p", { className: "cell-tooltip-message", text }),
    );
    const box = td.getBoundingClientRect();
    this.#tooltip.style.left = `${box.right + 4}px`;
    this.#tooltip.style.top = `${box.top}px`;
    this.#tooltip.hidden = false;
    this.#host.grid()?.table.setAttribute("aria-describedby", "cell-tooltip");
  }

  #hideTooltip(): void {
    this.#tooltip.hidden = true;
    this.#host.grid()?.table.removeAttribute("aria-describedby");
  }
}
