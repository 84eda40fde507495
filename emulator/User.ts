/** `User`: an e-mail address as Session and Protection hand it over. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";

export function userObject(email: string): GoogleAppsScript.Base.User {
  return gas(new EmuUser(email));
}

export class EmuUser extends ServiceObject implements Pick<GoogleAppsScript.Base.User, "getEmail"> {
  readonly [SERVICE_NAME] = "User";

  constructor(readonly email: string) {
    super();
  }

  getEmail(): string {
    return this.email;
  }
}

export function emailOf(user: unknown): string {
  if (user instanceof EmuUser) return user.email;
  return String(user);
}
