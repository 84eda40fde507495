/** `SpreadsheetApp`: the entry to the document, its enums and the rule builders. */

import { EmuConditionalFormatRuleBuilder } from "./ConditionalFormatRule";
import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { EmuDataValidationBuilder } from "./DataValidation";
import { enumOf } from "./enums";
import { EmuSpreadsheet } from "./Spreadsheet";
import type { SheetsContext } from "./sheetsContext";
import { EmuUi } from "./ui";

const SPREADSHEET_ENUMS = {
  DataValidationCriteria: enumOf(
    "DATE_AFTER",
    "DATE_BEFORE",
    "DATE_BETWEEN",
    "DATE_EQUAL_TO",
    "DATE_IS_VALID_DATE",
    "DATE_NOT_BETWEEN",
    "DATE_ON_OR_AFTER",
    "DATE_ON_OR_BEFORE",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_IS_VALID_EMAIL",
    "TEXT_IS_VALID_URL",
    "VALUE_IN_LIST",
    "VALUE_IN_RANGE",
    "CUSTOM_FORMULA",
    "CHECKBOX",
  ),
  BooleanCriteria: enumOf(
    "CELL_EMPTY",
    "CELL_NOT_EMPTY",
    "NUMBER_BETWEEN",
    "NUMBER_EQUAL_TO",
    "NUMBER_GREATER_THAN",
    "NUMBER_GREATER_THAN_OR_EQUAL_TO",
    "NUMBER_LESS_THAN",
    "NUMBER_LESS_THAN_OR_EQUAL_TO",
    "NUMBER_NOT_BETWEEN",
    "NUMBER_NOT_EQUAL_TO",
    "TEXT_CONTAINS",
    "TEXT_DOES_NOT_CONTAIN",
    "TEXT_EQUAL_TO",
    "TEXT_STARTS_WITH",
    "TEXT_ENDS_WITH",
    "CUSTOM_FORMULA",
  ),
  ProtectionType: enumOf("RANGE", "SHEET"),
  DeveloperMetadataVisibility: enumOf("DOCUMENT", "PROJECT"),
  DeveloperMetadataLocationType: enumOf("SPREADSHEET", "SHEET", "ROW", "COLUMN"),
  Dimension: enumOf("COLUMNS", "ROWS"),
  WrapStrategy: enumOf("WRAP", "OVERFLOW", "CLIP"),
};

type SpreadsheetAppMethods =
  | "flush"
  | "getActiveRange"
  | "getActive"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation";

export class EmuSpreadsheetApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppMethods>
{
  readonly [SERVICE_NAME] = "SpreadsheetApp";
  readonly DataValidationCriteria = SPREADSHEET_ENUMS.DataValidationCriteria;
  readonly BooleanCriteria = SPREADSHEET_ENUMS.BooleanCriteria;
  readonly ProtectionType = SPREADSHEET_ENUMS.ProtectionType;
  readonly DeveloperMetadataVisibility = SPREADSHEET_ENUMS.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = SPREADSHEET_ENUMS.DeveloperMetadataLocationType;
  readonly Dimension = SPREADSHEET_ENUMS.Dimension;
  readonly WrapStrategy = SPREADSHEET_ENUMS.WrapStrategy;
  readonly #ctx: SheetsContext;

  constructor(ctx: SheetsContext) {
    super();
    this.#ctx = ctx;
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return new EmuSpreadsheet(this.#ctx).getActiveSheet();
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return new EmuSpreadsheet(this.#ctx)
      .getActiveSheet()
      .getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return gas(new EmuUi(this.#ctx.ui, this.#ctx.exec));
  }

  flush(): void {
    this.#ctx.host.recalculate();
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return gas(new EmuDataValidationBuilder(this.#ctx));
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return gas(new EmuConditionalFormatRuleBuilder(this.#ctx));
  }
}
