/**
 * `Spreadsheet`: the document as a script sees it, a view on the Workbook model.
 *
 * Like every class of the emulator it `implements Pick<>` of its `@types/google-apps-script`
 * interface, so the compiler holds every emulated method to the real signature; methods returning
 * another Apps Script object return it typed as the real interface (`gas(...)`, see context.ts).
 */

import { parseA1 } from "./a1";
import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { addMetadata, EmuDeveloperMetadata } from "./DeveloperMetadata";
import { EmuDeveloperMetadataFinder } from "./DeveloperMetadataFinder";
import { AppsScriptError } from "./errors";
import type { SheetModel, Workbook } from "./model";
import { EmuNamedRange } from "./NamedRange";
import { assertEditable, EmuProtection } from "./Protection";
import { EmuRange } from "./Range";
import { assertNewSheetName, EmuSheet } from "./Sheet";
import { resolveA1, type SheetsContext, upward } from "./sheetsContext";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

function uniqueSheetName(book: Workbook): string {
  let n = book.sheets.length + 1;
  while (book.sheetByName(`Sheet${n}`) !== undefined) n++;
  return `Sheet${n}`;
}

type SpreadsheetMethods =
  | "addDeveloperMetadata"
  | "createDeveloperMetadataFinder"
  | "deleteSheet"
  | "getActiveSheet"
  | "getDeveloperMetadata"
  | "getId"
  | "getName"
  | "getNamedRanges"
  | "getNumSheets"
  | "getProtections"
  | "getRange"
  | "getRangeByName"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "insertSheet"
  | "removeNamedRange"
  | "rename"
  | "setActiveSheet"
  | "setNamedRange"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast"
  | "getLastRow"
  | "getLastColumn"
  | "getDataRange"
  | "getSheetName"
  | "appendRow"
  | "getActiveRange"
  | "getActiveCell"
  | "getCurrentCell"
  | "setActiveRange";

export class EmuSpreadsheet
  extends ServiceObject
  implements Pick<GasSpreadsheet, SpreadsheetMethods>
{
  readonly [SERVICE_NAME] = "Spreadsheet";
  readonly #ctx: SheetsContext;

  constructor(ctx: SheetsContext) {
    super();
    this.#ctx = ctx;
  }

  /** The context, for the emulator's own plumbing (not reachable from scripts through the membrane). */
  static contextOf(spreadsheet: EmuSpreadsheet): SheetsContext {
    return spreadsheet.#ctx;
  }

  #sheet(model: SheetModel): EmuSheet {
    return new EmuSheet(this.#ctx, model.id);
  }

  #activeModel(): SheetModel {
    const book = this.#ctx.book;
    const active = book.sheetById(book.activeSheetId) ?? book.sheets[0];
    if (active === undefined) throw new AppsScriptError("The spreadsheet has no sheets.");
    return active;
  }

  getId(): string {
    return this.#ctx.book.id;
  }

  getName(): string {
    return this.#ctx.book.name;
  }

  rename(newName: string): void {
    this.#ctx.book.name = String(newName);
  }

  getUrl(): string {
    return this.#ctx.book.url;
  }

  getSpreadsheetTimeZone(): string {
    return this.#ctx.book.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: String(timezone) });
    } catch {
      throw new AppsScriptError(`Invalid argument: ${timezone}`);
    }
    this.#ctx.book.timeZone = String(timezone);
    this.#ctx.book.touch();
  }

  getSpreadsheetLocale(): string {
    return this.#ctx.book.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.#ctx.book.locale = String(locale);
  }

  getSheets(): GasSheet[] {
    return this.#ctx.book.sheets.map((s) => gas<GasSheet>(this.#sheet(s)));
  }

  getNumSheets(): number {
    return this.#ctx.book.sheets.length;
  }

  getSheetByName(name: string): GasSheet | null {
    const model = this.#ctx.book.sheetByName(String(name));
    return model === undefined ? null : gas(this.#sheet(model));
  }

  getSheetById(id: number): GasSheet | null {
    const model = this.#ctx.book.sheetById(Number(id));
    return model === undefined ? null : gas(this.#sheet(model));
  }

  getActiveSheet(): GasSheet {
    return gas(this.#sheet(this.#activeModel()));
  }

  getSheetName(): string {
    return this.#activeModel().name;
  }

  getActiveRange(): GasRange | null {
    return this.getActiveSheet().getActiveRange();
  }

  getActiveCell(): GasRange {
    return this.getActiveSheet().getActiveCell();
  }

  getCurrentCell(): GasRange | null {
    return this.getActiveSheet().getActiveCell();
  }

  setActiveRange(range: GasRange): GasRange {
    return range.activate();
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    const model = EmuSheet.modelOf(sheet);
    this.#ctx.book.activeSheetId = model.id;
    return sheet;
  }

  insertSheet(a?: unknown, b?: unknown, _c?: unknown): GasSheet {
    const book = this.#ctx.book;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === "string") {
      name = a;
      if (typeof b === "number") index = b;
    } else if (typeof a === "number") {
      index = a;
    }
    const sheetName = name ?? uniqueSheetName(book);
    assertNewSheetName(book, sheetName);
    const at =
      index === undefined
        ? book.sheets.length
        : Math.max(0, Math.min(book.sheets.length, Math.floor(index)));
    const model = book.addSheet(sheetName, at);
    book.activeSheetId = model.id;
    return gas(this.#sheet(model));
  }

  deleteSheet(sheet: GasSheet): void {
    const model = EmuSheet.modelOf(sheet);
    const book = this.#ctx.book;
    if (book.sheets.length <= 1) {
      throw new AppsScriptError("You can't remove all the sheets in a document.");
    }
    assertEditable(this.#ctx, {
      sheetId: model.id,
      row: 1,
      column: 1,
      numRows: model.maxRows,
      numColumns: model.maxColumns,
    });
    book.removeSheet(model);
  }

  getRange(a1Notation: string): GasRange {
    const ref = resolveA1(this.#ctx, a1Notation, this.#activeModel());
    return gas(new EmuRange(this.#ctx, ref));
  }

  getRangeByName(name: string): GasRange | null {
    const ref = this.#ctx.book.namedRanges.get(String(name));
    return ref === undefined ? null : gas(new EmuRange(this.#ctx, { ...ref }));
  }

  setNamedRange(name: string, range: GasRange): void {
    const text = String(name);
    if (
      !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(text) ||
      parseA1(text) !== undefined ||
      /^(true|false)$/i.test(text)
    ) {
      throw new AppsScriptError("Invalid argument: name");
    }
    this.#ctx.book.namedRanges.set(text, { ...EmuRange.refOf(range) });
    this.#ctx.book.touch();
  }

  removeNamedRange(name: string): void {
    if (!this.#ctx.book.namedRanges.delete(String(name))) {
      throw new AppsScriptError(`Named range ${name} not found.`);
    }
    this.#ctx.book.touch();
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.#ctx.book.namedRanges.keys()].map((name) =>
      gas(new EmuNamedRange(this.#ctx, name)),
    );
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    return this.#ctx.book.protections
      .filter((p) => p.type === wanted)
      .map((p) => gas(new EmuProtection(this.#ctx, p.id)));
  }

  addDeveloperMetadata(key: string, b?: unknown, c?: unknown): GasSpreadsheet {
    addMetadata(this.#ctx, { type: "SPREADSHEET" }, key, b, c);
    return gas(this);
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.#ctx.book.metadata
      .filter((m) => m.location.type === "SPREADSHEET")
      .map((m) => gas(new EmuDeveloperMetadata(this.#ctx, m.id)));
  }

  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return gas(new EmuDeveloperMetadataFinder(this.#ctx, undefined));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.#ctx.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
      at: new Date(this.#ctx.host.nowMs()),
    });
  }

  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }

  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }

  getDataRange(): GasRange {
    return this.getActiveSheet().getDataRange();
  }

  appendRow(rowContents: unknown[]): GasSheet {
    return this.getActiveSheet().appendRow(rowContents);
  }
}

upward.bind({ spreadsheet: (ctx) => gas(new EmuSpreadsheet(ctx)) });
