/** `DataValidation` and its builder, and the check Sheets makes of a user's entry against a rule. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS, enumValue } from "./enums";
import { AppsScriptError } from "./errors";
import type { GridRef, ValidationData, Workbook } from "./model";
import { loadCriterion, type SheetsContext, storeCriterion, upward } from "./sheetsContext";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

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
    return enumValue(
      ENUMS.DataValidationCriteria,
      this.#data.criteria,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
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
    return enumValue(
      ENUMS.DataValidationCriteria,
      this.#data.criteria,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
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
    upward.refOf(range);
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
