/** `Session`: who runs the script, in which locale and zone. */

import { type Execution, gas, SERVICE_NAME, ServiceObject } from "./context";
import { EmuUser } from "./User";

export interface SessionHost {
  readonly scriptTimeZone: string;
  readonly locale: string;
}

export class EmuSession
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Base.Session,
      | "getActiveUser"
      | "getActiveUserLocale"
      | "getEffectiveUser"
      | "getScriptTimeZone"
      | "getTemporaryActiveUserKey"
    >
{
  readonly [SERVICE_NAME] = "Session";
  readonly #host: SessionHost;
  readonly #exec: Execution;

  constructor(host: SessionHost, exec: Execution) {
    super();
    this.#host = host;
    this.#exec = exec;
  }

  /**
   * Custom functions and simple triggers (CUSTOM_FUNCTION, LIMITED) do not learn who is looking
   * at the sheet: the address is empty (PLATFORM "Triggers"; issue #8 — the old emulator gave the
   * user's address in LIMITED, which Google does not).
   */
  #visibleUser(): string {
    const mode = this.#exec.authMode;
    return mode === "CUSTOM_FUNCTION" || mode === "LIMITED" ? "" : this.#exec.user;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return gas(new EmuUser(this.#visibleUser()));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return gas(new EmuUser(this.#visibleUser()));
  }

  getActiveUserLocale(): string {
    return this.#host.locale.split("_")[0] ?? "en";
  }

  getScriptTimeZone(): string {
    return this.#host.scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    let hash = 0;
    for (const ch of this.#exec.user) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return `temp-${hash.toString(36)}`;
  }
}
