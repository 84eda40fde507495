/**
 * The objects that hang off sheets and ranges: protections, developer metadata, data validation,
 * conditional format rules and embedded charts. Like spreadsheet.ts, each class implements a
 * `Pick<>` of its Apps Script interface.
 */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";
import type {
  ChartData,
  ConditionalRuleData,
  GridRef,
  MetadataData,
  MetadataLocation,
  ProtectionData,
  SheetModel,
  ValidationData,
  Workbook,
} from "./model";
import { EmuRange, EmuSheet, EmuSpreadsheet, type SheetsContext, sheetOf } from "./spreadsheet";
import { isDate } from "./values";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

function intersects(a: GridRef, b: GridRef): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row <= b.row + b.numRows - 1 &&
    b.row <= a.row + a.numRows - 1 &&
    a.column <= b.column + b.numColumns - 1 &&
    b.column <= a.column + a.numColumns - 1
  );
}

function contains(outer: GridRef, inner: GridRef): boolean {
  return (
    outer.sheetId === inner.sheetId &&
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

function mayEdit(ctx: SheetsContext, protection: ProtectionData): boolean {
  const user = ctx.exec.user.toLowerCase();
  return (
    protection.warningOnly ||
    user === ctx.book.owner.toLowerCase() ||
    protection.editors.some((e) => e.toLowerCase() === user)
  );
}

/** Protections that forbid the active user to edit some cell of `ref`. */
export function protectionsBlocking(ctx: SheetsContext, ref: GridRef): ProtectionData[] {
  return ctx.book.protections.filter((p) => {
    if (!intersects(p.range, ref) || mayEdit(ctx, p)) return false;
    if (p.type === "SHEET" && p.unprotected.some((u) => contains(u, ref))) return false;
    return true;
  });
}

function userObject(email: string): GoogleAppsScript.Base.User {
  return gas(new EmuUser(email));
}

export class EmuUser extends ServiceObject implements Pick<GoogleAppsScript.Base.User, "getEmail"> {
  readonly [SERVICE_NAME] = "User";

  constructor(readonly email: string) {
    super();
  }

  getEmail(): string {
    return this.email;
  }
}

function emailOf(user: unknown): string {
  if (user instanceof EmuUser) return user.email;
  return String(user);
}

type ProtectionMethods =
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "getUnprotectedRanges"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setRange"
  | "setUnprotectedRanges"
  | "setWarningOnly";

export class EmuProtection
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods>
{
  readonly [SERVICE_NAME] = "Protection";
  readonly #ctx: SheetsContext;
  readonly #id: number;

  constructor(ctx: SheetsContext, id: number) {
    super();
    this.#ctx = ctx;
    this.#id = id;
  }

  static create(ctx: SheetsContext, type: "RANGE" | "SHEET", range: GridRef): EmuProtection {
    const book = ctx.book;
    if (
      type === "SHEET" &&
      book.protections.some((p) => p.type === "SHEET" && p.range.sheetId === range.sheetId)
    ) {
      const existing = book.protections.find(
        (p) => p.type === "SHEET" && p.range.sheetId === range.sheetId,
      );
      return new EmuProtection(ctx, (existing as ProtectionData).id);
    }
    const editors = [...new Set([book.owner, ctx.exec.user])];
    const data: ProtectionData = {
      id: book.nextObjectId++,
      type,
      range,
      description: "",
      warningOnly: false,
      editors,
      unprotected: [],
    };
    book.protections.push(data);
    return new EmuProtection(ctx, data.id);
  }

  get #data(): ProtectionData {
    const data = this.#ctx.book.protections.find((p) => p.id === this.#id);
    if (data === undefined) throw new AppsScriptError("This protection has been removed.");
    return data;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.#data.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GasRange {
    return gas(new EmuRange(this.#ctx, { ...this.#data.range }));
  }

  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.Protection {
    this.#data.range = { ...EmuRange.refOf(range) };
    return gas(this);
  }

  getDescription(): string {
    return this.#data.description;
  }

  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.#data.description = String(description);
    return gas(this);
  }

  isWarningOnly(): boolean {
    return this.#data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.#data.warningOnly = Boolean(warningOnly);
    return gas(this);
  }

  canEdit(): boolean {
    return mayEdit(this.#ctx, this.#data);
  }

  canDomainEdit(): boolean {
    return false;
  }

  setDomainEdit(_editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    return gas(this);
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.#data.editors.map(userObject);
  }

  addEditor(user: unknown): GoogleAppsScript.Spreadsheet.Protection {
    const email = emailOf(user);
    if (!this.#data.editors.includes(email)) this.#data.editors.push(email);
    return gas(this);
  }

  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    for (const email of emailAddresses) this.addEditor(email);
    return gas(this);
  }

  removeEditor(user: unknown): GoogleAppsScript.Spreadsheet.Protection {
    const email = emailOf(user);
    const data = this.#data;
    // The owner always keeps edit rights.
    data.editors = data.editors.filter((e) => e !== email || e === this.#ctx.book.owner);
    return gas(this);
  }

  removeEditors(users: unknown[]): GoogleAppsScript.Spreadsheet.Protection {
    for (const user of users) this.removeEditor(user);
    return gas(this);
  }

  getUnprotectedRanges(): GasRange[] {
    return this.#data.unprotected.map((ref) => gas(new EmuRange(this.#ctx, { ...ref })));
  }

  setUnprotectedRanges(ranges: GasRange[]): GoogleAppsScript.Spreadsheet.Protection {
    const data = this.#data;
    if (data.type !== "SHEET")
      throw new AppsScriptError("Unprotected ranges can only be set on a sheet protection.");
    data.unprotected = ranges.map((r) => ({ ...EmuRange.refOf(r) }));
    return gas(this);
  }

  remove(): void {
    const data = this.#data;
    if (!mayEdit(this.#ctx, { ...data, warningOnly: false })) {
      throw new AppsScriptError("You do not have permission to remove this protection.");
    }
    this.#ctx.book.protections = this.#ctx.book.protections.filter((p) => p.id !== this.#id);
  }
}

const VISIBILITIES = new Set(["DOCUMENT", "PROJECT"]);

/** Adds metadata for the (key), (key, visibility), (key, value) and (key, value, visibility) overloads. */
export function addMetadata(
  ctx: SheetsContext,
  location: MetadataLocation,
  key: string,
  b: unknown,
  c: unknown,
): void {
  let value: string | null = null;
  let visibility: "DOCUMENT" | "PROJECT" = "DOCUMENT";
  if (c !== undefined) {
    value = String(b);
    visibility = VISIBILITIES.has(String(c)) ? (String(c) as "DOCUMENT" | "PROJECT") : "DOCUMENT";
  } else if (b !== undefined) {
    if (VISIBILITIES.has(String(b))) visibility = String(b) as "DOCUMENT" | "PROJECT";
    else value = String(b);
  }
  const text = String(key);
  if (text === "") throw new AppsScriptError("Invalid argument: key");
  ctx.book.metadata.push({ id: ctx.book.nextObjectId++, key: text, value, visibility, location });
}

type MetadataMethods =
  | "getId"
  | "getKey"
  | "getLocation"
  | "getValue"
  | "getVisibility"
  | "moveToSheet"
  | "moveToSpreadsheet"
  | "remove"
  | "setKey"
  | "setValue"
  | "setVisibility";

export class EmuDeveloperMetadata
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, MetadataMethods>
{
  readonly [SERVICE_NAME] = "DeveloperMetadata";
  readonly #ctx: SheetsContext;
  readonly #id: number;

  constructor(ctx: SheetsContext, id: number) {
    super();
    this.#ctx = ctx;
    this.#id = id;
  }

  get #data(): MetadataData {
    const data = this.#ctx.book.metadata.find((m) => m.id === this.#id);
    if (data === undefined) throw new AppsScriptError("The developer metadata has been removed.");
    return data;
  }

  getId(): number {
    return this.#id;
  }

  getKey(): string {
    return this.#data.key;
  }

  setKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.key = String(key);
    return gas(this);
  }

  getValue(): string | null {
    return this.#data.value;
  }

  setValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.value = String(value);
    return gas(this);
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return this.#data
      .visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  setVisibility(
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.visibility = String(visibility) === "PROJECT" ? "PROJECT" : "DOCUMENT";
    return gas(this);
  }

  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    return gas(new EmuDeveloperMetadataLocation(this.#ctx, this.#data.location));
  }

  moveToSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.location = { type: "SHEET", sheetId: EmuSheet.modelOf(sheet).id };
    return gas(this);
  }

  moveToSpreadsheet(): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.location = { type: "SPREADSHEET" };
    return gas(this);
  }

  remove(): void {
    this.#ctx.book.metadata = this.#ctx.book.metadata.filter((m) => m.id !== this.#id);
  }
}

export class EmuDeveloperMetadataLocation
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation,
      "getColumn" | "getLocationType" | "getRow" | "getSheet" | "getSpreadsheet"
    >
{
  readonly [SERVICE_NAME] = "DeveloperMetadataLocation";
  readonly #ctx: SheetsContext;
  readonly #location: MetadataLocation;

  constructor(ctx: SheetsContext, location: MetadataLocation) {
    super();
    this.#ctx = ctx;
    this.#location = location;
  }

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return this.#location
      .type as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    return this.#location.type === "SPREADSHEET" ? gas(new EmuSpreadsheet(this.#ctx)) : null;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    const location = this.#location;
    if (location.type === "SPREADSHEET") return null;
    const sheetId = location.type === "SHEET" ? location.sheetId : location.ref.sheetId;
    return gas(new EmuSheet(this.#ctx, sheetId));
  }

  getRow(): GasRange | null {
    return this.#location.type === "ROW"
      ? gas(new EmuRange(this.#ctx, { ...this.#location.ref }))
      : null;
  }

  getColumn(): GasRange | null {
    return this.#location.type === "COLUMN"
      ? gas(new EmuRange(this.#ctx, { ...this.#location.ref }))
      : null;
  }
}

type FinderMethods =
  | "find"
  | "onIntersectingLocations"
  | "withId"
  | "withKey"
  | "withLocationType"
  | "withValue"
  | "withVisibility";

export class EmuDeveloperMetadataFinder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FinderMethods>
{
  readonly [SERVICE_NAME] = "DeveloperMetadataFinder";
  readonly #ctx: SheetsContext;
  readonly #sheetId: number | undefined;
  readonly #range: GridRef | undefined;
  readonly #filters: Array<(m: MetadataData) => boolean> = [];
  #intersecting = false;

  /** Scope: the whole spreadsheet (no sheet), one sheet, or one range of a sheet. */
  constructor(ctx: SheetsContext, sheetId: number | undefined, range?: GridRef) {
    super();
    this.#ctx = ctx;
    this.#sheetId = sheetId;
    this.#range = range;
  }

  #add(filter: (m: MetadataData) => boolean): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.#filters.push(filter);
    return gas(this);
  }

  withId(id: number): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.id === Number(id));
  }

  withKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.key === String(key));
  }

  withValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.value === String(value));
  }

  withVisibility(
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.visibility === String(visibility));
  }

  withLocationType(
    locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.location.type === String(locationType));
  }

  onIntersectingLocations(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.#intersecting = true;
    return gas(this);
  }

  #inScope(m: MetadataData): boolean {
    const location = m.location;
    if (this.#sheetId === undefined) return true;
    if (location.type === "SPREADSHEET") return false;
    if (location.type === "SHEET")
      return this.#range === undefined && location.sheetId === this.#sheetId;
    if (location.ref.sheetId !== this.#sheetId) return false;
    if (this.#range === undefined) return true;
    return this.#intersecting
      ? intersects(location.ref, this.#range)
      : contains(this.#range, location.ref);
  }

  find(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.#ctx.book.metadata
      .filter((m) => this.#inScope(m) && this.#filters.every((f) => f(m)))
      .map((m) => gas(new EmuDeveloperMetadata(this.#ctx, m.id)));
  }
}

/** Criteria values kept in JSON: ranges as GridRefs, dates as epoch milliseconds. */
type StoredCriterion = { readonly range: GridRef } | { readonly date: number } | unknown;

function storeCriterion(value: unknown): StoredCriterion {
  if (value instanceof EmuRange) return { range: { ...EmuRange.refOf(value) } };
  if (isDate(value)) return { date: value.getTime() };
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : String(v)));
  return value;
}

function loadCriterion(ctx: SheetsContext, value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as { range?: GridRef; date?: number };
    if (record.range !== undefined) return gas(new EmuRange(ctx, { ...record.range }));
    if (record.date !== undefined) return new Date(record.date);
  }
  return Array.isArray(value) ? [...value] : value;
}

export class EmuDataValidation
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.DataValidation,
      "copy" | "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText"
    >
{
  readonly [SERVICE_NAME] = "DataValidation";
  readonly #ctx: SheetsContext;
  readonly #data: ValidationData;

  constructor(ctx: SheetsContext, data: ValidationData) {
    super();
    this.#ctx = ctx;
    this.#data = data;
  }

  static dataOf(rule: unknown): ValidationData {
    if (!(rule instanceof EmuDataValidation)) throw new AppsScriptError("Invalid argument: rule");
    return rule.#data;
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return gas(new EmuDataValidationBuilder(this.#ctx, { ...this.#data }));
  }

  getAllowInvalid(): boolean {
    return this.#data.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.#data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return this.#data.values.map((v) => loadCriterion(this.#ctx, v));
  }

  getHelpText(): string {
    return this.#data.helpText;
  }
}

type ValidationBuilderMethods =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireDate"
  | "requireDateAfter"
  | "requireDateBefore"
  | "requireDateOnOrAfter"
  | "requireDateOnOrBefore"
  | "requireDateBetween"
  | "requireFormulaSatisfied"
  | "requireNumberBetween"
  | "requireNumberEqualTo"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireNumberLessThanOrEqualTo"
  | "requireTextContains"
  | "requireTextEqualTo"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireValueInList"
  | "requireValueInRange"
  | "setAllowInvalid"
  | "setHelpText"
  | "withCriteria";

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export class EmuDataValidationBuilder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.DataValidationBuilder, ValidationBuilderMethods>
{
  readonly [SERVICE_NAME] = "DataValidationBuilder";
  readonly #ctx: SheetsContext;
  #data: ValidationData;

  constructor(ctx: SheetsContext, data?: ValidationData) {
    super();
    this.#ctx = ctx;
    this.#data = data ?? { criteria: "", values: [], allowInvalid: true, helpText: "" };
  }

  #criteria(criteria: string, values: unknown[]): Builder {
    this.#data = { ...this.#data, criteria, values: values.map(storeCriterion) };
    return gas(this);
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (this.#data.criteria === "")
      throw new AppsScriptError("You must set a criteria for the data validation rule.");
    return gas(new EmuDataValidation(this.#ctx, { ...this.#data }));
  }

  copy(): Builder {
    return gas(new EmuDataValidationBuilder(this.#ctx, { ...this.#data }));
  }

  getAllowInvalid(): boolean {
    return this.#data.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.#data.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return this.#data.values.map((v) => loadCriterion(this.#ctx, v));
  }

  getHelpText(): string | null {
    return this.#data.helpText === "" ? null : this.#data.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): Builder {
    this.#data = { ...this.#data, allowInvalid: Boolean(allowInvalidData) };
    return gas(this);
  }

  setHelpText(helpText: string): Builder {
    this.#data = { ...this.#data, helpText: String(helpText) };
    return gas(this);
  }

  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    args: unknown[],
  ): Builder {
    return this.#criteria(String(criteria), args);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): Builder {
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this.#criteria("CHECKBOX", values);
  }

  requireDate(): Builder {
    return this.#criteria("DATE_IS_VALID_DATE", []);
  }

  requireDateAfter(date: GoogleAppsScript.Base.Date): Builder {
    return this.#criteria("DATE_AFTER", [date]);
  }

  requireDateBefore(date: GoogleAppsScript.Base.Date): Builder {
    return this.#criteria("DATE_BEFORE", [date]);
  }

  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): Builder {
    return this.#criteria("DATE_ON_OR_AFTER", [date]);
  }

  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): Builder {
    return this.#criteria("DATE_ON_OR_BEFORE", [date]);
  }

  requireDateBetween(start: GoogleAppsScript.Base.Date, end: GoogleAppsScript.Base.Date): Builder {
    return this.#criteria("DATE_BETWEEN", [start, end]);
  }

  requireFormulaSatisfied(formula: string): Builder {
    return this.#criteria("CUSTOM_FORMULA", [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): Builder {
    return this.#criteria("NUMBER_BETWEEN", [start, end]);
  }

  requireNumberEqualTo(number: number): Builder {
    return this.#criteria("NUMBER_EQUAL_TO", [number]);
  }

  requireNumberGreaterThan(number: number): Builder {
    return this.#criteria("NUMBER_GREATER_THAN", [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.#criteria("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberLessThan(number: number): Builder {
    return this.#criteria("NUMBER_LESS_THAN", [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): Builder {
    return this.#criteria("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  requireTextContains(text: string): Builder {
    return this.#criteria("TEXT_CONTAINS", [String(text)]);
  }

  requireTextEqualTo(text: string): Builder {
    return this.#criteria("TEXT_EQUAL_TO", [String(text)]);
  }

  requireTextIsEmail(): Builder {
    return this.#criteria("TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(): Builder {
    return this.#criteria("TEXT_IS_VALID_URL", []);
  }

  requireValueInList(values: string[], showDropdown?: boolean): Builder {
    if (!Array.isArray(values)) throw new AppsScriptError("Invalid argument: values");
    return this.#criteria("VALUE_IN_LIST", [values, showDropdown ?? true]);
  }

  requireValueInRange(range: GasRange, showDropdown?: boolean): Builder {
    EmuRange.refOf(range);
    return this.#criteria("VALUE_IN_RANGE", [range, showDropdown ?? true]);
  }
}

/** Whether a value passes a validation rule, as Sheets checks a user's entry (list and number rules). */
export function passesValidation(book: Workbook, data: ValidationData, value: unknown): boolean {
  if (value === "" || value === undefined || value === null) return true;
  const [a, b] = data.values as [unknown, unknown];
  switch (data.criteria) {
    case "VALUE_IN_LIST":
      return Array.isArray(a) && a.some((item) => String(item) === String(value));
    case "VALUE_IN_RANGE": {
      const ref = (a as { range?: GridRef }).range;
      const sheet = ref === undefined ? undefined : book.sheetById(ref.sheetId);
      if (ref === undefined || sheet === undefined) return false;
      for (let r = ref.row; r < ref.row + ref.numRows; r++) {
        for (let c = ref.column; c < ref.column + ref.numColumns; c++) {
          const cell = sheet.valueAt(r, c);
          if (cell !== undefined && typeof cell !== "object" && String(cell) === String(value))
            return true;
        }
      }
      return false;
    }
    case "CHECKBOX":
      return a === undefined ? typeof value === "boolean" : value === a || value === b;
    case "NUMBER_BETWEEN":
      return typeof value === "number" && value >= Number(a) && value <= Number(b);
    case "NUMBER_GREATER_THAN":
      return typeof value === "number" && value > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return typeof value === "number" && value >= Number(a);
    case "NUMBER_LESS_THAN":
      return typeof value === "number" && value < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return typeof value === "number" && value <= Number(a);
    case "NUMBER_EQUAL_TO":
      return typeof value === "number" && value === Number(a);
    case "TEXT_IS_VALID_EMAIL":
      return typeof value === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case "TEXT_CONTAINS":
      return String(value).includes(String(a));
    case "TEXT_EQUAL_TO":
      return String(value) === String(a);
    default:
      return true;
  }
}

export class EmuBooleanCondition
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.BooleanCondition,
      | "getBackground"
      | "getBold"
      | "getCriteriaType"
      | "getCriteriaValues"
      | "getFontColor"
      | "getItalic"
      | "getStrikethrough"
      | "getUnderline"
    >
{
  readonly [SERVICE_NAME] = "BooleanCondition";
  readonly #ctx: SheetsContext;
  readonly #rule: ConditionalRuleData;

  constructor(ctx: SheetsContext, rule: ConditionalRuleData) {
    super();
    this.#ctx = ctx;
    this.#rule = rule;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return (this.#rule.condition?.type ??
      "") as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    return (this.#rule.condition?.values ?? []).map((v) => loadCriterion(this.#ctx, v));
  }

  getBackground(): string | null {
    return this.#rule.format.background ?? null;
  }

  getFontColor(): string | null {
    return this.#rule.format.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this.#rule.format.bold ?? null;
  }

  getItalic(): boolean | null {
    return this.#rule.format.italic ?? null;
  }

  getStrikethrough(): boolean | null {
    return this.#rule.format.strikethrough ?? null;
  }

  getUnderline(): boolean | null {
    return this.#rule.format.underline ?? null;
  }
}

export class EmuConditionalFormatRule
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
      "copy" | "getBooleanCondition" | "getGradientCondition" | "getRanges"
    >
{
  readonly [SERVICE_NAME] = "ConditionalFormatRule";
  readonly #ctx: SheetsContext;
  readonly #rule: ConditionalRuleData;

  constructor(ctx: SheetsContext, rule: ConditionalRuleData) {
    super();
    this.#ctx = ctx;
    this.#rule = rule;
  }

  static dataOf(rule: unknown): ConditionalRuleData {
    if (!(rule instanceof EmuConditionalFormatRule))
      throw new AppsScriptError("Invalid argument: rules");
    const data = rule.#rule;
    return { ...data, ranges: data.ranges.map((r) => ({ ...r })) };
  }

  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return gas(
      new EmuConditionalFormatRuleBuilder(this.#ctx, EmuConditionalFormatRule.dataOf(this)),
    );
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.#rule.condition === undefined
      ? null
      : gas(new EmuBooleanCondition(this.#ctx, this.#rule));
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.#rule.ranges.map((ref) => gas(new EmuRange(this.#ctx, { ...ref })));
  }
}

type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type RuleBuilderMethods =
  | "build"
  | "copy"
  | "getBooleanCondition"
  | "getRanges"
  | "setBackground"
  | "setBold"
  | "setFontColor"
  | "setItalic"
  | "setRanges"
  | "setStrikethrough"
  | "setUnderline"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenFormulaSatisfied"
  | "whenNumberBetween"
  | "whenNumberEqualTo"
  | "whenNumberGreaterThan"
  | "whenNumberGreaterThanOrEqualTo"
  | "whenNumberLessThan"
  | "whenNumberLessThanOrEqualTo"
  | "whenNumberNotBetween"
  | "whenNumberNotEqualTo"
  | "whenTextContains"
  | "whenTextDoesNotContain"
  | "whenTextEndsWith"
  | "whenTextEqualTo"
  | "whenTextStartsWith"
  | "withCriteria";

export class EmuConditionalFormatRuleBuilder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, RuleBuilderMethods>
{
  readonly [SERVICE_NAME] = "ConditionalFormatRuleBuilder";
  readonly #ctx: SheetsContext;
  #rule: ConditionalRuleData;

  constructor(ctx: SheetsContext, rule?: ConditionalRuleData) {
    super();
    this.#ctx = ctx;
    this.#rule = rule ?? { ranges: [], condition: undefined, format: {} };
  }

  #when(type: string, values: unknown[]): RuleBuilder {
    this.#rule = { ...this.#rule, condition: { type, values: values.map(storeCriterion) } };
    return gas(this);
  }

  #format(patch: ConditionalRuleData["format"]): RuleBuilder {
    this.#rule = { ...this.#rule, format: { ...this.#rule.format, ...patch } };
    return gas(this);
  }

  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (this.#rule.condition === undefined)
      throw new AppsScriptError("Conditional format rule must have a condition.");
    if (this.#rule.ranges.length === 0)
      throw new AppsScriptError("Conditional format rule must have at least one range.");
    return gas(
      new EmuConditionalFormatRule(this.#ctx, {
        ...this.#rule,
        ranges: this.#rule.ranges.map((r) => ({ ...r })),
      }),
    );
  }

  copy(): RuleBuilder {
    return gas(
      new EmuConditionalFormatRuleBuilder(this.#ctx, {
        ...this.#rule,
        ranges: [...this.#rule.ranges],
      }),
    );
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.#rule.condition === undefined
      ? null
      : gas(new EmuBooleanCondition(this.#ctx, this.#rule));
  }

  getRanges(): GasRange[] {
    return this.#rule.ranges.map((ref) => gas(new EmuRange(this.#ctx, { ...ref })));
  }

  setRanges(ranges: GasRange[]): RuleBuilder {
    this.#rule = { ...this.#rule, ranges: ranges.map((r) => ({ ...EmuRange.refOf(r) })) };
    return gas(this);
  }

  setBackground(color: string | null): RuleBuilder {
    return this.#format({ background: color ?? undefined });
  }

  setFontColor(color: string | null): RuleBuilder {
    return this.#format({ fontColor: color ?? undefined });
  }

  setBold(bold: boolean | null): RuleBuilder {
    return this.#format({ bold: bold ?? undefined });
  }

  setItalic(italic: boolean | null): RuleBuilder {
    return this.#format({ italic: italic ?? undefined });
  }

  setStrikethrough(strikethrough: boolean | null): RuleBuilder {
    return this.#format({ strikethrough: strikethrough ?? undefined });
  }

  setUnderline(underline: boolean | null): RuleBuilder {
    return this.#format({ underline: underline ?? undefined });
  }

  withCriteria(
    criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria,
    args: unknown[],
  ): RuleBuilder {
    return this.#when(String(criteria), args);
  }

  whenCellEmpty(): RuleBuilder {
    return this.#when("CELL_EMPTY", []);
  }

  whenCellNotEmpty(): RuleBuilder {
    return this.#when("CELL_NOT_EMPTY", []);
  }

  whenFormulaSatisfied(formula: string): RuleBuilder {
    return this.#when("CUSTOM_FORMULA", [String(formula)]);
  }

  whenNumberBetween(start: number, end: number): RuleBuilder {
    return this.#when("NUMBER_BETWEEN", [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): RuleBuilder {
    return this.#when("NUMBER_NOT_BETWEEN", [start, end]);
  }

  whenNumberEqualTo(number: number): RuleBuilder {
    return this.#when("NUMBER_EQUAL_TO", [number]);
  }

  whenNumberNotEqualTo(number: number): RuleBuilder {
    return this.#when("NUMBER_NOT_EQUAL_TO", [number]);
  }

  whenNumberGreaterThan(number: number): RuleBuilder {
    return this.#when("NUMBER_GREATER_THAN", [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): RuleBuilder {
    return this.#when("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  whenNumberLessThan(number: number): RuleBuilder {
    return this.#when("NUMBER_LESS_THAN", [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): RuleBuilder {
    return this.#when("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }

  whenTextContains(text: string): RuleBuilder {
    return this.#when("TEXT_CONTAINS", [String(text)]);
  }

  whenTextDoesNotContain(text: string): RuleBuilder {
    return this.#when("TEXT_DOES_NOT_CONTAIN", [String(text)]);
  }

  whenTextEqualTo(text: string): RuleBuilder {
    return this.#when("TEXT_EQUAL_TO", [String(text)]);
  }

  whenTextStartsWith(text: string): RuleBuilder {
    return this.#when("TEXT_STARTS_WITH", [String(text)]);
  }

  whenTextEndsWith(text: string): RuleBuilder {
    return this.#when("TEXT_ENDS_WITH", [String(text)]);
  }
}

/**
 * The formatting conditional rules give a cell, as Sheets paints it: the first matching rule on
 * the cell wins. Custom-formula conditions are not evaluated (they never match here).
 */
export function conditionalFormatAt(
  sheet: SheetModel,
  row: number,
  column: number,
): ConditionalRuleData["format"] | undefined {
  const value = sheet.valueAt(row, column);
  for (const rule of sheet.conditionalRules) {
    const inRange = rule.ranges.some(
      (r) =>
        r.sheetId === sheet.id &&
        row >= r.row &&
        row < r.row + r.numRows &&
        column >= r.column &&
        column < r.column + r.numColumns,
    );
    if (inRange && rule.condition !== undefined && conditionMatches(rule.condition, value))
      return rule.format;
  }
  return undefined;
}

function conditionMatches(
  condition: { type: string; values: ReadonlyArray<unknown> },
  value: unknown,
): boolean {
  const [a, b] = condition.values;
  const empty = value === undefined || value === "";
  const text = empty || typeof value === "object" ? "" : String(value).toLowerCase();
  const arg = String(a ?? "").toLowerCase();
  const n = typeof value === "number" ? value : Number.NaN;
  switch (condition.type) {
    case "CELL_EMPTY":
      return empty;
    case "CELL_NOT_EMPTY":
      return !empty;
    case "TEXT_EQUAL_TO":
      return !empty && text === arg;
    case "TEXT_CONTAINS":
      return !empty && text.includes(arg);
    case "TEXT_DOES_NOT_CONTAIN":
      return !text.includes(arg);
    case "TEXT_STARTS_WITH":
      return !empty && text.startsWith(arg);
    case "TEXT_ENDS_WITH":
      return !empty && text.endsWith(arg);
    case "NUMBER_EQUAL_TO":
      return n === Number(a);
    case "NUMBER_NOT_EQUAL_TO":
      return !Number.isNaN(n) && n !== Number(a);
    case "NUMBER_GREATER_THAN":
      return n > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n >= Number(a);
    case "NUMBER_LESS_THAN":
      return n < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n <= Number(a);
    case "NUMBER_BETWEEN":
      return n >= Math.min(Number(a), Number(b)) && n <= Math.max(Number(a), Number(b));
    case "NUMBER_NOT_BETWEEN":
      return (
        !Number.isNaN(n) &&
        (n < Math.min(Number(a), Number(b)) || n > Math.max(Number(a), Number(b)))
      );
    default:
      return false;
  }
}

export const CHART_TYPE = {
  AREA: "AREA",
  BAR: "BAR",
  COLUMN: "COLUMN",
  COMBO: "COMBO",
  HISTOGRAM: "HISTOGRAM",
  LINE: "LINE",
  PIE: "PIE",
  SCATTER: "SCATTER",
  TABLE: "TABLE",
} as const;

type ChartBuilderMethods =
  | "addRange"
  | "asAreaChart"
  | "asBarChart"
  | "asColumnChart"
  | "asLineChart"
  | "asPieChart"
  | "asScatterChart"
  | "asTableChart"
  | "build"
  | "clearRanges"
  | "getChartType"
  | "getRanges"
  | "removeRange"
  | "setChartType"
  | "setNumHeaders"
  | "setOption"
  | "setPosition";

type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/**
 * One builder for every chart type: the `as…Chart()` variants return it too, and their setters
 * (title, axis titles, legend, stacking, colours) become chart options.
 */
export class EmuEmbeddedChartBuilder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, ChartBuilderMethods>
{
  readonly [SERVICE_NAME] = "EmbeddedChartBuilder";
  readonly #ctx: SheetsContext;
  readonly #data: ChartData;

  constructor(ctx: SheetsContext, sheetId: number, existing: ChartData | undefined) {
    super();
    this.#ctx = ctx;
    this.#data = existing ?? {
      id: 0,
      sheetId,
      chartType: "COLUMN",
      ranges: [],
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      options: {},
    };
  }

  #as<T>(type: string): T {
    this.#data.chartType = type;
    return this as unknown as T;
  }

  addRange(range: GasRange): ChartBuilder {
    this.#data.ranges.push({ ...EmuRange.refOf(range) });
    return gas(this);
  }

  removeRange(range: GasRange): ChartBuilder {
    const ref = EmuRange.refOf(range);
    this.#data.ranges = this.#data.ranges.filter(
      (r) =>
        !(
          r.sheetId === ref.sheetId &&
          r.row === ref.row &&
          r.column === ref.column &&
          r.numRows === ref.numRows &&
          r.numColumns === ref.numColumns
        ),
    );
    return gas(this);
  }

  clearRanges(): ChartBuilder {
    this.#data.ranges = [];
    return gas(this);
  }

  getRanges(): GasRange[] {
    return this.#data.ranges.map((ref) => gas(new EmuRange(this.#ctx, { ...ref })));
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.#data.chartType as unknown as GoogleAppsScript.Charts.ChartType;
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): ChartBuilder {
    this.#data.chartType = String(type);
    return gas(this);
  }

  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.#as("AREA");
  }

  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.#as("BAR");
  }

  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.#as("COLUMN");
  }

  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.#as("LINE");
  }

  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.#as("PIE");
  }

  asScatterChart(): GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder {
    return this.#as("SCATTER");
  }

  asTableChart(): GoogleAppsScript.Spreadsheet.EmbeddedTableChartBuilder {
    return this.#as("TABLE");
  }

  setOption(option: string, value: unknown): ChartBuilder {
    this.#data.options[String(option)] = value;
    return gas(this);
  }

  setNumHeaders(headers: number): ChartBuilder {
    return this.setOption("numHeaders", headers);
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): ChartBuilder {
    this.#data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return gas(this);
  }

  setTitle(title: string): ChartBuilder {
    return this.setOption("title", String(title));
  }

  setXAxisTitle(title: string): ChartBuilder {
    return this.setOption("hAxis.title", String(title));
  }

  setYAxisTitle(title: string): ChartBuilder {
    return this.setOption("vAxis.title", String(title));
  }

  setLegendPosition(position: unknown): ChartBuilder {
    return this.setOption("legend.position", String(position));
  }

  setStacked(): ChartBuilder {
    return this.setOption("isStacked", true);
  }

  setColors(colors: string[]): ChartBuilder {
    return this.setOption("colors", [...colors]);
  }

  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    return gas(
      EmuEmbeddedChart.unsaved(this.#ctx, {
        ...this.#data,
        ranges: [...this.#data.ranges],
        options: { ...this.#data.options },
      }),
    );
  }
}

export class EmuEmbeddedChart
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.EmbeddedChart,
      "getChartId" | "getContainerInfo" | "getNumHeaders" | "getOptions" | "getRanges" | "modify"
    >
{
  readonly [SERVICE_NAME] = "EmbeddedChart";
  readonly #ctx: SheetsContext;
  readonly #id: number;
  #pending: ChartData | undefined;

  constructor(ctx: SheetsContext, id: number) {
    super();
    this.#ctx = ctx;
    this.#id = id;
  }

  static unsaved(ctx: SheetsContext, data: ChartData): EmuEmbeddedChart {
    const chart = new EmuEmbeddedChart(ctx, data.id);
    chart.#pending = data;
    return chart;
  }

  static #of(chart: unknown): EmuEmbeddedChart {
    if (!(chart instanceof EmuEmbeddedChart)) throw new AppsScriptError("Invalid argument: chart");
    return chart;
  }

  static insert(ctx: SheetsContext, sheetId: number, chart: unknown): void {
    const emu = EmuEmbeddedChart.#of(chart);
    const data = emu.#pending;
    if (data === undefined) throw new AppsScriptError("This chart is already in the sheet.");
    sheetOf(ctx, sheetId);
    ctx.book.charts.push({ ...data, id: ctx.book.nextObjectId++, sheetId });
  }

  static update(ctx: SheetsContext, chart: unknown): void {
    const emu = EmuEmbeddedChart.#of(chart);
    const data = emu.#pending;
    if (data === undefined || data.id === 0) throw new AppsScriptError("Invalid argument: chart");
    ctx.book.charts = ctx.book.charts.map((c) => (c.id === data.id ? { ...data } : c));
  }

  static remove(ctx: SheetsContext, chart: unknown): void {
    const emu = EmuEmbeddedChart.#of(chart);
    ctx.book.charts = ctx.book.charts.filter((c) => c.id !== emu.#id);
  }

  get #data(): ChartData {
    if (this.#pending !== undefined) return this.#pending;
    const data = this.#ctx.book.charts.find((c) => c.id === this.#id);
    if (data === undefined) throw new AppsScriptError("The chart has been removed.");
    return data;
  }

  getChartId(): number | null {
    return this.#id === 0 ? null : this.#id;
  }

  getRanges(): GasRange[] {
    return this.#data.ranges.map((ref) => gas(new EmuRange(this.#ctx, { ...ref })));
  }

  getNumHeaders(): number {
    return Number(this.#data.options["numHeaders"] ?? -1);
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = { ...this.#data.options };
    return { get: (option: string) => options[option] ?? null };
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = this.#data.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }

  modify(): ChartBuilder {
    const data = this.#data;
    return gas(
      new EmuEmbeddedChartBuilder(this.#ctx, data.sheetId, {
        ...data,
        ranges: [...data.ranges],
        options: { ...data.options },
      }),
    );
  }
}
