/**
 * One playground workbook: an emulator loaded from (and saved after every action to) a JSON file,
 * with the built add-on loaded into it. Opening it runs the add-on's onOpen, as opening a
 * spreadsheet in Sheets does, so the menu is the one the add-on builds.
 */

import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  type AddOn,
  createEmulator,
  type EditOutcome,
  Emulator,
  loadAddOn,
  type MenuRecord,
  ScriptError,
  UserInput,
} from "../emulator";
import { wallClock } from "../emulator/timezone";
import { instantFromSerial } from "../emulator/values";
import { dayFromParts } from "../src/core/dates";
import { AS_OF_NAME } from "../src/server/workbook";
import { buildDemo } from "./demo";
import { DEMO_NOW, DEMO_SPREADSHEET_NAME, DEMO_TIME_ZONE, DEMO_USER } from "./demoData";
import type {
  ActionResult,
  AlertView,
  CellInfo,
  CellRequest,
  EditRequest,
  MenuItemView,
  MenuView,
  PlaygroundState,
  ToastView,
} from "./protocol";
import { sheetView } from "./sheetView";

/** The hour of the day the emulated clock shows after "Set today": office hours. */
const TODAY_HOUR = 9;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How many changes Undo can take back; each is a copy of the document. */
const UNDO_DEPTH = 30;

export interface SessionOptions {
  /** The JSON file the workbook lives in. */
  readonly workbookPath: string;
  /** The built add-on, dist/Code.js. */
  readonly codePath: string;
  /** What a new or reset workbook holds. */
  readonly start: "demo" | "empty";
  /** Start over even when the file exists. */
  readonly reset?: boolean;
}

function menuItems(entries: MenuRecord["items"]): MenuItemView[] {
  const items: MenuItemView[] = [];
  for (const entry of entries) {
    if ("separator" in entry) items.push({ kind: "separator" });
    else if ("functionName" in entry) {
      items.push({ kind: "item", caption: entry.caption, functionName: entry.functionName });
    } else {
      // The playground shows a submenu's items in place, between separators.
      items.push({ kind: "separator" }, ...menuItems(entry.subMenu.items), { kind: "separator" });
    }
  }
  return items;
}

/** Parses `YYYY-MM-DD` into a serial day; `undefined` when it is no real date. */
export function parseIsoDay(text: string): number | undefined {
  const match = ISO_DAY.exec(text);
  if (match === null) return undefined;
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The saved workbook; a file it cannot read is named, with the way to start over. */
function loadWorkbook(path: string): Emulator {
  try {
    return Emulator.load(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${path} is not a workbook the playground can read (${reason}). Start over with \`npm start -- --reset\`, which replaces it, or move the file away first to keep it.`,
    );
  }
}

export class PlaygroundSession {
  readonly #options: SessionOptions;
  readonly #code: string;
  /** The project's HTML files as clasp pushes them: dist/Sidebar.html beside dist/Code.js. */
  readonly #files: Record<string, string> = {};
  #emu: Emulator;
  #addOn: AddOn;
  /** The document (cells, formats, rules…) before each change, newest last, as JSON. */
  #undo: string[] = [];
  #redo: string[] = [];

  constructor(options: SessionOptions) {
    this.#options = options;
    if (!existsSync(options.codePath)) {
      throw new Error(`${options.codePath} is missing: run \`npm run build\` first`);
    }
    this.#code = readFileSync(options.codePath, "utf8");
    const sidebarPath = join(dirname(options.codePath), "Sidebar.html");
    if (existsSync(sidebarPath)) this.#files["Sidebar"] = readFileSync(sidebarPath, "utf8");
    if (options.reset !== true && existsSync(options.workbookPath)) {
      this.#emu = loadWorkbook(options.workbookPath);
      // A spreadsheet opened again starts with a clean screen: no toasts or dialogs from before.
      this.#emu.ui.clear();
      this.#addOn = this.#open("LIMITED");
    } else {
      [this.#emu, this.#addOn] = this.#create();
    }
  }

  get emulator(): Emulator {
    return this.#emu;
  }

  /**
   * Loads the add-on into the emulator and opens the spreadsheet, which builds its menu. Sheets
   * runs onOpen in AuthMode.NONE in a document the add-on was never used in, LIMITED after.
   */
  #open(authMode: "NONE" | "LIMITED"): AddOn {
    const addOn = loadAddOn(this.#code, this.#emu, { files: this.#files });
    addOn.open(authMode);
    return addOn;
  }

  #create(): [Emulator, AddOn] {
    this.#emu = createEmulator({
      timeZone: DEMO_TIME_ZONE,
      user: DEMO_USER,
      now: DEMO_NOW,
      spreadsheetName: DEMO_SPREADSHEET_NAME,
    });
    const addOn = this.#open("NONE");
    if (this.#options.start === "demo") buildDemo(this.#emu, addOn);
    this.#save();
    return [this.#emu, addOn];
  }

  #save(): void {
    mkdirSync(dirname(this.#options.workbookPath), { recursive: true });
    this.#emu.save(this.#options.workbookPath);
  }

  /** The emulated today, `YYYY-MM-DD` in the spreadsheet's zone. */
  today(): string {
    const zone = this.#emu.spreadsheet.getSpreadsheetTimeZone();
    const { year, month, day } = wallClock(zone, this.#emu.now().getTime());
    return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }

  menu(): MenuView | null {
    const menu = this.#emu.ui.menu();
    return menu === undefined ? null : { caption: menu.caption, items: menuItems(menu.items) };
  }

  state(): PlaygroundState {
    const spreadsheet = this.#emu.spreadsheet;
    return {
      spreadsheetName: spreadsheet.getName(),
      timeZone: spreadsheet.getSpreadsheetTimeZone(),
      user: this.#emu.user,
      today: this.today(),
      activeSheet: spreadsheet.getActiveSheet().getName(),
      sheets: spreadsheet.getSheets().map((sheet) => sheetView(sheet, new UserInput(this.#emu))),
      menu: this.menu(),
      resetTo: this.#options.start,
      canUndo: this.#undo.length > 0,
      canRedo: this.#redo.length > 0,
    };
  }

  #document(): string {
    return JSON.stringify(this.#emu.toJSON().spreadsheet);
  }

  /**
   * Runs an action, saves, and reports what the add-on showed while it ran. Whatever it changed
   * in the document (not the clock, properties or triggers, as in Sheets) Undo can take back.
   */
  #act(action: () => void): ActionResult {
    const ui = this.#emu.ui;
    const toastsBefore = ui.toasts.length;
    const sidebarsBefore = ui.sidebars.length;
    const alertsBefore = ui.alerts.length;
    const before = this.#document();
    let error: string | undefined;
    try {
      action();
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    if (this.#document() !== before) {
      this.#undo.push(before);
      if (this.#undo.length > UNDO_DEPTH) this.#undo.shift();
      this.#redo = [];
    }
    this.#save();
    const toasts: ToastView[] = ui.toasts.slice(toastsBefore).map((toast) => ({
      title: toast.title,
      message: toast.message,
      // Apps Script: a negative timeout keeps the toast until it is closed.
      timeoutSeconds:
        toast.timeoutSeconds !== null && toast.timeoutSeconds < 0
          ? null
          : (toast.timeoutSeconds ?? 5),
    }));
    const alerts: AlertView[] = ui.alerts
      .slice(alertsBefore)
      .map((alert) => ({ title: alert.title, message: alert.prompt }));
    const sidebar = ui.sidebars.length > sidebarsBefore ? ui.sidebars.at(-1) : undefined;
    return {
      state: this.state(),
      toasts,
      alerts,
      ...(error === undefined ? {} : { error }),
      ...(sidebar === undefined
        ? {}
        : { sidebar: { title: sidebar.title, opened: ui.sidebars.length } }),
    };
  }

  /**
   * Runs a menu item's function as Sheets does when the user picks it: in AuthMode.FULL. Only
   * functions the add-on put in its menu can be run.
   */
  run(functionName: string): ActionResult {
    const allowed = (this.menu()?.items ?? []).some(
      (item) => item.kind === "item" && item.functionName === functionName,
    );
    if (!allowed) throw new RangeError(`"${functionName}" is not an item of the add-on's menu`);
    return this.#act(() => {
      this.#addOn.run(functionName, [], { authMode: "FULL" });
    });
  }

  /**
   * Fires every installed time-driven trigger now, as Google would at its hour: the daily check
   * runs as its trigger does, with no active document and no UI.
   */
  fireTriggers(): ActionResult {
    return this.#act(() => {
      const clock = this.#emu.triggers.list().filter((trigger) => trigger.eventType === "CLOCK");
      if (clock.length === 0)
        throw new Error('No trigger is installed: choose "Turn daily check on/off" first.');
      for (const trigger of clock) {
        this.#addOn.runTrigger(trigger.uid);
        if (trigger.at !== undefined) this.#emu.triggers.remove(trigger.uid);
      }
    });
  }

  /**
   * Moves the emulated clock to 09:00 of a day and sets the Settings as-of date to it, as the
   * daily check does each morning, so the Dashboard grades the KPIs as of that day.
   */
  setToday(iso: string): ActionResult {
    const serial = parseIsoDay(iso);
    if (serial === undefined) throw new RangeError(`"${iso}" is not a date (YYYY-MM-DD)`);
    return this.#act(() => {
      const spreadsheet = this.#emu.spreadsheet;
      const zone = spreadsheet.getSpreadsheetTimeZone();
      this.#emu.setNow(new Date(instantFromSerial(serial + TODAY_HOUR / 24, zone)));
      spreadsheet.getRangeByName(AS_OF_NAME)?.setValue(iso);
    });
  }

  /**
   * The user's edits, made as Sheets makes them when someone types (emulator/UserInput.ts), on
   * the sheet and cell the user is on, which become the active ones as in Sheets.
   */
  edit(request: EditRequest): ActionResult {
    const hands = new UserInput(this.#emu);
    let outcome: EditOutcome = { status: "done" };
    const result = this.#act(() => {
      const sheet = this.#emu.spreadsheet.getSheetByName(request.sheet);
      if (sheet === null) throw new RangeError(`there is no sheet named "${request.sheet}"`);
      const confirmed = { confirmed: "confirmed" in request && request.confirmed === true };
      switch (request.action) {
        case "paste":
          outcome = hands.paste(
            request.sheet,
            request.row,
            request.column,
            request.cells,
            confirmed,
          );
          break;
        case "clear":
          outcome = hands.clear(
            request.sheet,
            request.row,
            request.column,
            request.numRows,
            request.numColumns,
            confirmed,
          );
          break;
        case "insertRows":
          outcome = hands.insertRows(request.sheet, request.row, request.count, request.where);
          break;
        case "deleteRows":
          outcome = hands.deleteRows(request.sheet, request.row, request.count, confirmed);
          break;
      }
      if (outcome.status === "done") {
        this.#emu.spreadsheet.setActiveSheet(sheet);
        sheet.getRange(request.row, "column" in request ? request.column : 1).activate();
      }
    });
    const done = outcome as EditOutcome;
    if (done.status === "done") return result;
    const notice = { title: done.title, message: done.message };
    return done.status === "refused"
      ? { ...result, refused: notice }
      : { ...result, confirm: notice };
  }

  /** What the editor of a cell offers: the choices of its dropdown. */
  cell(request: CellRequest): CellInfo {
    const hands = new UserInput(this.#emu);
    return { dropdown: hands.dropdown(request.sheet, request.row, request.column) ?? null };
  }

  /** Takes back the last change to the document (Ctrl+Z). */
  undo(): ActionResult {
    return this.#swap(this.#undo, this.#redo, "nothing to undo");
  }

  /** Makes again the change Undo took back (Ctrl+Y). */
  redo(): ActionResult {
    return this.#swap(this.#redo, this.#undo, "nothing to redo");
  }

  #swap(from: string[], to: string[], empty: string): ActionResult {
    const document = from.pop();
    if (document === undefined) throw new RangeError(empty);
    to.push(this.#document());
    const state = this.#emu.toJSON();
    this.#emu = Emulator.fromJSON({ ...state, spreadsheet: JSON.parse(document) });
    this.#addOn = loadAddOn(this.#code, this.#emu, { files: this.#files });
    this.#save();
    return { state: this.state(), toasts: [], alerts: [] };
  }

  /** The HTML of the sidebar the add-on showed last, if any. */
  sidebarHtml(): string | undefined {
    return this.#emu.ui.sidebars.at(-1)?.html;
  }

  /**
   * One `google.script.run` call from the sidebar: the endpoint runs in the emulator as Google
   * runs it (AuthMode.FULL, the active user, arguments and result serialised as Google does).
   * The workbook is saved afterwards.
   */
  scriptRun(
    functionName: string,
    args: readonly unknown[],
  ): { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } } {
    try {
      const value = this.#addOn.scriptRun(functionName, ...args);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof ScriptError || error instanceof Error) {
        return { ok: false, error: { name: error.name, message: error.message } };
      }
      return { ok: false, error: { name: "Error", message: String(error) } };
    } finally {
      this.#save();
    }
  }

  /** Starts over from the demo, or from an empty spreadsheet. */
  reset(): ActionResult {
    this.#undo = [];
    this.#redo = [];
    [this.#emu, this.#addOn] = this.#create();
    return { state: this.state(), toasts: [], alerts: [] };
  }
}
