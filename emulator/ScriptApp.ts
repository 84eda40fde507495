/** `ScriptApp`: the script's identity, authorization and installable triggers, and its enums. */

import { EmuAuthorizationInfo } from "./AuthorizationInfo";
import { type Execution, gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS } from "./enums";
import { AppsScriptError } from "./errors";
import { EmuTrigger, EmuTriggerBuilder, type TriggerHost } from "./triggers";

export const AUTH_MODE = ENUMS.AuthMode;

export interface ScriptAppHost extends TriggerHost {
  readonly scriptId: string;
  /** Whether a user has granted the add-on's scopes. */
  isAuthorized(user: string): boolean;
}

type ScriptAppMethods =
  | "deleteTrigger"
  | "getAuthorizationInfo"
  | "getOAuthToken"
  | "getProjectTriggers"
  | "getScriptId"
  | "getUserTriggers"
  | "newTrigger";

export class EmuScriptApp
  extends ServiceObject
  implements Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppMethods>
{
  readonly [SERVICE_NAME] = "ScriptApp";
  readonly AuthMode = AUTH_MODE;
  readonly AuthorizationStatus = ENUMS.AuthorizationStatus;
  readonly EventType = ENUMS.EventType;
  readonly TriggerSource = ENUMS.TriggerSource;
  readonly WeekDay = ENUMS.Weekday;
  readonly #host: ScriptAppHost;
  readonly #exec: Execution;

  constructor(host: ScriptAppHost, exec: Execution) {
    super();
    this.#host = host;
    this.#exec = exec;
  }

  getScriptId(): string {
    return this.#host.scriptId;
  }

  getOAuthToken(): string {
    return `emulated-oauth-token-for-${this.#exec.user}`;
  }

  getAuthorizationInfo(
    authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    const mode = String(authMode);
    const required = mode === "FULL" && !this.#host.isAuthorized(this.#exec.user);
    const url = `https://script.google.com/macros/d/${this.#host.scriptId}/authorize`;
    return gas(new EmuAuthorizationInfo(required, url));
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return gas(new EmuTriggerBuilder(this.#host, this.#exec, String(functionName)));
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.#host.triggers
      .forUser(this.#exec.user)
      .map((t) => gas(new EmuTrigger(t, this.#host.documentId)));
  }

  getUserTriggers(_spreadsheet: unknown): GoogleAppsScript.Script.Trigger[] {
    return this.getProjectTriggers();
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const uid = EmuTrigger.uidOf(trigger);
    const record = this.#host.triggers.get(uid);
    if (record === undefined) return;
    if (record.user !== this.#exec.user) {
      throw new AppsScriptError("You do not have permission to delete this trigger.");
    }
    this.#host.triggers.remove(uid);
  }
}
