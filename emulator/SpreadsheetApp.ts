/** `SpreadsheetApp`: the entry to the document, its enums and the rule builders. */

import { EmuConditionalFormatRuleBuilder } from "./ConditionalFormatRule";
import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { EmuDataValidationBuilder } from "./DataValidation";
import { ENUMS } from "./enums";
import { AppsScriptError } from "./errors";
import { EmuSpreadsheet } from "./Spreadsheet";
import type { SheetsContext } from "./sheetsContext";
import { EmuUi } from "./ui";

type SpreadsheetAppMethods =
  | "flush"
  | "getActiveRange"
  | "getActive"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation"
  | "openById"
  | "openByUrl";

export class EmuSpreadsheetApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppMethods>
{
  readonly [SERVICE_NAME] = "SpreadsheetApp";
  readonly DataValidationCriteria = ENUMS.DataValidationCriteria;
  readonly BooleanCriteria = ENUMS.BooleanCriteria;
  readonly ProtectionType = ENUMS.ProtectionType;
  readonly DeveloperMetadataVisibility = ENUMS.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = ENUMS.DeveloperMetadataLocationType;
  readonly Dimension = ENUMS.Dimension;
  readonly WrapStrategy = ENUMS.WrapStrategy;
  readonly #ctx: SheetsContext;

  constructor(ctx: SheetsContext) {
    super();
    this.#ctx = ctx;
  }

  /**
   * An add-on's time-driven trigger belongs to the script, not to a document (PLATFORM
   * "Triggers"): there is nothing active, and the script must open its file by ID.
   */
  get #noDocument(): boolean {
    return this.#ctx.exec.noDocument === true;
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (this.#noDocument) return null as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.getActive();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    if (this.#noDocument) return null as unknown as GoogleAppsScript.Spreadsheet.Sheet;
    return new EmuSpreadsheet(this.#ctx).getActiveSheet();
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    if (this.#noDocument) return null as unknown as GoogleAppsScript.Spreadsheet.Range;
    return new EmuSpreadsheet(this.#ctx)
      .getActiveSheet()
      .getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }

  /**
   * The emulator holds one document: its id opens it (as a time-driven trigger must, having no
   * active spreadsheet); any other id fails as Apps Script fails for a file it cannot open.
   */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (String(id) !== this.#ctx.book.id) {
      throw new AppsScriptError(
        "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
      );
    }
    return gas(new EmuSpreadsheet(this.#ctx));
  }

  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const id = /\/d\/([^/?#]+)/.exec(String(url))?.[1];
    if (id !== this.#ctx.book.id) {
      throw new AppsScriptError(
        "Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.",
      );
    }
    return gas(new EmuSpreadsheet(this.#ctx));
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
