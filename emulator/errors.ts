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

const AUTH = "https://www.googleapis.com/auth/";

/** The OAuth scopes the emulator checks calls against. */
export const SCOPE = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

const SPREADSHEET_SCOPES = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];

/** The OAuth scopes Apps Script names when an auth mode refuses a call, by service. */
const REQUIRED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  SpreadsheetApp: SPREADSHEET_SCOPES,
  Spreadsheet: SPREADSHEET_SCOPES,
  Sheet: SPREADSHEET_SCOPES,
  Range: SPREADSHEET_SCOPES,
  MailApp: [SCOPE.sendMail],
  ScriptApp: [SCOPE.scriptApp],
  Session: [SCOPE.userinfoEmail],
  Ui: [SCOPE.containerUi],
  HtmlService: [SCOPE.containerUi],
};

/**
 * "You do not have permission to call MailApp.sendEmail. Required permissions: …", one scope
 * bare, alternatives as Apps Script lists them: "(A || B)".
 */
export function permissionDenied(
  service: string,
  method: string,
  scopes: readonly string[] | undefined = REQUIRED_SCOPES[service],
): AppsScriptError {
  const listed =
    scopes === undefined || scopes.length === 0
      ? ""
      : scopes.length === 1
        ? ` Required permissions: ${scopes[0]}`
        : ` Required permissions: (${scopes.join(" || ")})`;
  return new AppsScriptError(`You do not have permission to call ${service}.${method}.${listed}`);
}

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/** What Apps Script says when it stops an execution (`emu.killAt` stops one at a chosen call). */
export const EXECUTION_KILLED = "Exceeded maximum execution time";
