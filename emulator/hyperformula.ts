/**
 * HyperFormula behaving like Google Sheets calling the add-on's custom functions.
 *
 * API
 * ---
 * `createFormulaEngine({ sheets, timeZone, functions, config })` builds a HyperFormula instance
 * (license "gpl-v3") in which `=KPI_ROLLUP(…)`, `=KPI_ATTAINMENT(…)`, `=KPI_PACE(…)`,
 * `=KPI_STATUS(…)`, `=KPI_SPLIT(…)` and `=KPI_SMART(…)` call the JS functions you pass in
 * `functions` (normally the top-level functions of dist/Code.js loaded in a vm), and returns a
 * {@link FormulaEngine}:
 *
 * - `hf` — the HyperFormula instance; use its API for everything else (setCellContents, …).
 * - `timeZone` / `setTimeZone(tz)` — the spreadsheet's time zone; changing it recalculates.
 * - `toCellContent(value)` — what to hand `hf.setCellContents` for a value as Apps Script's
 *   `setValue` would store it (a `Date` becomes a date cell of its wall-clock time in the zone).
 * - `getValue(address)` / `getSheetValues(sheetName)` — cells as Apps Script's `getValues` reads
 *   them: date cells as `Date`, empty cells as `""`, error cells as HyperFormula's
 *   `DetailedCellError` (`value` "#ERROR!", "#NAME?"…, `message` the tooltip).
 *
 * Cell contents (in `sheets` and through `toCellContent`): a string starting with `=` is a formula;
 * a `Date` is a date (or date-time) cell; other strings are read as text typed into Sheets is
 * ("5%" becomes a percent number, "2026-01-05" a date, "TRUE" a boolean) unless they start with
 * `'`; numbers, booleans, `null` and `""` are what they are.
 *
 * What a custom function sees, as in Sheets: a range arrives as a 2-D array, a single cell (or a
 * 1×1 range) as its bare value; an empty cell or an empty argument as `""`; omitted trailing
 * arguments are not passed; a date-typed number (a date cell, `DATE(…)`, date arithmetic) as a JS
 * `Date` at that wall-clock time in the spreadsheet's zone, whatever the process's TZ; percent
 * and currency cells as plain numbers. An error among the arguments (in a range too) is the
 * formula's result; the function is not called.
 *
 * What its result becomes: a 2-D array spills (a 1-D array spills down a column); a `Date`
 * becomes a date-typed serial of its wall-clock day (a date-time one when it is not midnight);
 * `null`/`undefined` become `""`; NaN and infinities `#NUM!`; a thrown error becomes `#ERROR!`
 * whose message is the error's message. A function not in `functions` gives `#NAME?`.
 *
 * Spills: HyperFormula reserves a formula's spill area when it parses the formula, while Sheets
 * spills only what a call returns. So the area is first predicted from the formula's text
 * (KPI_ROLLUP: rows of `kpis` × the names in a literal `fields` string, or 8; KPI_SMART: rows of
 * `kpis` × 2; KPI_SUMMARY: rows of `kpis` + 1 × 11; KPI_TREND: weeks × 1 + the IDs named;
 * KPI_SPLIT: the shape of `weights`, or N×1 for a literal N; the element-wise three:
 * the common shape of their range arguments), then corrected: each call records the size it
 * returned, and the bridge (./formulas.ts) enters again every formula whose reserved area differs
 * from it, which HyperFormula then sizes from `spillSizes` — the call's result is reused when its
 * arguments are unchanged, so no call is repeated. Only the returned area is occupied: a cell
 * under a short result blocks nothing. A spill blocked by a cell in the way is `#SPILL!` (#REF! in
 * Sheets); a blocked formula is not evaluated by HyperFormula, so it is probed once (sized 1×1)
 * to learn what it returns now.
 *
 * Several engines with different functions and time zones can coexist: HyperFormula registers
 * function plugins globally, so the one plugin below finds its engine's functions and zone in the
 * instance's `context` config option.
 */

import {
  ArraySize,
  CellError,
  type ConfigParams,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
  SimpleRangeValue,
} from "hyperformula";
import { DAY_MS, DayConverter, UNIX_EPOCH_DAY } from "../src/core/dates";
import { assertTimeZone, offsetMinutesAt } from "./timezone";

/** The custom functions the add-on defines (SPEC §4). */
export const CUSTOM_FUNCTION_NAMES = [
  "KPI_ATTAINMENT",
  "KPI_PACE",
  "KPI_STATUS",
  "KPI_SPLIT",
  "KPI_SMART",
  "KPI_ROLLUP",
  "KPI_TREND",
  "KPI_SUMMARY",
] as const;
export type CustomFunctionName = (typeof CUSTOM_FUNCTION_NAMES)[number];
export type CustomFunction = (...args: unknown[]) => unknown;

/** A cell as Apps Script's `Range.getValues()` returns it; errors keep HyperFormula's details. */
export type SheetValue = string | number | boolean | Date | DetailedCellError;

export interface FormulaEngineOptions {
  /** Sheet name → rows of cell contents (see the file header for how contents are read). */
  readonly sheets?: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** The spreadsheet's IANA time zone, e.g. "Pacific/Auckland". */
  readonly timeZone: string;
  /** Implementations by name; names left out evaluate to `#NAME?`. */
  readonly functions: Readonly<Partial<Record<CustomFunctionName, CustomFunction>>>;
  /** Further HyperFormula options (the license key, `context` and date formats are set here). */
  readonly config?: Partial<ConfigParams>;
}

export interface FormulaEngine {
  readonly hf: HyperFormula;
  readonly timeZone: string;
  /** Changes the spreadsheet's zone; cells keep their wall-clock serials, as in Sheets. */
  setTimeZone(timeZone: string): void;
  /** The raw content for `hf.setCellContents` of a value written by Apps Script. */
  toCellContent(value: unknown): RawCellContent;
  /** One cell as `Range.getValue()` reads it. */
  getValue(address: SimpleCellAddress): SheetValue;
  /** A whole sheet as `getDataRange().getValues()` reads it. */
  getSheetValues(sheetName: string): SheetValue[][];
}

/** The default field list of KPI_ROLLUP has 8 names (SPEC §4.7). */
const DEFAULT_ROLLUP_WIDTH = 8;
const MINUTE_MS = 60_000;
const DATE_TYPES: ReadonlySet<string> = new Set(["NUMBER_DATE", "NUMBER_DATETIME", "NUMBER_TIME"]);

interface Size {
  readonly width: number;
  readonly height: number;
}

/** One evaluated call in the current pass: what it reserved, returned, and was called with. */
interface CallRecord {
  readonly address: SimpleCellAddress;
  readonly reserved: Size;
  readonly returned: Size;
  readonly args: readonly unknown[];
  readonly result: unknown;
  /** The error the call threw, shown in its cell. */
  readonly error?: CellError;
}

function addressKey(address: SimpleCellAddress): string {
  return `${address.sheet}!${address.row}!${address.col}`;
}

/** What one engine's plugin calls need; stored in HyperFormula's `context` option. */
class EngineContext {
  zone: DayConverter;
  /** Spill sizes learned from what calls returned, by formula address. */
  readonly spillSizes = new Map<string, Size>();
  /** Calls evaluated since the spills were last settled. */
  calls = new Map<string, CallRecord>();
  /** Every address whose formula calls a custom function, as HyperFormula sized it. */
  readonly callSites = new Map<string, SimpleCellAddress>();
  /** Results to hand back, uncalled, when a formula re-entered for its size gets the same arguments. */
  readonly reuse = new Map<string, CallRecord>();

  constructor(
    public timeZone: string,
    readonly functions: Readonly<Partial<Record<string, CustomFunction>>>,
  ) {
    this.zone = zoneFor(timeZone);
  }

  setTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
    this.zone = zoneFor(timeZone);
  }
}

function zoneFor(timeZone: string): DayConverter {
  assertTimeZone(timeZone);
  return new DayConverter((epochMs) => offsetMinutesAt(timeZone, epochMs));
}

/** The instant a wall-clock serial (days since 1899-12-30, fraction = time) names in the zone. */
export function dateOfSerial(serial: number, zone: DayConverter): Date {
  const day = Math.floor(serial);
  const timeMs = Math.round((serial - day) * DAY_MS);
  if (timeMs === 0) return zone.startOf(day);
  const wallMs = (day - UNIX_EPOCH_DAY) * DAY_MS + timeMs;
  const guess = wallMs - zone.offsetMinutes(wallMs) * MINUTE_MS;
  return new Date(wallMs - zone.offsetMinutes(guess) * MINUTE_MS);
}

/** The wall-clock serial of an instant in the zone (whole for midnight). */
export function serialOfDate(date: Date, zone: DayConverter): number {
  const ms = date.getTime();
  return (ms + zone.offsetMinutes(ms) * MINUTE_MS) / DAY_MS + UNIX_EPOCH_DAY;
}

/** `Date` from this realm or another one (a vm context's functions return their own `Date`s). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** A HyperFormula number carrying a format type (DateNumber, PercentNumber…). */
interface RichNumberLike {
  readonly val: number;
  getDetailedType(): string;
}

function isRichNumber(value: unknown): value is RichNumberLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { val?: unknown }).val === "number" &&
    typeof (value as { getDetailedType?: unknown }).getDetailedType === "function"
  );
}

/** One cell value inside HyperFormula → what Apps Script hands a custom function. */
function scriptValueOfScalar(value: unknown, zone: DayConverter): unknown {
  if (value === EmptyValue || value === null || value === undefined) return "";
  if (isRichNumber(value)) {
    return DATE_TYPES.has(value.getDetailedType()) ? dateOfSerial(value.val, zone) : value.val;
  }
  return value;
}

function firstError(rows: readonly (readonly unknown[])[]): CellError | undefined {
  for (const row of rows) {
    for (const cell of row) if (cell instanceof CellError) return cell;
  }
  return undefined;
}

function messageOf(thrown: unknown): string {
  if (typeof thrown === "object" && thrown !== null) {
    const message = (thrown as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  return String(thrown);
}

type Ast = Parameters<FunctionPlugin["evaluateAst"]>[0];
type State = Parameters<FunctionPlugin["evaluateAst"]>[1];
type InterpreterValue = ReturnType<FunctionPlugin["evaluateAst"]>;
type ScalarValue = SimpleRangeValue["data"][number][number];
/** HyperFormula's number format type; its enum is not exported, its values are these strings. */
type NumberType = Parameters<FunctionPlugin["returnNumberWrapper"]>[1];
/** The call node HyperFormula passes a plugin method. */
interface CallAst {
  readonly procedureName: string;
  readonly args: Ast[];
}

/** The literal whole number of a `KPI_SPLIT(total, N)` call, if the formula spells one. */
function literalCount(ast: Ast): number | undefined {
  let node = ast as unknown as { type: string; value?: unknown; expression?: unknown };
  while (node.type === "PARENTHESES") {
    node = node.expression as typeof node;
  }
  const value =
    node.type === "NUMBER"
      ? node.value
      : node.type === "STRING" && typeof node.value === "string" && node.value.trim() !== ""
        ? Number(node.value)
        : undefined;
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** How many columns a literal `fields` string asks for; undefined when not a literal. */
function literalFieldCount(ast: Ast | undefined): number | undefined {
  if (ast === undefined) return undefined;
  const node = ast as unknown as { type: string; value?: unknown };
  if (node.type !== "STRING" || typeof node.value !== "string") return undefined;
  const names = node.value.split(",").filter((name) => name.trim() !== "");
  return names.length === 0 ? undefined : names.length;
}

const ONE_CELL: Size = { width: 1, height: 1 };

/** The area a result occupies when Sheets spills it (an empty array still takes its own cell). */
function returnedSize(result: unknown): Size {
  if (!Array.isArray(result)) return ONE_CELL;
  const height = result.length;
  let width = 0;
  for (const row of result) width = Math.max(width, Array.isArray(row) ? row.length : 1);
  return { width: Math.max(1, width), height: Math.max(1, height) };
}

/** Whether two argument lists hold the same values (numbers, strings, Dates, nested arrays). */
function sameValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValues(a[i], b[i])) return false;
  return true;
}

/** Rows reserved for a KPI_TREND: its header and ten years of weekly steps. */
const TREND_ROWS = 1 + 530;

/**
 * How many goals a KPI_TREND's `ids` names: the items of a literal list, the cells of a range, or
 * (for a computed list) at most {@link TREND_COMPUTED_IDS}.
 */
function idCount(
  ast: Ast | undefined,
  shapeOf: (ast: Ast | undefined) => { width: number; height: number },
): number {
  const node = ast as unknown as { type: string; value?: unknown } | undefined;
  if (node?.type === "STRING" && typeof node.value === "string") {
    return Math.max(1, node.value.split(",").filter((id) => id.trim() !== "").length);
  }
  // A range's cells, blank ones included; a computed list (FILTER of a registry column) would
  // reserve a column per registry row, so it gets room for ten goals.
  const node2 = ast as unknown as { type: string } | undefined;
  const { width, height } = shapeOf(ast);
  return node2?.type === "CELL_RANGE"
    ? width * height
    : Math.min(width * height, TREND_COMPUTED_IDS);
}

/** Goals a KPI_TREND reserves room for when its IDs are computed by a formula. */
const TREND_COMPUTED_IDS = 10;

/**
 * Sheets shows a failed custom function's error in its own cell only; HyperFormula would fill the
 * whole reserved area with it, so the rest of the area is padded with `""` instead.
 */
function errorResult(error: CellError, reserved: Size): CellError | SimpleRangeValue {
  if (reserved.width === 1 && reserved.height === 1) return error;
  const data: ScalarValue[][] = [];
  for (let r = 0; r < reserved.height; r++) {
    data.push(Array.from({ length: reserved.width }, (_, c) => (r === 0 && c === 0 ? error : "")));
  }
  return SimpleRangeValue.onlyValues(data);
}

class SheetsCustomFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    CUSTOM_FUNCTION_NAMES.map((name) => [
      name,
      {
        method: "callCustomFunction",
        sizeOfResultArrayMethod: "customFunctionResultSize",
        // Sheets passes whatever it is given and never checks arity: one repeatable "any" argument.
        parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
        repeatLastArgs: 1,
        vectorizationForbidden: true,
      },
    ]),
  );

  callCustomFunction(ast: CallAst, state: State): InterpreterValue {
    const name = ast.procedureName;
    const context = this.config.context;
    const implementation = context instanceof EngineContext ? context.functions[name] : undefined;
    if (!(context instanceof EngineContext) || implementation === undefined) {
      return new CellError(ErrorType.NAME, `Unknown function: ${name}`);
    }
    const reserved = this.resultSize(ast, state);
    const address = state.formulaAddress;
    const key = addressKey(address);
    const record = (
      returned: Size,
      args: readonly unknown[],
      result: unknown,
      error?: CellError,
    ) => {
      context.calls.set(key, {
        address,
        reserved,
        returned,
        args,
        result,
        ...(error && { error }),
      });
    };
    const args: unknown[] = [];
    for (const arg of ast.args) {
      const value = this.scriptArgument(arg, state, context.zone);
      if (value instanceof CellError) {
        record(ONE_CELL, args, undefined);
        return errorResult(value, reserved);
      }
      args.push(value);
    }
    const reused = context.reuse.get(key);
    context.reuse.delete(key);
    let result: unknown;
    if (reused !== undefined && sameValues(reused.args, args)) {
      if (reused.error !== undefined) {
        record(ONE_CELL, args, undefined, reused.error);
        return errorResult(reused.error, reserved);
      }
      result = reused.result;
    } else {
      try {
        result = implementation(...args);
      } catch (thrown) {
        const error = new CellError(ErrorType.ERROR, messageOf(thrown));
        record(ONE_CELL, args, undefined, error);
        return errorResult(error, reserved);
      }
    }
    record(returnedSize(result), args, result);
    return this.formulaResult(result, reserved, context.zone);
  }

  customFunctionResultSize(ast: CallAst, state: State): ArraySize {
    const { width, height } = this.resultSize(ast, state);
    return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }

  private resultSize(ast: CallAst, state: State): Size {
    const context = this.config.context;
    if (context instanceof EngineContext)
      context.callSites.set(addressKey(state.formulaAddress), state.formulaAddress);
    const learned =
      context instanceof EngineContext
        ? context.spillSizes.get(addressKey(state.formulaAddress))
        : undefined;
    return learned ?? this.predictedSize(ast, state);
  }

  private predictedSize(ast: CallAst, state: State): Size {
    const [first, second, , fourth] = ast.args;
    switch (ast.procedureName) {
      case "KPI_ROLLUP":
        return {
          height: this.shapeOf(first, state).height,
          width: literalFieldCount(fourth) ?? DEFAULT_ROLLUP_WIDTH,
        };
      case "KPI_SMART":
        return { height: this.shapeOf(first, state).height, width: 2 };
      // A summary has at most one group per registry row, plus its header and Total rows.
      case "KPI_SUMMARY":
        return { height: this.shapeOf(first, state).height + 1, width: 11 };
      // A trend's rows depend on dates only known once computed: room for ten years of weeks.
      case "KPI_TREND":
        return {
          height: TREND_ROWS,
          width: 1 + idCount(ast.args[2], (a) => this.shapeOf(a, state)),
        };
      case "KPI_SPLIT": {
        const count = second === undefined ? undefined : literalCount(second);
        return count === undefined ? this.shapeOf(second, state) : { height: count, width: 1 };
      }
      default: {
        let width = 1;
        let height = 1;
        for (const arg of ast.args) {
          const shape = this.shapeOf(arg, state);
          width = Math.max(width, shape.width);
          height = Math.max(height, shape.height);
        }
        return { width, height };
      }
    }
  }

  private shapeOf(ast: Ast | undefined, state: State): { width: number; height: number } {
    if (ast === undefined || (ast as unknown as { type: string }).type === "EMPTY") return ONE_CELL;
    const size = this.arraySizeForAst(ast, state);
    if (!Number.isFinite(size.width) || !Number.isFinite(size.height)) return ONE_CELL;
    return { width: Math.max(1, size.width), height: Math.max(1, size.height) };
  }

  private scriptArgument(ast: Ast, state: State, zone: DayConverter): unknown {
    if ((ast as unknown as { type: string }).type === "EMPTY") return "";
    const value = this.evaluateAst(ast, state);
    if (value instanceof CellError) return value;
    if (!(value instanceof SimpleRangeValue)) return scriptValueOfScalar(value, zone);
    const data = value.data;
    const error = firstError(data);
    if (error !== undefined) return error;
    if (value.width() === 1 && value.height() === 1) {
      return scriptValueOfScalar(data[0]?.[0], zone);
    }
    return data.map((row) => row.map((cell) => scriptValueOfScalar(cell, zone)));
  }

  /** The result laid out in the reserved area: padded with "" or cut to fit until resized. */
  private formulaResult(result: unknown, reserved: Size, zone: DayConverter): InterpreterValue {
    if (!Array.isArray(result)) return this.formulaCell(result, zone);
    const rows: unknown[][] = result.map((row: unknown) => (Array.isArray(row) ? row : [row]));
    if (reserved.width === 1 && reserved.height === 1) {
      const first = rows[0];
      return first === undefined || first.length === 0 ? "" : this.formulaCell(first[0], zone);
    }
    const data: ScalarValue[][] = [];
    for (let r = 0; r < reserved.height; r++) {
      const row = rows[r] ?? [];
      const out: ScalarValue[] = [];
      for (let c = 0; c < reserved.width; c++) {
        out.push(c < row.length ? this.formulaCell(row[c], zone) : "");
      }
      data.push(out);
    }
    return SimpleRangeValue.onlyValues(data);
  }

  private formulaCell(value: unknown, zone: DayConverter): ScalarValue {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") {
      return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, "Result is not finite");
    }
    if (typeof value === "string" || typeof value === "boolean") return value;
    if (isDate(value)) {
      if (Number.isNaN(value.getTime())) return new CellError(ErrorType.VALUE, "Invalid Date");
      const serial = serialOfDate(value, zone);
      const type = Number.isInteger(serial) ? "NUMBER_DATE" : "NUMBER_DATETIME";
      return this.returnNumberWrapper(serial, type as NumberType) as ScalarValue;
    }
    return new CellError(ErrorType.VALUE, `Unsupported result value ${String(value)}`);
  }
}

let registered = false;

function registerPlugin(): void {
  if (registered) return;
  const names = Object.fromEntries(CUSTOM_FUNCTION_NAMES.map((name) => [name, name]));
  const translations = Object.fromEntries(
    HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names]),
  );
  HyperFormula.registerFunctionPlugin(SheetsCustomFunctionsPlugin, translations);
  registered = true;
}

/** The HyperFormula options that make its parsing of typed text and its numbers Sheets-like. */
const SHEETS_LIKE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY", "YYYY/MM/DD"],
  timeFormats: ["hh:mm", "hh:mm:ss.sss"],
  // Apps Script reads back the exact double a function returned, not a rounded one.
  smartRounding: false,
};

/**
 * Midnight is written as a date, anything else as a date-time; both as wall-clock text in the
 * zone, because HyperFormula reads a `Date` cell with the process's local getters.
 */
function wallClockText(date: Date, zone: DayConverter): string {
  const wall = new Date((serialOfDate(date, zone) - UNIX_EPOCH_DAY) * DAY_MS);
  const iso = wall.toISOString();
  return iso.endsWith("T00:00:00.000Z")
    ? iso.slice(0, 10)
    : `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

const MAX_SETTLE_PASSES = 4;

/**
 * Resizes spills to what the calls returned (see "Spills" in the header): formulas whose reserved
 * area differs are entered again at the returned size (their result reused), and custom-function
 * formulas whose spill is blocked but were not evaluated are probed once at 1×1. A few passes
 * settle it: a resize can change what formulas reading the spill return.
 */
function settleSpills(hf: HyperFormula, context: EngineContext): void {
  const probed = new Set<string>();
  for (let pass = 0; pass < MAX_SETTLE_PASSES; pass++) {
    const redo: SimpleCellAddress[] = [];
    for (const [key, call] of context.calls) {
      const { reserved, returned } = call;
      if (reserved.width === returned.width && reserved.height === returned.height) continue;
      context.spillSizes.set(key, returned);
      context.reuse.set(key, call);
      redo.push(call.address);
    }
    for (const [key, address] of context.callSites) {
      if (context.calls.has(key) || probed.has(key)) continue;
      const value = hf.getCellValue(address);
      if (!(value instanceof DetailedCellError) || value.value !== "#SPILL!") continue;
      probed.add(key);
      context.spillSizes.set(key, ONE_CELL);
      redo.push(address);
    }
    context.calls = new Map();
    if (redo.length === 0) return;
    hf.batch(() => {
      for (const address of redo) {
        const formula = hf.getCellFormula(address);
        if (formula !== undefined) hf.setCellContents(address, [[formula]]);
      }
    });
  }
  context.calls = new Map();
}

export function createFormulaEngine(options: FormulaEngineOptions): FormulaEngine {
  registerPlugin();
  const context = new EngineContext(options.timeZone, options.functions);
  const toCellContent = (value: unknown): RawCellContent => {
    if (isDate(value)) return wallClockText(value, context.zone);
    if (value === undefined || value === null || value === "") return null;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return value;
    }
    throw new TypeError(`cannot store ${String(value)} in a cell`);
  };
  const sheets = Object.fromEntries(
    Object.entries(options.sheets ?? {}).map(([name, rows]) => [
      name,
      rows.map((row) => row.map(toCellContent)),
    ]),
  );
  const hf = HyperFormula.buildFromSheets(sheets, {
    ...options.config,
    ...SHEETS_LIKE_CONFIG,
    context,
  });
  let settling = false;
  const settle = () => {
    if (settling) return;
    settling = true;
    try {
      settleSpills(hf, context);
    } finally {
      settling = false;
    }
  };
  settle();
  hf.on("valuesUpdated", settle);

  const sheetValue = (value: unknown, detailedType: string): SheetValue => {
    if (value instanceof DetailedCellError) return value;
    if (value === null || value === undefined) return "";
    if (typeof value === "number" && DATE_TYPES.has(detailedType)) {
      return dateOfSerial(value, context.zone);
    }
    return value as SheetValue;
  };
  const getValue = (address: SimpleCellAddress): SheetValue =>
    sheetValue(hf.getCellValue(address), hf.getCellValueDetailedType(address));

  return {
    hf,
    get timeZone() {
      return context.timeZone;
    },
    setTimeZone(timeZone: string) {
      context.setTimeZone(timeZone);
      hf.rebuildAndRecalculate();
    },
    toCellContent,
    getValue,
    getSheetValues(sheetName: string) {
      const sheet = hf.getSheetId(sheetName);
      if (sheet === undefined) throw new Error(`no sheet named ${sheetName}`);
      const { width, height } = hf.getSheetDimensions(sheet);
      const rows: SheetValue[][] = [];
      for (let row = 0; row < height; row++) {
        const out: SheetValue[] = [];
        for (let col = 0; col < width; col++) out.push(getValue({ sheet, row, col }));
        rows.push(out);
      }
      return rows;
    },
  };
}
