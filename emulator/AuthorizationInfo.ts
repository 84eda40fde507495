/** `AuthorizationInfo`, as `ScriptApp.getAuthorizationInfo` returns it. */

import { SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS } from "./enums";

export class EmuAuthorizationInfo
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Script.AuthorizationInfo,
      "getAuthorizationStatus" | "getAuthorizationUrl"
    >
{
  readonly [SERVICE_NAME] = "AuthorizationInfo";

  constructor(
    private readonly required: boolean,
    private readonly url: string,
  ) {
    super();
  }

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    const status = ENUMS.AuthorizationStatus[this.required ? "REQUIRED" : "NOT_REQUIRED"];
    return status as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  getAuthorizationUrl(): string {
    return this.url;
  }
}
