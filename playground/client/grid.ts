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
  #selected: CellPosition;

  constructor(
    view: SheetView,
    selected: CellPosition | undefined,
    onSelect: (selection: Selection) => void,
  ) {
    this.#view = view;
    const { rows, columns } = extent(view);
    this.#rows = rows;
    this.#columns = columns;
    this.#onSelect = onSelect;
    this.#selected = {
      row: Math.min(Math.max(selected?.row ?? 1, 1), rows),
      column: Math.min(Math.max(selected?.column ?? 1, 1), columns),
    };
    this.#table = h("table", {
      className: "grid",
      attrs: {
        role: "grid",
        "aria-readonly": "true",
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

    table.addEventListener("click", (event) => {
      const target = (event.target as Element).closest("td[data-row]");
      if (target === null) return;
      const row = Number(target.getAttribute("data-row"));
      const column = Number(target.getAttribute("data-column"));
      this.select({ row, column });
    });
    table.addEventListener("keydown", (event) => this.#onKey(event));
    table.setAttribute("aria-activedescendant", this.#cellId(this.#selected));
    this.#mark(this.#selected, true);
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

  #mark(position: CellPosition, on: boolean): void {
    const td = this.#td(position);
    td?.classList.toggle("selected", on);
    td?.setAttribute("aria-selected", on ? "true" : "false");
    this.#table.querySelector(`#col-${position.column}`)?.classList.toggle("active", on);
    td?.parentElement?.querySelector(".row-header")?.classList.toggle("active", on);
  }

  /** Selects a cell, scrolls it into view and reports it to the formula bar. */
  select(position: CellPosition): void {
    const next = {
      row: Math.min(Math.max(position.row, 1), this.#rows),
      column: Math.min(Math.max(position.column, 1), this.#columns),
    };
    this.#mark(this.#selected, false);
    this.#selected = next;
    this.#mark(next, true);
    this.#table.setAttribute("aria-activedescendant", this.#cellId(next));
    this.#td(next)?.scrollIntoView({ block: "nearest", inline: "nearest" });
    this.#onSelect({ ...next, cell: this.cellAt(next.row, next.column) });
  }

  #onKey(event: KeyboardEvent): void {
    const { row, column } = this.#selected;
    const moves: Record<string, CellPosition> = {
      ArrowUp: { row: row - 1, column },
      ArrowDown: { row: row + 1, column },
      ArrowLeft: { row, column: column - 1 },
      ArrowRight: { row, column: column + 1 },
      PageUp: { row: row - PAGE_ROWS, column },
      PageDown: { row: row + PAGE_ROWS, column },
      Home: event.ctrlKey ? { row: 1, column: 1 } : { row, column: 1 },
      End: event.ctrlKey
        ? { row: this.#rows, column: this.#columns }
        : { row, column: this.#columns },
      Enter: { row: row + 1, column },
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    this.select(move);
  }
}
