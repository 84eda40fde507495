/**
 * The Spreadsheet service's globals, behind one small interface: the server code receives the
 * spreadsheet and these factories as arguments and never names `SpreadsheetApp` itself, so the
 * same code runs against Google, the emulator, or a test's double.
 */

export interface SheetsServices {
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  /** Developer metadata any script with access to the file may read (survives a new deployment). */
  readonly documentVisibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  readonly rangeProtection: GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly sheetProtection: GoogleAppsScript.Spreadsheet.ProtectionType;
}

export function sheetsServices(): SheetsServices {
  const app = SpreadsheetApp;
  return {
    newDataValidation: () => app.newDataValidation(),
    newConditionalFormatRule: () => app.newConditionalFormatRule(),
    documentVisibility: app.DeveloperMetadataVisibility.DOCUMENT,
    rangeProtection: app.ProtectionType.RANGE,
    sheetProtection: app.ProtectionType.SHEET,
  };
}

/** The spreadsheet the add-on is running in. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActive();
}

/** The user interface of the open spreadsheet (menus, alerts); the only service usable in AuthMode.NONE. */
export function spreadsheetUi(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/**
 * The spreadsheet a time-driven trigger works on, by the ID stored when it was installed: an
 * add-on's time trigger has no active document (PLATFORM "Triggers").
 */
export function openSpreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.openById(id);
}

/** Makes the writes so far visible before something that cannot be undone (sending mail). */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}
