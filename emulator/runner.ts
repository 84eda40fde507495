/**
 * Runs the built add-on (`dist/Code.js`, a string) as Apps Script would: each execution
 * evaluates the code in a fresh `node:vm` context holding only the JavaScript built-ins and the
 * Apps Script globals for its auth mode and user, then calls one top-level function.
 */

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { CallCounter } from "./calls";
import type { AuthModeName, Execution } from "./context";
import type { Emulator } from "./emulator";
import { ENUMS } from "./enums";
import { CUSTOM_FUNCTION_NAMES, type CustomFunction } from "./hyperformula";
import { Membrane, type Realm } from "./membrane";
import { EmuSpreadsheet } from "./Spreadsheet";
import { wallClock } from "./timezone";
import { firingsBetween, type TriggerRecord } from "./triggers";
import { isDate } from "./values";

export interface AddOnOptions {
  /** The project's HTML files by name, for `HtmlService.createHtmlOutputFromFile`. */
  readonly files?: Readonly<Record<string, string>>;
  /** File name shown in stack traces. Default "Code.js". */
  readonly fileName?: string;
  /**
   * The manifest the add-on is pushed with (its parsed `appsscript.json`, or a path to one):
   * calls needing an OAuth scope its `oauthScopes` lacks throw Apps Script's permission error.
   * Default: dist/appsscript.json, else the repository's appsscript.json.
   */
  readonly manifest?: Manifest | string;
}

/** The part of `appsscript.json` the emulator reads. */
export interface Manifest {
  readonly oauthScopes?: readonly string[];
}

const DEFAULT_MANIFESTS = [
  path.resolve(__dirname, "../dist/appsscript.json"),
  path.resolve(__dirname, "../appsscript.json"),
];

function readManifest(manifest: Manifest | string | undefined): Manifest {
  if (typeof manifest === "object") return manifest;
  const file = manifest ?? DEFAULT_MANIFESTS.find((candidate) => existsSync(candidate));
  if (file === undefined) return {};
  return JSON.parse(readFileSync(file, "utf8")) as Manifest;
}

export interface RunOptions {
  /** Default "FULL". */
  readonly authMode?: AuthModeName;
  /** The active user. Default: the emulator's user. */
  readonly user?: string;
}

/** An error thrown by the script, re-created in Node's realm with the script's name and message. */
export class ScriptError extends Error {
  constructor(
    name: string,
    message: string,
    readonly scriptStack: string | undefined,
  ) {
    super(message);
    this.name = name;
  }
}

export interface TriggerRun {
  readonly uid: string;
  readonly handler: string;
  readonly user: string;
  readonly at: Date;
  readonly result?: unknown;
  readonly error?: ScriptError;
}

interface Loaded {
  readonly context: vm.Context;
  readonly realm: Realm;
  readonly membrane: Membrane;
  readonly execution: Execution;
}

/**
 * Makes the context's `Date` read the emulator's clock: `new Date()`, `Date()` and `Date.now()`
 * are the virtual time; every other use is the real `Date`.
 */
const INSTALL_CLOCK = `(function (now) {
  var RealDate = Date;
  function VirtualDate() {
    if (!new.target) return new RealDate(now()).toString();
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  Object.setPrototypeOf(VirtualDate, RealDate);
  VirtualDate.prototype = RealDate.prototype;
  VirtualDate.now = function () { return now(); };
  Object.defineProperty(RealDate.prototype, "constructor", { value: VirtualDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, "Date", { value: VirtualDate, writable: true, configurable: true, enumerable: false });
  return { Date: VirtualDate, Array: Array, Error: Error, Object: Object };
})`;

function isSerializablePlain(value: unknown): boolean {
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  ) {
    return true;
  }
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.every(isSerializablePlain);
  if (typeof value !== "object" || isDate(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return false;
  return Object.values(value as object).every(isSerializablePlain);
}

/** What crosses `google.script.run`: JSON-like data, `undefined` in arrays becoming `null`. */
function transport(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value));
}

export class AddOn {
  readonly #emu: Emulator;
  readonly #script: vm.Script;
  readonly #files: Readonly<Record<string, string>>;
  readonly #names: readonly string[];
  readonly #scopes: readonly string[] | undefined;

  constructor(code: string, emu: Emulator, options: AddOnOptions = {}) {
    this.#emu = emu;
    this.#files = options.files ?? {};
    this.#scopes = readManifest(options.manifest).oauthScopes;
    this.#script = new vm.Script(code, { filename: options.fileName ?? "Code.js" });
    const probe = this.#load("NONE", emu.user, new CallCounter());
    emu.endExecution(probe.execution);
    const globals = probe.context as Record<string, unknown>;
    this.#names = Object.keys(globals).filter((name) => typeof globals[name] === "function");
    const functions: Record<string, CustomFunction> = {};
    for (const name of CUSTOM_FUNCTION_NAMES) {
      if (this.#names.includes(name))
        functions[name] = (...args: unknown[]) => this.#recalculationCall(name, args);
    }
    emu.setCustomFunctions(functions);
  }

  /** The top-level functions of the script (what Apps Script can call). */
  get functionNames(): readonly string[] {
    return this.#names;
  }

  #load(authMode: AuthModeName, user: string, counter: CallCounter, noDocument = false): Loaded {
    const context = vm.createContext({});
    const install = vm.runInContext(INSTALL_CLOCK, context) as (now: () => number) => Realm;
    const realm = install(() => this.#emu.nowMs());
    const execution = this.#emu.startExecution(
      authMode,
      user,
      counter,
      realm,
      this.#scopes,
      noDocument,
    );
    const membrane = new Membrane(execution, this.#emu, realm);
    const globals = this.#emu.services(authMode, {
      execution,
      realm,
      membrane,
      files: this.#files,
    });
    for (const [name, service] of Object.entries(globals)) {
      Object.defineProperty(context, name, {
        value: service,
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    try {
      this.#script.runInContext(context);
    } catch (error) {
      this.#emu.endExecution(execution);
      throw this.#scriptError(error);
    }
    return { context, realm, membrane, execution };
  }

  #scriptError(error: unknown): ScriptError {
    if (error instanceof ScriptError) return error;
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    const name = typeof e?.name === "string" ? e.name : "Error";
    const message = typeof e?.message === "string" ? e.message : String(error);
    return new ScriptError(name, message, typeof e?.stack === "string" ? e.stack : undefined);
  }

  #call(loaded: Loaded, name: string, args: readonly unknown[]): unknown {
    const fn = (loaded.context as Record<string, unknown>)[name];
    if (typeof fn !== "function")
      throw new ScriptError("Exception", `Script function not found: ${name}`, undefined);
    const scriptArgs = args.map((a) => loaded.membrane.out(a));
    try {
      return loaded.membrane.toHost((fn as (...a: unknown[]) => unknown)(...scriptArgs));
    } catch (error) {
      throw this.#scriptError(error);
    }
  }

  /** Runs a top-level function as one execution; returns its result in Node's realm. */
  run(name: string, args: readonly unknown[] = [], options: RunOptions = {}): unknown {
    return this.#run(name, () => args, options);
  }

  #run(
    name: string,
    args: (loaded: Loaded) => readonly unknown[],
    options: RunOptions,
    noDocument = false,
  ): unknown {
    const loaded = this.#load(
      options.authMode ?? "FULL",
      options.user ?? this.#emu.user,
      this.#emu.calls,
      noDocument,
    );
    try {
      return this.#call(loaded, name, args(loaded));
    } finally {
      this.#emu.endExecution(loaded.execution);
    }
  }

  /** Calls a custom function as a cell would, in AuthMode.CUSTOM_FUNCTION (counted in `emu.calls`). */
  callCustomFunction(name: string, args: readonly unknown[] = []): unknown {
    return this.run(name, args, { authMode: "CUSTOM_FUNCTION" });
  }

  /**
   * A custom function called by the formula engine: each cell's call is its own execution in a
   * fresh context, as in Google (PLATFORM "Custom functions": globals do not survive from one
   * cell's call to the next); its calls are counted in `emu.recalculationCalls`.
   */
  #recalculationCall(name: string, args: readonly unknown[]): unknown {
    const loaded = this.#load("CUSTOM_FUNCTION", this.#emu.user, this.#emu.recalculationCalls);
    try {
      return this.#call(loaded, name, args);
    } finally {
      this.#emu.endExecution(loaded.execution);
    }
  }

  /**
   * A call from the sidebar through `google.script.run`: only top-level functions not ending in
   * `_`; arguments must be primitives, null, plain objects and arrays (a `Date` fails); the result
   * crosses as JSON-like data, and a result holding a `Date` arrives as `null`.
   */
  scriptRun(name: string, ...args: unknown[]): unknown {
    return this.scriptRunAs(this.#emu.user, name, ...args);
  }

  scriptRunAs(user: string, name: string, ...args: unknown[]): unknown {
    if (name.endsWith("_") || !this.#names.includes(name)) {
      throw new ScriptError("ScriptError", `Script function not found: ${name}`, undefined);
    }
    args.forEach((arg, index) => {
      if (!isSerializablePlain(arg)) {
        throw new ScriptError(
          "Error",
          `Failed due to illegal value in property: ${index}`,
          undefined,
        );
      }
    });
    const result = this.run(name, args.map(transport), { authMode: "FULL", user });
    return isSerializablePlain(result) ? transport(result) : null;
  }

  /** Opens the spreadsheet: runs `onOpen` with the event object Sheets passes. */
  open(authMode: AuthModeName = "LIMITED", user?: string): unknown {
    const who = user ?? this.#emu.user;
    return this.#run(
      "onOpen",
      (loaded) => {
        const event: Record<string, unknown> = {
          authMode: ENUMS.AuthMode[authMode],
          user: { email: who, nickname: who.split("@")[0] },
        };
        if (authMode !== "NONE") {
          event["source"] = new EmuSpreadsheet(this.#emu.sheetsContext(loaded.execution));
        }
        return [event];
      },
      { authMode, user: who },
    );
  }

  /** Installs the add-on from the Marketplace: runs `onInstall` in AuthMode.FULL. */
  install(user?: string): unknown {
    const who = user ?? this.#emu.user;
    return this.#run(
      "onInstall",
      (loaded) => [
        {
          authMode: ENUMS.AuthMode.FULL,
          source: new EmuSpreadsheet(this.#emu.sheetsContext(loaded.execution)),
          user: { email: who, nickname: who.split("@")[0] },
        },
      ],
      { authMode: "FULL", user: who },
    );
  }

  /**
   * Fires one installed trigger now, as its creator, with Apps Script's time-driven event object.
   * A time-driven trigger of an add-on runs outside any document: no active spreadsheet, no UI,
   * no document lock.
   */
  runTrigger(uid: string): unknown {
    const record = this.#emu.triggers.get(uid);
    if (record === undefined) throw new Error(`no trigger ${uid}`);
    return this.#run(
      record.handler,
      () => [this.#triggerEvent(record)],
      { authMode: "FULL", user: record.user },
      record.eventType === "CLOCK",
    );
  }

  #triggerEvent(record: TriggerRecord): Record<string, unknown> {
    const now = this.#emu.nowMs();
    const w = wallClock("UTC", now);
    const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    return {
      authMode: ENUMS.AuthMode.FULL,
      triggerUid: record.uid,
      year: w.year,
      month: w.month,
      "day-of-month": w.day,
      "day-of-week": days[new Date(now).getUTCDay()],
      hour: w.hour,
      minute: w.minute,
      second: w.second,
      timezone: "UTC",
    };
  }

  /**
   * Moves the virtual clock forward to `until`, firing every time-driven trigger that falls due
   * on the way, in order. A trigger that throws is recorded (Apps Script e-mails nobody about an
   * add-on's failed trigger) and the walk goes on.
   */
  runDueTriggers(until: Date | string | number): TriggerRun[] {
    const end =
      until instanceof Date
        ? until.getTime()
        : typeof until === "number"
          ? until
          : Date.parse(until);
    const runs: TriggerRun[] = [];
    for (;;) {
      const from = this.#emu.nowMs();
      let next: { at: number; record: TriggerRecord } | undefined;
      for (const record of this.#emu.triggers.list()) {
        const at = firingsBetween(record, from, end, wallClock)[0];
        if (at !== undefined && (next === undefined || at < next.at)) next = { at, record };
      }
      if (next === undefined) break;
      this.#emu.setNow(next.at);
      const base = {
        uid: next.record.uid,
        handler: next.record.handler,
        user: next.record.user,
        at: new Date(next.at),
      };
      try {
        runs.push({ ...base, result: this.runTrigger(next.record.uid) });
      } catch (error) {
        runs.push({ ...base, error: this.#scriptError(error) });
      }
      if (next.record.at !== undefined) this.#emu.triggers.remove(next.record.uid);
      // A run may move the clock (lock waits, sleeps); never fire the same instant twice.
      if (this.#emu.nowMs() < next.at + 1) this.#emu.setNow(next.at + 1);
    }
    if (this.#emu.nowMs() < end) this.#emu.setNow(end);
    return runs;
  }
}

export function loadAddOn(code: string, emulator: Emulator, options: AddOnOptions = {}): AddOn {
  return new AddOn(code, emulator, options);
}
