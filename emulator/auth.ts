/**
 * Which calls each authorization mode allows, and the error Apps Script throws for the rest
 * (PLATFORM "Custom functions", "Triggers"; messages as Apps Script words them).
 */

import type { AuthModeName } from "./context";
import { AppsScriptError, permissionDenied } from "./errors";

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

/** The refusal for a call in an auth mode, or undefined when the call is allowed. */
export function refusal(
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
      return permissionDenied(service, method);
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
