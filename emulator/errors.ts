/**
 * Errors the emulated services throw. Apps Script's V8 runtime throws service failures as
 * `Error`s named "Exception" ("Exception: The number of rows in the data does not match…").
 */

export class AppsScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Exception";
  }
}

const SPREADSHEET_SCOPES =
  "(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)";

/** The OAuth scopes Apps Script names when a call is refused, by service. */
export const REQUIRED_SCOPES: Readonly<Record<string, string>> = {
  SpreadsheetApp: SPREADSHEET_SCOPES,
  Spreadsheet: SPREADSHEET_SCOPES,
  Sheet: SPREADSHEET_SCOPES,
  Range: SPREADSHEET_SCOPES,
  MailApp: "https://www.googleapis.com/auth/script.send_mail",
  ScriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  Session: "https://www.googleapis.com/auth/userinfo.email",
  Ui: "https://www.googleapis.com/auth/script.container.ui",
  HtmlService: "https://www.googleapis.com/auth/script.container.ui",
};

/** "You do not have permission to call MailApp.sendEmail. Required permissions: …" */
export function permissionDenied(service: string, method: string): AppsScriptError {
  const scopes = REQUIRED_SCOPES[service];
  const suffix = scopes === undefined ? "" : ` Required permissions: ${scopes}`;
  return new AppsScriptError(`You do not have permission to call ${service}.${method}.${suffix}`);
}

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/** What Apps Script says when it stops an execution (`emu.killAt` stops one at a chosen call). */
export const EXECUTION_KILLED = "Exceeded maximum execution time";
