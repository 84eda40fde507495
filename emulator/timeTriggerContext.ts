/**
 * `SpreadsheetApp` as an add-on's time-driven trigger sees it (PLATFORM "Triggers"): the trigger
 * belongs to the script, not to a document, so there is no active spreadsheet — `getActive()`
 * is `null` — and a script must open its spreadsheet by ID. (The UI refusal and the `null`
 * document lock are in auth.ts and locks.ts.)
 */

import { gas } from "./context";
import { AppsScriptError } from "./errors";
import { EmuSpreadsheetApp } from "./scriptServices";
import { EmuSpreadsheet, type SheetsContext } from "./spreadsheet";

export class EmuSpreadsheetAppWithoutDocument
  extends EmuSpreadsheetApp
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "openById">
{
  readonly #context: SheetsContext;

  constructor(ctx: SheetsContext) {
    super(ctx);
    this.#context = ctx;
  }

  override getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return null as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  override getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return null as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }

  override getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return null as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  override getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return null as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  /** The emulated document, when `id` is its ID; any other ID is a document the user cannot open. */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (String(id) !== this.#context.book.id) {
      throw new AppsScriptError(
        "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
      );
    }
    return gas(new EmuSpreadsheet(this.#context));
  }
}
