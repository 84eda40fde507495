/**
 * The emulator: one spreadsheet document with its script's world around it — the virtual clock,
 * call counters, properties, locks, triggers, mail and UI records, the formula engine — and the
 * factory of the Apps Script globals each execution sees. See index.ts for the model.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { EmuCharts } from "./Charts";
import { CallCounter } from "./calls";
import { EmuConsole } from "./console";
import type { AuthModeName, Execution, Host } from "./context";
import { AppsScriptError, EXECUTION_KILLED } from "./errors";
import { FormulaBridge } from "./formulas";
import { ColumnRuns, ValueColumns } from "./grid";
import { EmuHtmlService } from "./html";
import type { CustomFunction } from "./hyperformula";
import { EmuLogger, type LogRecord } from "./Logger";
import { EmuLockService, type LockKind, LockManager } from "./locks";
import { EmuMailApp, MailState } from "./mail";
import { Membrane, type Realm } from "./membrane";
import {
  type CellStyle,
  type ChartData,
  type ConditionalRuleData,
  type GridRef,
  type MetadataData,
  type ProtectionData,
  SheetModel,
  sameStyle,
  type ValidationData,
  Workbook,
} from "./model";
import { EmuPropertiesService, PropertyStores } from "./properties";
import { AUTH_MODE, EmuScriptApp } from "./ScriptApp";
import { EmuSession } from "./Session";
import { EmuSpreadsheet } from "./Spreadsheet";
import { EmuSpreadsheetApp } from "./SpreadsheetApp";
import type { SheetsContext } from "./sheetsContext";
import { assertTimeZone } from "./timezone";
import { TriggerStore } from "./triggers";
import { EmuUtilities } from "./Utilities";
import { UiRecorder } from "./ui";
import type { Stored } from "./values";

export type { AuthModeName } from "./context";

/** `ScriptApp.AuthMode` values, usable in event objects: `{ authMode: AuthMode.NONE }`. */
export const AuthMode = AUTH_MODE;

export interface EmulatorOptions {
  /** The spreadsheet's time zone (`getSpreadsheetTimeZone`). Default "Etc/UTC". */
  readonly timeZone?: string;
  /** The script manifest's time zone (`Session.getScriptTimeZone`, trigger hours). Default "Etc/UTC". */
  readonly scriptTimeZone?: string;
  /** The active user's e-mail. Default "user@example.com". */
  readonly user?: string;
  /** The spreadsheet's owner, who may edit any protected range. Default: `user`. */
  readonly owner?: string;
  /** The virtual clock's start. Default 2026-01-01T09:00:00Z (never the real time). */
  readonly now?: Date | string | number;
  /** Mail recipients per user per day. Default 100 (consumer accounts). */
  readonly mailQuota?: number;
  /** Virtual milliseconds each `MailApp.sendEmail` takes. Default 0. */
  readonly mailSendMs?: number;
  readonly spreadsheetName?: string;
  readonly spreadsheetId?: string;
  /** The caption of the add-on menu (`createAddonMenu`). Default "SMART KPI". */
  readonly addOnName?: string;
  readonly locale?: string;
  /** Users who have not authorized the add-on (`getAuthorizationInfo` says REQUIRED). */
  readonly unauthorizedUsers?: readonly string[];
}

/** The globals of an Apps Script execution, typed as the real services. */
export interface AppsScriptGlobals {
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly ScriptApp: GoogleAppsScript.Script.ScriptApp;
  readonly MailApp: GoogleAppsScript.Mail.MailApp;
  readonly PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  readonly LockService: GoogleAppsScript.Lock.LockService;
  readonly HtmlService: GoogleAppsScript.HTML.HtmlService;
  readonly Session: GoogleAppsScript.Base.Session;
  readonly Utilities: GoogleAppsScript.Utilities.Utilities;
  readonly Logger: GoogleAppsScript.Base.Logger;
  readonly Charts: GoogleAppsScript.Charts.Charts;
  readonly console: Console;
}

export interface ServicesOptions {
  /** The active user. Default: the emulator's user. */
  readonly user?: string;
  /** Where calls are counted. Default: `emu.calls`. */
  readonly counter?: CallCounter;
  /** The realm (vm context) values are made in; default this one. */
  readonly realm?: Realm;
  /** HTML files for `HtmlService.createHtmlOutputFromFile`. */
  readonly files?: Readonly<Record<string, string>>;
  /** An execution created with `emu.startExecution` (otherwise one is created). */
  readonly execution?: Execution;
  /** The membrane of that execution, when the caller made one (the runner does). */
  readonly membrane?: Membrane;
  /** The manifest's `oauthScopes` to check calls against; default: none checked. */
  readonly scopes?: readonly string[];
}

interface Hook {
  readonly method: string;
  readonly fn: () => void;
  readonly once: boolean;
}

const DEFAULT_NOW = Date.parse("2026-01-01T09:00:00Z");

function toEpoch(value: Date | string | number): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${String(value)}`);
  return ms;
}

export class Emulator implements Host {
  readonly book: Workbook;
  /** Calls made by executions (script runs, sidebar calls, triggers, direct custom-function calls). */
  readonly calls = new CallCounter();
  /** Calls made by custom functions while the spreadsheet recalculated its formulas. */
  readonly recalculationCalls = new CallCounter();
  readonly ui: UiRecorder;
  mail: MailState;
  properties: PropertyStores;
  triggers: TriggerStore;
  readonly locks: LockManager;
  readonly logs: LogRecord[] = [];
  readonly formulas: FormulaBridge;
  /** The default active user of executions. */
  user: string;
  readonly scriptTimeZone: string;
  readonly scriptId: string;
  private clock: number;
  private hooks: Hook[] = [];
  private nextExecution = 1;
  private uuidCounter = 0;
  private readonly unauthorized: Set<string>;

  constructor(options: EmulatorOptions = {}) {
    const timeZone = options.timeZone ?? "Etc/UTC";
    assertTimeZone(timeZone);
    this.scriptTimeZone = options.scriptTimeZone ?? "Etc/UTC";
    assertTimeZone(this.scriptTimeZone);
    this.user = options.user ?? "user@example.com";
    this.clock = options.now === undefined ? DEFAULT_NOW : toEpoch(options.now);
    this.book = new Workbook({
      id: options.spreadsheetId ?? "1EmuLatedSpreadsheetId0000000000000000000000",
      name: options.spreadsheetName ?? "Untitled spreadsheet",
      timeZone,
      locale: options.locale ?? "en_US",
      owner: options.owner ?? this.user,
    });
    this.book.addSheet("Sheet1");
    this.scriptId = "1EmuLatedScriptId00000000000000000000000000000";
    this.ui = new UiRecorder(options.addOnName ?? "SMART KPI");
    this.mail = new MailState(
      options.mailQuota ?? 100,
      () => this.clock,
      (ms) => this.advance(ms),
    );
    this.mail.sendMs = options.mailSendMs ?? 0;
    this.properties = new PropertyStores();
    this.triggers = new TriggerStore();
    this.locks = new LockManager(this);
    this.unauthorized = new Set(options.unauthorizedUsers ?? []);
    this.formulas = new FormulaBridge(this.book);
  }

  // ---- the clock -------------------------------------------------------------------------

  nowMs(): number {
    return this.clock;
  }

  /** The virtual time: what `new Date()` gives a script. */
  now(): Date {
    return new Date(this.clock);
  }

  setNow(date: Date | string | number): void {
    this.clock = toEpoch(date);
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  // ---- recorders -------------------------------------------------------------------------

  get outbox(): readonly import("./mail").SentMail[] {
    return this.mail.outbox;
  }

  /** The direct view of the document, for test set-up and assertions: uncounted, never refused. */
  get spreadsheet(): EmuSpreadsheet {
    const exec = this.startExecution("FULL", this.book.owner, new CallCounter());
    return new EmuSpreadsheet(this.sheetsContext(exec));
  }

  isAuthorized(user: string): boolean {
    return !this.unauthorized.has(user);
  }

  /** Marks a user as having (or not having) authorized the add-on. */
  authorize(user: string, authorized = true): void {
    if (authorized) this.unauthorized.delete(user);
    else this.unauthorized.add(user);
  }

  get documentId(): string {
    return this.book.id;
  }

  get locale(): string {
    return this.book.locale;
  }

  // ---- executions and services -----------------------------------------------------------

  startExecution(
    authMode: AuthModeName,
    user: string,
    counter: CallCounter = this.calls,
    realm?: Realm,
    scopes?: readonly string[],
    noDocument = false,
  ): Execution {
    const id = this.nextExecution++;
    return {
      id,
      authMode,
      user,
      counter,
      ...(realm === undefined ? {} : { realm }),
      ...(scopes === undefined ? {} : { scopes: new Set(scopes) }),
      ...(noDocument ? { noDocument } : {}),
    };
  }

  /** What Apps Script does when an execution ends: its locks are released. */
  endExecution(execution: Execution): void {
    if (this.killedExecution === execution.id) this.killedExecution = undefined;
    this.locks.releaseAll(execution.id);
  }

  /** The context spreadsheet objects of an execution carry (for the runner's event objects). */
  sheetsContext(exec: Execution): SheetsContext {
    return { book: this.book, exec, host: this, ui: this.ui };
  }

  /**
   * The Apps Script globals for one execution in `authMode`, every call counted and checked.
   * Each call of `services` is a new execution (for locks and `Session`).
   */
  services(authMode: AuthModeName = "FULL", options: ServicesOptions = {}): AppsScriptGlobals {
    const exec =
      options.execution ??
      this.startExecution(
        authMode,
        options.user ?? this.user,
        options.counter ?? this.calls,
        options.realm,
        options.scopes,
      );
    const membrane = options.membrane ?? new Membrane(exec, this, options.realm);
    const ctx = this.sheetsContext(exec);
    const now = () => this.clock;
    const raw = {
      SpreadsheetApp: new EmuSpreadsheetApp(ctx),
      ScriptApp: new EmuScriptApp(this, exec),
      MailApp: new EmuMailApp(this.mail, exec),
      PropertiesService: new EmuPropertiesService(this.properties, exec),
      LockService: new EmuLockService(this.locks, exec),
      HtmlService: new EmuHtmlService(options.files ?? {}),
      Session: new EmuSession(this, exec),
      Utilities: new EmuUtilities(this, () => this.uuid()),
      Logger: new EmuLogger(this.logs, now),
      Charts: new EmuCharts(),
      console: new EmuConsole(this.logs, now),
    };
    const wrapped: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(raw)) wrapped[name] = membrane.wrap(service);
    return wrapped as unknown as AppsScriptGlobals;
  }

  private uuid(): string {
    const n = ++this.uuidCounter;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  }

  // ---- interleaving ----------------------------------------------------------------------

  /**
   * Runs `fn` just before an execution calls `method` ("Range.setValues"); with `once`, only the
   * first time. Returns a function that removes the hook.
   */
  beforeCall(method: string, fn: () => void, options: { once?: boolean } = {}): () => void {
    const hook: Hook = { method, fn, once: options.once ?? false };
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  /**
   * Kills an execution at its `n`th service call from now (1 = the next call): that call and
   * every later call of the same execution throw "Execution killed", as if Google had stopped
   * it there — a script may catch the error, but nothing it does after it reaches a service.
   * Returns a function that disarms it. `emu.killed` tells whether the kill happened.
   */
  killAt(n: number): () => void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`killAt: ${n} is not a call number`);
    this.killCountdown = n;
    this.killedExecution = undefined;
    this.killed = false;
    return () => {
      this.killCountdown = undefined;
    };
  }

  /** Whether the kill armed by `killAt` has happened. */
  killed = false;
  private killCountdown: number | undefined;
  private killedExecution: number | undefined;

  runHooks(method: string, execution?: number): void {
    if (execution !== undefined && execution === this.killedExecution) {
      throw new AppsScriptError(EXECUTION_KILLED);
    }
    if (this.killCountdown !== undefined && --this.killCountdown === 0) {
      this.killCountdown = undefined;
      this.killed = true;
      this.killedExecution = execution;
      throw new AppsScriptError(EXECUTION_KILLED);
    }
    if (this.hooks.length === 0) return;
    const due = this.hooks.filter((h) => h.method === method);
    if (due.length === 0) return;
    this.hooks = this.hooks.filter((h) => !(h.once && due.includes(h)));
    for (const hook of due) hook.fn();
  }

  /** Holds a lock on behalf of an execution elsewhere for `ms` virtual milliseconds. */
  holdLock(kind: LockKind, ms: number, user = this.user): void {
    this.locks.holdExternally(kind, ms, user);
  }

  // ---- formulas --------------------------------------------------------------------------

  recalculate(): void {
    this.formulas.recalculate();
  }

  /** Registers the custom functions formulas may call (done by `loadAddOn`). */
  setCustomFunctions(functions: Readonly<Record<string, CustomFunction>>): void {
    this.formulas.setFunctions(functions);
  }

  // ---- persistence -----------------------------------------------------------------------

  toJSON(): EmulatorState {
    const book = this.book;
    return {
      version: 1,
      clock: new Date(this.clock).toISOString(),
      user: this.user,
      scriptTimeZone: this.scriptTimeZone,
      addOnName: this.ui.addOnName,
      unauthorizedUsers: [...this.unauthorized],
      spreadsheet: {
        id: book.id,
        name: book.name,
        timeZone: book.timeZone,
        locale: book.locale,
        owner: book.owner,
        activeSheetId: book.activeSheetId,
        selections: [...book.selections],
        nextSheetId: book.nextSheetId,
        nextObjectId: book.nextObjectId,
        sheets: book.sheets.map((s) => ({
          id: s.id,
          name: s.name,
          maxRows: s.maxRows,
          maxColumns: s.maxColumns,
          hidden: s.hidden,
          frozenRows: s.frozenRows,
          frozenColumns: s.frozenColumns,
          values: s.values.toJSON(),
          formulas: [...s.formulas],
          formats: s.formats.toJSON(),
          styles: s.styles.toJSON(),
          validations: s.validations.toJSON(),
          notes: [...s.notes],
          conditionalRules: s.conditionalRules,
          columnWidths: [...s.columnWidths],
        })),
        namedRanges: [...book.namedRanges],
        metadata: book.metadata,
        protections: book.protections,
        charts: book.charts,
      },
      properties: this.properties.toJSON(),
      triggers: this.triggers.toJSON(),
      mail: this.mail.toJSON(),
      ui: {
        menus: this.ui.menus,
        sidebars: this.ui.sidebars,
        dialogs: this.ui.dialogs,
        alerts: this.ui.alerts,
        toasts: this.ui.toasts.map((t) => ({ ...t, at: t.at.toISOString() })),
      },
      logs: this.logs.map((l) => ({ ...l, at: l.at.toISOString() })),
    };
  }

  static fromJSON(state: EmulatorState): Emulator {
    if (state.version !== 1)
      throw new Error(`unknown emulator state version ${String(state.version)}`);
    const s = state.spreadsheet;
    const emu = new Emulator({
      timeZone: s.timeZone,
      scriptTimeZone: state.scriptTimeZone,
      user: state.user,
      owner: s.owner,
      now: state.clock,
      mailQuota: state.mail.quota,
      spreadsheetName: s.name,
      spreadsheetId: s.id,
      addOnName: state.addOnName,
      locale: s.locale,
      unauthorizedUsers: state.unauthorizedUsers,
    });
    const book = emu.book;
    book.sheets = s.sheets.map((data) => {
      const sheet = new SheetModel(data.id, data.name);
      sheet.maxRows = data.maxRows;
      sheet.maxColumns = data.maxColumns;
      sheet.hidden = data.hidden;
      sheet.frozenRows = data.frozenRows;
      sheet.frozenColumns = data.frozenColumns;
      sheet.values = ValueColumns.fromJSON(data.values);
      sheet.formulas = new Map(data.formulas);
      sheet.formats = ColumnRuns.fromJSON(data.formats);
      sheet.styles = ColumnRuns.fromJSON(data.styles, sameStyle);
      sheet.validations = ColumnRuns.fromJSON(data.validations);
      sheet.notes = new Map(data.notes);
      sheet.conditionalRules = data.conditionalRules;
      sheet.columnWidths = new Map(data.columnWidths);
      return sheet;
    });
    book.activeSheetId = s.activeSheetId;
    book.selections = new Map(s.selections ?? []);
    book.nextSheetId = s.nextSheetId;
    book.nextObjectId = s.nextObjectId;
    book.namedRanges = new Map(s.namedRanges);
    book.metadata = s.metadata;
    book.protections = s.protections;
    book.charts = s.charts;
    book.touch();
    emu.properties = PropertyStores.fromJSON(state.properties);
    emu.triggers = TriggerStore.fromJSON(state.triggers);
    emu.mail = MailState.fromJSON(
      state.mail,
      () => emu.clock,
      (ms) => emu.advance(ms),
    );
    emu.ui.menus.push(...state.ui.menus);
    emu.ui.sidebars.push(...state.ui.sidebars);
    emu.ui.dialogs.push(...state.ui.dialogs);
    emu.ui.alerts.push(...state.ui.alerts);
    emu.ui.toasts.push(...state.ui.toasts.map((t) => ({ ...t, at: new Date(t.at) })));
    emu.logs.push(...state.logs.map((l) => ({ ...l, at: new Date(l.at) })));
    return emu;
  }

  /** Writes the whole state to one JSON file. */
  save(path: string): void {
    writeFileSync(path, JSON.stringify(this.toJSON()));
  }

  static load(path: string): Emulator {
    return Emulator.fromJSON(JSON.parse(readFileSync(path, "utf8")) as EmulatorState);
  }
}

/** Everything the emulator holds, as plain JSON (see `toJSON`). */
export interface EmulatorState {
  readonly version: 1;
  readonly clock: string;
  readonly user: string;
  readonly scriptTimeZone: string;
  readonly addOnName: string;
  readonly unauthorizedUsers: string[];
  readonly spreadsheet: {
    readonly id: string;
    readonly name: string;
    readonly timeZone: string;
    readonly locale: string;
    readonly owner: string;
    readonly activeSheetId: number;
    readonly selections?: Array<[number, GridRef]>;
    readonly nextSheetId: number;
    readonly nextObjectId: number;
    readonly sheets: ReadonlyArray<{
      readonly id: number;
      readonly name: string;
      readonly maxRows: number;
      readonly maxColumns: number;
      readonly hidden: boolean;
      readonly frozenRows: number;
      readonly frozenColumns: number;
      readonly values: Array<Array<Stored | null> | null>;
      readonly formulas: Array<[number, string]>;
      readonly formats: Array<Array<[number, number, string]>>;
      readonly styles: Array<Array<[number, number, CellStyle]>>;
      readonly validations: Array<Array<[number, number, ValidationData]>>;
      readonly notes: Array<[number, string]>;
      readonly conditionalRules: ConditionalRuleData[];
      readonly columnWidths: Array<[number, number]>;
    }>;
    readonly namedRanges: Array<[string, GridRef]>;
    readonly metadata: MetadataData[];
    readonly protections: ProtectionData[];
    readonly charts: ChartData[];
  };
  readonly properties: ReturnType<PropertyStores["toJSON"]>;
  readonly triggers: ReturnType<TriggerStore["toJSON"]>;
  readonly mail: ReturnType<MailState["toJSON"]>;
  readonly ui: {
    readonly menus: import("./ui").MenuRecord[];
    readonly sidebars: import("./ui").SidebarRecord[];
    readonly dialogs: import("./ui").DialogRecord[];
    readonly alerts: import("./ui").AlertRecord[];
    readonly toasts: Array<Omit<import("./ui").ToastRecord, "at"> & { at: string }>;
  };
  readonly logs: Array<Omit<LogRecord, "at"> & { at: string }>;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(options);
}
