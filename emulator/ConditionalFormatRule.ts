/**
 * `ConditionalFormatRule`, its builder and its `BooleanCondition`, and the formatting a sheet's
 * rules give a cell.
 */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS, enumValue } from "./enums";
import { AppsScriptError } from "./errors";
import type { ConditionalRuleData, SheetModel } from "./model";
import { loadCriterion, type SheetsContext, storeCriterion, upward } from "./sheetsContext";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

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
    const type = this.#rule.condition?.type;
    const value = type === undefined ? null : enumValue(ENUMS.BooleanCriteria, type);
    return value as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
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
    return this.#rule.ranges.map((ref) => upward.range(this.#ctx, { ...ref }));
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
    return this.#rule.ranges.map((ref) => upward.range(this.#ctx, { ...ref }));
  }

  setRanges(ranges: GasRange[]): RuleBuilder {
    this.#rule = { ...this.#rule, ranges: ranges.map((r) => ({ ...upward.refOf(r) })) };
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
