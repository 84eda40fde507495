/**
 * The sheet as Sheets draws it: grey headers with column letters and row numbers, frozen rows
 * and columns that stay put while the rest scrolls, text that runs over empty neighbours, and
 * column and line charts floating over the cells. The table is an ARIA grid: one tab stop, arrow keys
 * move the selected cell, and the formula bar shows what the selected cell holds.
 */

import type { CellView, ChartView, SheetView } from "../protocol";
import { drawChart } from "./chart";
import { columnLetters, h } from "./dom";

export const ROW_HEIGHT = 21;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
const PAGE_ROWS = 20;

export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export interface Selection extends CellPosition {
  readonly cell: CellView | null;
  /** The selected rectangle: the active cell and the anchor Shift+arrows or a drag extend from. */
  readonly range: CellRange;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** What the keyboard and mouse ask of the page besides moving the selection (see ./editing.ts). */
export interface GridActions {
  /** Start editing the active cell: with `text` typed over it, or its content (F2, Enter, double-click). */
  edit(initial: string | null): void;
  clear(range: CellRange): void;
  undo(): void;
  redo(): void;
  /** The row menu, at a point or under the active cell. */
  rowMenu(range: CellRange, at: { x: number; y: number } | null): void;
  paste(text: string): void;
  /** The selected cells' text, for Ctrl+C. */
  copied(text: string): void;
}

/** How much of the sheet to draw: the used cells and charts plus an empty margin, as Sheets does. */
function extent(view: SheetView): { rows: number; columns: number } {
  let rows = Math.max(view.cells.length + 30, 60);
  let columns = Math.max((view.cells[0]?.length ?? 0) + 2, 26);
  for (const chart of view.charts) {
    rows = Math.max(rows, chart.row + Math.ceil((chart.offsetY + chart.height) / ROW_HEIGHT) + 2);
    columns = Math.max(
      columns,
      chart.column + Math.ceil((chart.offsetX + chart.width) / DEFAULT_COLUMN_WIDTH) + 1,
    );
  }
  return { rows: Math.min(rows, view.maxRows), columns: Math.min(columns, view.maxColumns) };
}

export class SheetGrid {
  readonly #table: HTMLTableElement;
  readonly #view: SheetView;
  readonly #rows: number;
  readonly #columns: number;
  readonly #onSelect: (selection: Selection) => void;
  readonly #actions: GridActions | undefined;
  #selected: CellPosition;
  #anchor: CellPosition;
  #dragging = false;

  constructor(
    view: SheetView,
    selected: CellPosition | undefined,
    onSelect: (selection: Selection) => void,
    actions?: GridActions,
    anchor?: CellPosition,
  ) {
    this.#view = view;
    const { rows, columns } = extent(view);
    this.#rows = rows;
    this.#columns = columns;
    this.#onSelect = onSelect;
    this.#actions = actions;
    this.#selected = this.#clamp(selected ?? { row: 1, column: 1 });
    this.#anchor = this.#clamp(anchor ?? this.#selected);
    this.#table = h("table", {
      className: "grid",
      attrs: {
        role: "grid",
        "aria-multiselectable": "true",
        "aria-label": `Cells of ${view.name}`,
        "aria-rowcount": view.maxRows + 1,
        "aria-colcount": view.maxColumns + 1,
        tabindex: 0,
      },
    });
    this.#build();
  }

  /** The grid and its charts, to put in the scrolling pane. */
  element(): HTMLElement {
    const layer = h("div", { className: "grid-layer" }, this.#table);
    for (const chart of this.#view.charts) layer.append(this.#chart(chart));
    return layer;
  }

  get table(): HTMLTableElement {
    return this.#table;
  }

  get selected(): CellPosition {
    return this.#selected;
  }

  get anchor(): CellPosition {
    return this.#anchor;
  }

  get range(): CellRange {
    const a = this.#anchor;
    const b = this.#selected;
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
  }

  /** The selected cell's element, for the in-cell editor and tooltips. */
  td(position: CellPosition = this.#selected): HTMLElement | null {
    return this.#td(position);
  }

  get rowCount(): number {
    return this.#rows;
  }

  get columnCount(): number {
    return this.#columns;
  }

  #clamp(position: CellPosition): CellPosition {
    return {
      row: Math.min(Math.max(position.row, 1), this.#rows),
      column: Math.min(Math.max(position.column, 1), this.#columns),
    };
  }

  cellAt(row: number, column: number): CellView | null {
    return this.#view.cells[row - 1]?.[column - 1] ?? null;
  }

  #width(column: number): number {
    return this.#view.columnWidths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  #left(column: number): number {
    let left = ROW_HEADER_WIDTH;
    for (let c = 1; c < column; c++) left += this.#width(c);
    return left;
  }

  #build(): void {
    const view = this.#view;
    const table = this.#table;
    const headerCol = h("col");
    headerCol.style.width = `${ROW_HEADER_WIDTH}px`;
    const colgroup = h("colgroup", {}, headerCol);
    for (let c = 1; c <= this.#columns; c++) {
      const col = h("col");
      col.style.width = `${this.#width(c)}px`;
      colgroup.append(col);
    }
    table.append(colgroup);
    let width = ROW_HEADER_WIDTH;
    for (let c = 1; c <= this.#columns; c++) width += this.#width(c);
    table.style.width = `${width}px`;

    const headRow = h(
      "tr",
      { attrs: { "aria-rowindex": 1 } },
      h("td", { className: "corner", attrs: { role: "presentation" } }),
    );
    for (let c = 1; c <= this.#columns; c++) {
      const th = h("th", {
        className: "column-header",
        text: columnLetters(c),
        attrs: { scope: "col", "aria-colindex": c + 1, id: `col-${c}` },
      });
      this.#freezeColumn(th, c);
      headRow.append(th);
    }
    table.append(h("thead", {}, headRow));

    const body = h("tbody");
    for (let r = 1; r <= this.#rows; r++) {
      const tr = h("tr", { attrs: { "aria-rowindex": r + 1 } });
      if (r === view.frozenRows) tr.classList.add("frozen-edge");
      const th = h("th", {
        className: "row-header",
        text: String(r),
        attrs: { scope: "row", "aria-colindex": 1 },
      });
      this.#freezeRow(th, r);
      tr.append(th);
      for (let c = 1; c <= this.#columns; c++) tr.append(this.#cell(r, c));
      body.append(tr);
    }
    table.append(body);

    const cellOf = (event: Event): CellPosition | undefined => {
      const target = (event.target as Element).closest("td[data-row]");
      if (target === null) return undefined;
      return {
        row: Number(target.getAttribute("data-row")),
        column: Number(target.getAttribute("data-column")),
      };
    };
    table.addEventListener("mousedown", (event) => {
      const position = cellOf(event);
      if (position === undefined || event.button !== 0) return;
      this.select(position, event.shiftKey);
      this.#dragging = true;
    });
    table.addEventListener("mouseover", (event) => {
      if (!this.#dragging) return;
      const position = cellOf(event);
      if (position !== undefined) this.select(position, true);
    });
    document.addEventListener("mouseup", () => {
      this.#dragging = false;
    });
    table.addEventListener("dblclick", (event) => {
      if (cellOf(event) !== undefined) this.#actions?.edit(null);
    });
    table.addEventListener("contextmenu", (event) => {
      const position = cellOf(event) ?? this.#rowHeaderOf(event);
      if (position === undefined || this.#actions === undefined) return;
      event.preventDefault();
      const range = this.range;
      const inside = position.row >= range.top && position.row <= range.bottom;
      if (!inside) this.select(position);
      this.#actions.rowMenu(this.range, { x: event.clientX, y: event.clientY });
    });
    table.addEventListener("paste", (event) => {
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (this.#actions === undefined || text === "") return;
      event.preventDefault();
      this.#actions.paste(text);
    });
    table.addEventListener("copy", (event) => {
      if (this.#actions === undefined) return;
      event.preventDefault();
      const { top, left, bottom, right } = this.range;
      const lines: string[] = [];
      for (let r = top; r <= bottom; r++) {
        const cells: string[] = [];
        for (let c = left; c <= right; c++) cells.push(this.cellAt(r, c)?.text ?? "");
        lines.push(cells.join("\t"));
      }
      const text = lines.join("\n");
      event.clipboardData?.setData("text/plain", text);
      this.#actions.copied(text);
    });
    table.addEventListener("keydown", (event) => this.#onKey(event));
    table.setAttribute("aria-activedescendant", this.#cellId(this.#selected));
    this.#markRange(true);
  }

  #rowHeaderOf(event: Event): CellPosition | undefined {
    const header = (event.target as Element).closest("th.row-header");
    if (header === null) return undefined;
    return { row: Number(header.textContent), column: 1 };
  }

  #freezeRow(node: HTMLElement, row: number): void {
    if (row > this.#view.frozenRows) return;
    node.classList.add("frozen-row");
    node.style.top = `${HEADER_HEIGHT + (row - 1) * ROW_HEIGHT}px`;
  }

  #freezeColumn(node: HTMLElement, column: number): void {
    if (column > this.#view.frozenColumns) return;
    node.classList.add("frozen-column");
    node.style.left = `${this.#left(column)}px`;
    if (column === this.#view.frozenColumns) node.classList.add("frozen-column-edge");
  }

  #cellId(position: CellPosition): string {
    return `cell-${position.row}-${position.column}`;
  }

  #cell(row: number, column: number): HTMLTableCellElement {
    const cell = this.cellAt(row, column);
    const td = h("td", {
      attrs: {
        id: this.#cellId({ row, column }),
        "data-row": row,
        "data-column": column,
        "aria-colindex": column + 1,
        "aria-selected": "false",
      },
    });
    this.#freezeRow(td, row);
    this.#freezeColumn(td, column);
    if (cell === null) return td;
    const style = cell.style;
    const align =
      style?.align ??
      (cell.kind === "number"
        ? "right"
        : cell.kind === "boolean" || cell.kind === "error"
          ? "center"
          : "left");
    td.classList.add(`align-${align}`);
    // Left-aligned text runs over empty cells to its right, as in Sheets; otherwise it is cut.
    const next = this.cellAt(row, column + 1);
    if (align !== "left" || (next !== null && next.text !== "")) td.classList.add("clip");
    if (style?.background !== undefined) td.style.backgroundColor = style.background;
    if (style?.color !== undefined) td.style.color = style.color;
    if (style?.bold === true) td.classList.add("bold");
    if (style?.italic === true) td.classList.add("italic");
    const lines = [
      style?.underline === true ? "underline" : "",
      style?.strikethrough === true ? "line-through" : "",
    ];
    const decoration = lines.filter((line) => line !== "").join(" ");
    if (decoration !== "") td.style.textDecoration = decoration;
    if (cell.kind === "error") td.classList.add("error");
    if (cell.invalid === true) td.classList.add("invalid");
    if (cell.tooltip !== undefined) td.setAttribute("data-tooltip", cell.tooltip);
    if (cell.note !== undefined) {
      td.classList.add("has-note");
      td.title = cell.note;
    }
    td.append(h("span", { className: "cell-text", text: cell.text }));
    return td;
  }

  #chart(chart: ChartView): HTMLElement {
    const figure = drawChart(chart);
    figure.style.left = `${this.#left(chart.column) + chart.offsetX}px`;
    figure.style.top = `${HEADER_HEIGHT + (chart.row - 1) * ROW_HEIGHT + chart.offsetY}px`;
    return figure;
  }

  #td(position: CellPosition): HTMLElement | null {
    return this.#table.querySelector(`#${this.#cellId(position)}`);
  }

  #markRange(on: boolean): void {
    const { top, left, bottom, right } = this.range;
    const single = top === bottom && left === right;
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const td = this.#td({ row: r, column: c });
        td?.classList.toggle("in-range", on && !single);
        td?.setAttribute("aria-selected", on ? "true" : "false");
      }
      this.#rowHeader(r)?.classList.toggle("active", on);
    }
    for (let c = left; c <= right; c++) {
      this.#table.querySelector(`#col-${c}`)?.classList.toggle("active", on);
    }
    this.#td(this.#selected)?.classList.toggle("selected", on);
  }

  #rowHeader(row: number): Element | null | undefined {
    return this.#td({ row, column: 1 })?.parentElement?.querySelector(".row-header");
  }

  /**
   * Selects a cell (or, with `extend`, the rectangle from the anchor to it), scrolls it into view
   * and reports it to the formula bar.
   */
  select(position: CellPosition, extend = false): void {
    const next = this.#clamp(position);
    this.#markRange(false);
    this.#selected = next;
    if (!extend) this.#anchor = next;
    this.#markRange(true);
    this.#table.setAttribute("aria-activedescendant", this.#cellId(next));
    this.#td(next)?.scrollIntoView({ block: "nearest", inline: "nearest" });
    this.#onSelect({ ...next, cell: this.cellAt(next.row, next.column), range: this.range });
  }

  #onKey(event: KeyboardEvent): void {
    const { row, column } = this.#selected;
    const ctrl = event.ctrlKey || event.metaKey;
    const actions = this.#actions;
    if (actions !== undefined && this.#command(event, ctrl, actions)) {
      event.preventDefault();
      return;
    }
    const moves: Record<string, CellPosition> = {
      ArrowUp: ctrl ? this.#edge(-1, 0) : { row: row - 1, column },
      ArrowDown: ctrl ? this.#edge(1, 0) : { row: row + 1, column },
      ArrowLeft: ctrl ? this.#edge(0, -1) : { row, column: column - 1 },
      ArrowRight: ctrl ? this.#edge(0, 1) : { row, column: column + 1 },
      PageUp: { row: row - PAGE_ROWS, column },
      PageDown: { row: row + PAGE_ROWS, column },
      Home: ctrl ? { row: 1, column: 1 } : { row, column: 1 },
      End: ctrl ? { row: this.#rows, column: this.#columns } : { row, column: this.#columns },
    };
    if (actions === undefined) moves["Enter"] = { row: row + 1, column };
    if (event.key === "Tab" && actions !== undefined) {
      event.preventDefault();
      this.select({ row, column: column + (event.shiftKey ? -1 : 1) });
      return;
    }
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    this.select(move, event.shiftKey && event.key.startsWith("Arrow"));
  }

  /**
   * Ctrl+arrow, as in Sheets: along a run of filled cells to its last one; from an empty cell (or
   * the end of a run) to the next filled cell; to the sheet's edge when there is none.
   */
  #edge(dr: number, dc: number): CellPosition {
    const filled = (p: CellPosition) => (this.cellAt(p.row, p.column)?.text ?? "") !== "";
    const inside = (p: CellPosition) =>
      p.row >= 1 && p.row <= this.#rows && p.column >= 1 && p.column <= this.#columns;
    const step = (p: CellPosition) => ({ row: p.row + dr, column: p.column + dc });
    let at = this.#selected;
    let next = step(at);
    if (!inside(next)) return at;
    if (filled(at) && filled(next)) {
      while (inside(next) && filled(next)) {
        at = next;
        next = step(at);
      }
      return at;
    }
    while (inside(next) && !filled(next)) {
      at = next;
      next = step(at);
    }
    return inside(next) ? next : at;
  }

  /** The keys that edit rather than move; true when the key was one. */
  #command(event: KeyboardEvent, ctrl: boolean, actions: GridActions): boolean {
    const key = event.key;
    if (ctrl && !event.altKey) {
      const lower = key.toLowerCase();
      if (lower === "z" && !event.shiftKey) actions.undo();
      else if (lower === "y" || (lower === "z" && event.shiftKey)) actions.redo();
      else return false;
      return true;
    }
    if (key === "F2" || key === "Enter") actions.edit(null);
    else if (key === "Delete" || key === "Backspace") actions.clear(this.range);
    else if (key === "ContextMenu" || (key === "F10" && event.shiftKey)) {
      actions.rowMenu(this.range, null);
    } else if (key === "ArrowDown" && event.altKey) actions.edit(null);
    else if (key.length === 1 && !event.altKey) actions.edit(key);
    else return false;
    return true;
  }
}
