/**
 * The local Google: an emulator of the Apps Script services and of the Google Sheets document the
 * SMART KPI add-on uses, so the compiled `dist/Code.js` runs offline — in tests, benchmarks and
 * the playground — against a spreadsheet that behaves like Sheets where it matters.
 *
 * ## Public API
 *
 * ```ts
 * import { createEmulator, loadAddOn, Emulator, AuthMode } from "../emulator";
 *
 * const emu = createEmulator({
 *   timeZone: "Pacific/Auckland",      // the spreadsheet's zone (default "Etc/UTC")
 *   scriptTimeZone: "Etc/UTC",         // the manifest's zone: Session, trigger hours (default "Etc/UTC")
 *   user: "ann@example.com",           // the active user (default "user@example.com"); owner defaults to it
 *   now: "2026-03-01T08:00:00Z",       // the virtual clock (default 2026-01-01T09:00:00Z, never real time)
 *   mailQuota: 100,                    // recipients per user per day (default 100)
 * });                                  // also: owner, spreadsheetName, spreadsheetId, addOnName, locale,
 *                                      //        unauthorizedUsers
 *
 * emu.spreadsheet                      // the document for set-up and assertions ("the user's hands"):
 *                                      //   a real `Spreadsheet` API, uncounted, never refused
 * emu.services("FULL", { user })       // the globals a script sees (SpreadsheetApp, ScriptApp, MailApp,
 *                                      //   PropertiesService, LockService, HtmlService, Session,
 *                                      //   Utilities, Logger, Charts, console), typed as the real ones;
 *                                      //   every call counted and checked against the auth mode
 * emu.calls.total() / .byMethod() / .count("Range.getValues") / .count("Range.") / .reset()
 * emu.recalculationCalls               // calls made by custom functions while formulas recalculated
 * emu.outbox                           // sent mail; emu.mail.failNext(msg) / .setRemaining(user, n) /
 *                                      //   .remaining(user) / .quota
 * emu.ui.menus / .menu() / .sidebars / .sidebar / .dialogs / .alerts / .toasts / .respond("NO", text)
 * emu.triggers.list() / .get(uid)      // installed triggers (ScriptApp.newTrigger)
 * emu.properties.document / .script / .user(email)     // the Properties stores, as Maps
 * emu.logs                             // Logger.log and console.* lines, with the virtual time
 * emu.holdLock("document", 5_000)      // another execution holds the lock for 5 s of virtual time
 * emu.locks.holder("document")         // who holds it: an execution id, "external", or undefined
 * emu.now() / emu.setNow(date) / emu.advance(ms)
 * emu.beforeCall("Range.setValues", fn, { once: true })  // interleave executions (see Locks)
 * emu.authorize(user, false)           // getAuthorizationInfo(FULL) then says REQUIRED for that user
 * emu.formulas.builds / .syncs         // how often HyperFormula was rebuilt / brought up to date
 * emu.toJSON() / Emulator.fromJSON(json) / emu.save(path) / Emulator.load(path)
 *
 * const addOn = loadAddOn(codeJs, emu, { files: { Sidebar: html } });  // registers its custom functions
 * addOn.functionNames                  // top-level functions of the script
 * addOn.run("onOpen", [{ authMode: AuthMode.NONE }], { authMode: "NONE", user })  // → result in Node
 * addOn.open("NONE" | "LIMITED")       // onOpen with Sheets' event object (authMode, source, user)
 * addOn.install()                      // onInstall in FULL
 * addOn.callCustomFunction("KPI_PACE", [start, due, asOf])  // as a cell would, in CUSTOM_FUNCTION
 * addOn.scriptRun("createKpi", payload)   // google.script.run from a sidebar (scriptRunAs(user, …))
 * addOn.runTrigger(uid) / addOn.runDueTriggers(until) → TriggerRun[]
 * ```
 * A script's error comes out of `run` as a `ScriptError` with the script's name ("Exception" for
 * the services' own errors, "TypeError", "KpiInputError"…) and message.
 *
 * ## How it models Apps Script
 *
 * - **Executions.** Every `run`/`scriptRun`/`callCustomFunction`/trigger is one execution with an
 *   auth mode and an active user, evaluating `Code.js` afresh in a new `node:vm` context, as Apps
 *   Script keeps no global state between executions. The context holds only the JavaScript
 *   built-ins (no `process`, `require`, `setTimeout`, `TextEncoder`, `URL`, `fetch`) plus the Apps
 *   Script globals; its `Date` reads the virtual clock. Dates, arrays and errors crossing into the
 *   context are the context's own, so `value instanceof Date` holds in the script as in Google.
 *   The context's local time zone is the machine's (Apps Script's is the manifest's): the add-on
 *   must not read local time, and the suite's two TZ runs catch it when it does. Each cell's
 *   custom-function call is its own execution too: no global survives from one cell to the next.
 * - **Auth modes.** `NONE` allows only `Logger`, `Utilities`, `console` and building the add-on
 *   menu (`SpreadsheetApp.getUi()`, `Ui.createAddonMenu`, `Menu.*`); everything else throws
 *   "You do not have permission to call SpreadsheetApp.getActive. Required permissions: …".
 *   `LIMITED` (simple triggers) adds the spreadsheet, UI, properties and locks but not MailApp or
 *   trigger management. `CUSTOM_FUNCTION` reads the spreadsheet (writes such as `setValue`
 *   throw "You do not have permission to call setValue"), `getUi()` throws "Cannot call
 *   SpreadsheetApp.getUi() from this context.", MailApp and trigger management throw, Properties
 *   may be read but not written, `Session.getActiveUser()` is blank. `FULL` allows everything.
 * - **Calls.** Each method call on a service object a script holds is counted as
 *   `Service.method` ("SpreadsheetApp.getActive", "Sheet.getRange", "Range.getValues"), refused
 *   calls included. Calls through `emu.spreadsheet` are not counted.
 * - **Cells** are stored as Sheets stores them: numbers, strings, booleans, formulas, and a number
 *   format per cell. A date is a serial number (days since 1899-12-30, time as the fraction) with
 *   a date format: `getValues` gives the `Date` of that wall-clock time in the spreadsheet's zone,
 *   and a `Date` written by `setValues` becomes the serial of its wall-clock time there (format
 *   "M/d/yyyy", or "M/d/yyyy H:mm:ss" with a time, unless the cell has a date format). Strings
 *   written by `setValue(s)` are read as typing would be (numbers, "5%", TRUE/FALSE, dates,
 *   `=formulas`, a leading `'` for text) unless the cell's format is "@" (plain text), which keeps
 *   them verbatim. An unformatted cell reports the format "0.###############". New sheets are
 *   1000 rows × 26 columns; ranges outside the grid throw as in Sheets; `appendRow` and
 *   `insertRows*` grow it. Storage is one array per column, so a million-row log is cheap.
 * - **Formulas** are evaluated by HyperFormula (./hyperformula.ts) with the loaded add-on's custom
 *   functions, lazily: writes only note the rectangles they changed, and the first read needing
 *   a result brings the engine up to date in one batch. Open ranges (`A1:E`, `A:A`) are bounded to
 *   the grid of their sheet, so a custom function receives every grid row, blank ones included,
 *   as in Sheets. A single cell reaches a custom function as its value, a range or an array
 *   literal as a 2-D array. A result spills over exactly the cells it returns (a short one blocks
 *   nothing below it); a blocked spill is `#REF!`; a thrown error `#ERROR!`. References move with
 *   inserted/deleted rows and columns and renamed sheets.
 * - **Locks.** JavaScript here is single-threaded, so concurrency is modelled by interleaving:
 *   `emu.beforeCall(method, fn)` runs `fn` — typically another `addOn.run(...)` — just before an
 *   execution makes that call, with that execution suspended there, holding its locks. A lock
 *   held by a suspended execution cannot be released while the nested one waits, so the nested
 *   `tryLock(ms)` returns false and `waitLock(ms)` throws "Lock timeout: another process was
 *   holding the lock for too long." after moving the virtual clock by `ms`.
 *   `emu.holdLock(kind, ms)` stands for an execution elsewhere that releases after `ms`: a wait at
 *   least that long succeeds (the clock moves to the release), a shorter one fails. Locks are
 *   released when their execution ends, as in Apps Script.
 * - **Triggers** fire on the virtual clock: `runDueTriggers(until)` walks the clock forward and
 *   runs each time-driven trigger exactly at its hour in its zone (Google allows ±15 min), as the
 *   user who created it, in `AuthMode.FULL`. An add-on may hold one time-based trigger per user per
 *   document and none more often than hourly.
 * - **Mail** counts recipients per user against a daily quota over a rolling 24 h (each frees a
 *   day after the send that used it),
 *   rejects malformed addresses, and `emu.mail.failNext(message)` makes the next send throw.
 * - **Persistence.** `toJSON`/`save` capture cells, formulas, formats, styles, notes, validation,
 *   conditional formats, protections, named ranges, metadata, charts, properties, triggers, the
 *   outbox and mail quota, UI records, logs and the clock.
 */

export { conditionalFormatAt } from "./ConditionalFormatRule";
export type { CallCounter } from "./calls";
export type { AuthModeName, Execution } from "./context";
export { passesValidation } from "./DataValidation";
export {
  type AppsScriptGlobals,
  AuthMode,
  createEmulator,
  Emulator,
  type EmulatorOptions,
  type EmulatorState,
  type ServicesOptions,
} from "./emulator";
export { AppsScriptError } from "./errors";
export type { LogRecord } from "./Logger";
export type { SentMail } from "./mail";
export type { EmuRange } from "./Range";
export {
  AddOn,
  type AddOnOptions,
  loadAddOn,
  type Manifest,
  type RunOptions,
  ScriptError,
  type TriggerRun,
} from "./runner";
export type { EmuSheet } from "./Sheet";
export type { EmuSpreadsheet } from "./Spreadsheet";
export type { TriggerRecord } from "./triggers";
export { type EditOptions, type EditOutcome, UserInput } from "./UserInput";
export type {
  AlertRecord,
  ButtonName,
  DialogRecord,
  MenuEntry,
  MenuRecord,
  SidebarRecord,
  ToastRecord,
} from "./ui";
