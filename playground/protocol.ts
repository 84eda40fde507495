/**
 * The JSON the playground's server and page exchange. Types only: the page imports nothing else
 * from the server side, so its bundle stays free of Node and of the emulator.
 */

/** One cell as the page draws it. Absent optional fields mean "as an empty, unstyled cell". */
export interface CellView {
  /** The formatted value, as `Range.getDisplayValues()` shows it. */
  readonly text: string;
  /** The formula typed in the cell, when it holds one. */
  readonly formula?: string;
  /** How Sheets aligns the value by default: numbers and dates right, booleans centred. */
  readonly kind?: "number" | "boolean" | "error";
  readonly note?: string;
  readonly style?: CellStyleView;
  /** What hovering shows, as Sheets' tooltip: an error's message, or "Invalid: …" for a value a
   *  warning-only validation rule does not accept. */
  readonly tooltip?: string;
  /** The value breaks the cell's validation rule (Sheets marks the cell with a red corner). */
  readonly invalid?: true;
}

export interface CellStyleView {
  readonly background?: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strikethrough?: boolean;
  readonly fontSize?: number;
  readonly align?: "left" | "center" | "right";
}

/** One series of a chart: a column of its ranges after the categories. */
export interface ChartSeriesView {
  readonly name: string;
  /** One value per category; `null` where the cell is not a number. */
  readonly values: readonly (number | null)[];
  readonly color: string | undefined;
  readonly dashed: boolean;
}

export interface ChartView {
  readonly kind: "column" | "line";
  readonly title: string;
  /** Anchor cell (1-based) and offset in pixels, as `EmbeddedChart.getContainerInfo()` gives it. */
  readonly row: number;
  readonly column: number;
  readonly offsetX: number;
  readonly offsetY: number;
  /** Size in pixels, from the chart's `width` and `height` options (Sheets' defaults otherwise). */
  readonly width: number;
  readonly height: number;
  /** Columns stacked on each other rather than side by side. */
  readonly stacked: boolean;
  /** Category labels as displayed, from the first column of the first range; blank rows left out. */
  readonly categories: readonly string[];
  /** The other columns of the ranges that hold a number; blank columns left out. */
  readonly series: readonly ChartSeriesView[];
  /** "percent" when the value axis is formatted as a percentage. */
  readonly valueFormat: "percent" | "number";
}

export interface SheetView {
  readonly name: string;
  /** The sheet's size in Sheets: how many rows and columns the page may draw. */
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Width in pixels of each column that has cells, from column A. */
  readonly columnWidths: readonly number[];
  /** Rows 1…last used row, each with columns A…last used column; `null` is an empty cell. */
  readonly cells: readonly (readonly (CellView | null)[])[];
  readonly charts: readonly ChartView[];
}

export type MenuItemView =
  | { readonly kind: "item"; readonly caption: string; readonly functionName: string }
  | { readonly kind: "separator" };

export interface MenuView {
  readonly caption: string;
  readonly items: readonly MenuItemView[];
}

export interface PlaygroundState {
  readonly spreadsheetName: string;
  readonly timeZone: string;
  readonly user: string;
  /** The emulated today in the spreadsheet's zone, `YYYY-MM-DD`. */
  readonly today: string;
  readonly activeSheet: string;
  readonly sheets: readonly SheetView[];
  /** The add-on's menu as its onOpen built it; `null` before it built one. */
  readonly menu: MenuView | null;
  /** What `reset` restores: the demo workbook or an empty one. */
  readonly resetTo: "demo" | "empty";
  /** Whether Undo and Redo have something to take back or do again. */
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export interface ToastView {
  readonly title: string;
  readonly message: string;
  /** Seconds until it hides itself; `null` keeps it until closed. */
  readonly timeoutSeconds: number | null;
}

export interface AlertView {
  readonly title: string;
  readonly message: string;
}

/** The answer to every action: the workbook afterwards and what the add-on showed meanwhile. */
export interface ActionResult {
  readonly state: PlaygroundState;
  readonly toasts: readonly ToastView[];
  readonly alerts: readonly AlertView[];
  /** The message of an exception the add-on threw, as Sheets would show it. */
  readonly error?: string;
  /** An edit Sheets refused ("There was a problem"), or one to confirm first ("Heads up!"). */
  readonly refused?: NoticeView;
  readonly confirm?: NoticeView;
  /** The add-on showed a sidebar (its page is served at /sidebar); `opened` counts them. */
  readonly sidebar?: { readonly title: string; readonly opened: number };
}

export interface NoticeView {
  readonly title: string;
  readonly message: string;
}

/** What the user does to the cells; `confirmed` repeats an edit after "Heads up!" was answered OK. */
export type EditRequest =
  | {
      readonly action: "paste";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      /** Typing is a 1×1 paste. */
      readonly cells: readonly (readonly string[])[];
      readonly confirmed?: boolean;
    }
  | {
      readonly action: "clear";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly numRows: number;
      readonly numColumns: number;
      readonly confirmed?: boolean;
    }
  | {
      readonly action: "insertRows";
      readonly sheet: string;
      readonly row: number;
      readonly count: number;
      readonly where: "above" | "below";
    }
  | {
      readonly action: "deleteRows";
      readonly sheet: string;
      readonly row: number;
      readonly count: number;
      readonly confirmed?: boolean;
    };

export interface CellRequest {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** What editing a cell offers: its dropdown's choices, or null without one. */
export interface CellInfo {
  readonly dropdown: readonly string[] | null;
}

export interface RunRequest {
  readonly functionName: string;
}

export interface TodayRequest {
  /** `YYYY-MM-DD` */
  readonly date: string;
}

/** One e-mail of the Outbox (see ./outboxRoutes.ts). */
export interface OutboxMail {
  readonly to: string;
  readonly subject: string;
  /** The plain-text alternative. */
  readonly body: string;
  /** The HTML body, shown in a sandboxed frame (no scripts run in it). */
  readonly htmlBody: string;
  /** ISO instant. */
  readonly sentAt: string;
}
