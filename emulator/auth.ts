/**
 * Which calls each authorization mode and the manifest's OAuth scopes allow, and the error Apps
 * Script throws for the rest (PLATFORM "Custom functions", "Triggers"; messages as Apps Script
 * words them: "You do not have permission to call Session.getActiveUser. Required permissions:
 * https://www.googleapis.com/auth/userinfo.email").
 */

import type { AuthModeName } from "./context";
import { AppsScriptError, permissionDenied, SCOPE } from "./errors";

/** Services whose objects belong to the spreadsheet; custom functions may only read them. */
const SPREADSHEET_SERVICES = new Set([
  "Spreadsheet",
  "Sheet",
  "Range",
  "NamedRange",
  "Protection",
  "DeveloperMetadata",
  "EmbeddedChart",
]);

/** Pure builders and value objects: no document access, allowed wherever they can be obtained. */
const INERT_SERVICES = new Set([
  "DataValidation",
  "DataValidationBuilder",
  "ConditionalFormatRule",
  "ConditionalFormatRuleBuilder",
  "BooleanCondition",
  "EmbeddedChartBuilder",
  "DeveloperMetadataFinder",
  "DeveloperMetadataLocation",
  "Color",
  "User",
  "PromptResponse",
  "HtmlOutput",
  "Blob",
]);

const TRIGGER_MANAGEMENT = new Set([
  "newTrigger",
  "getProjectTriggers",
  "getUserTriggers",
  "getScriptTriggers",
  "deleteTrigger",
]);

const READ_METHOD =
  /^(get|is|has|can|find|offset$|createDeveloperMetadataFinder$|createTextFinder$|toString$)/;

const SHEETS = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];

/** What needs no scope of its own: building menus works even in AuthMode.NONE, before any grant. */
const UNSCOPED_UI = new Set(["createAddonMenu", "createMenu"]);

/** The scopes of which a call needs one, or undefined when it needs none. */
export function scopesFor(service: string, method: string): readonly string[] | undefined {
  if (service === "SpreadsheetApp") {
    if (method === "getUi") return undefined;
    if (method === "openById" || method === "openByUrl" || method === "open" || method === "create")
      return [SCOPE.spreadsheets];
    return SHEETS;
  }
  if (SPREADSHEET_SERVICES.has(service)) return SHEETS;
  if (service === "Ui") return UNSCOPED_UI.has(method) ? undefined : [SCOPE.containerUi];
  if (service === "MailApp") return [SCOPE.sendMail];
  if (service === "ScriptApp")
    return TRIGGER_MANAGEMENT.has(method) ? [SCOPE.scriptApp] : undefined;
  if (service === "Trigger" || service.endsWith("TriggerBuilder")) return [SCOPE.scriptApp];
  if (service === "Session" && (method === "getActiveUser" || method === "getEffectiveUser"))
    return [SCOPE.userinfoEmail];
  return undefined;
}

/**
 * The refusal for a call, or undefined when it is allowed: first the manifest's scopes (when it
 * lists any; without `oauthScopes` Apps Script infers them from the code, so nothing is missing),
 * then the auth mode.
 */
export function refusal(
  mode: AuthModeName,
  service: string,
  method: string,
  scopes?: ReadonlySet<string>,
): AppsScriptError | undefined {
  if (scopes !== undefined) {
    const needed = scopesFor(service, method);
    if (needed !== undefined && !needed.some((scope) => scopes.has(scope)))
      return permissionDenied(service, method, needed);
  }
  return modeRefusal(mode, service, method);
}

function modeRefusal(
  mode: AuthModeName,
  service: string,
  method: string,
): AppsScriptError | undefined {
  if (mode === "FULL") return undefined;
  if (service === "Logger" || service === "Utilities" || service === "console") return undefined;
  if (mode === "NONE") {
    // An add-on's onOpen in AuthMode.NONE may still build its menu.
    if (service === "SpreadsheetApp" && method === "getUi") return undefined;
    if (service === "Ui" && (method === "createAddonMenu" || method === "createMenu"))
      return undefined;
    if (service === "Menu") return undefined;
    return permissionDenied(service, method);
  }
  if (mode === "LIMITED") {
    // A simple trigger may not open a sidebar or dialog (PLATFORM "Triggers"; issue #8: the old
    // emulator allowed it, Google refuses it with the container.ui permission error).
    if (service === "Ui" && /^show/.test(method)) return permissionDenied(service, method);
    if (service === "MailApp") return permissionDenied(service, method);
    if (service === "ScriptApp" && TRIGGER_MANAGEMENT.has(method))
      return permissionDenied(service, method);
    return undefined;
  }
  // CUSTOM_FUNCTION
  if (INERT_SERVICES.has(service)) return undefined;
  if (service === "SpreadsheetApp") {
    if (method === "getUi")
      return new AppsScriptError("Cannot call SpreadsheetApp.getUi() from this context.");
    if (method === "openById" || method === "openByUrl" || method === "create")
      return permissionDenied(service, method, scopesFor(service, method));
    return undefined;
  }
  if (service === "Ui" || service === "Menu") {
    return new AppsScriptError("Cannot call SpreadsheetApp.getUi() from this context.");
  }
  if (SPREADSHEET_SERVICES.has(service)) {
    return READ_METHOD.test(method)
      ? undefined
      : new AppsScriptError(`You do not have permission to call ${method}`);
  }
  if (service === "Properties") {
    return /^get/.test(method)
      ? undefined
      : new AppsScriptError(`You do not have permission to call ${method}`);
  }
  if (service === "MailApp") return permissionDenied(service, method);
  if (service === "ScriptApp" && TRIGGER_MANAGEMENT.has(method))
    return permissionDenied(service, method);
  return undefined;
}

/**
 * What a time-driven trigger of an add-on may not do, having no document: show UI. (Its
 * `getActive()` is `null` and `getDocumentLock()` is `null`; those are answers, not refusals.)
 */
export function refusalWithoutDocument(
  service: string,
  method: string,
): AppsScriptError | undefined {
  if ((service === "SpreadsheetApp" && method === "getUi") || service === "Ui") {
    return new AppsScriptError("Cannot call SpreadsheetApp.getUi() from this context.");
  }
  return undefined;
}
