/** `Logger`, whose lines (with `console`'s) the emulator keeps with their virtual time. */

import { gas, isServiceObject, SERVICE_NAME, ServiceObject } from "./context";
import { formatString } from "./Utilities";

export interface LogRecord {
  readonly level: "log" | "info" | "warn" | "error";
  readonly message: string;
  readonly at: Date;
}

export function logText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Object.prototype.toString.call(value) === "[object Date]") return String(value);
  // Enum values and other service objects log as their name ("FULL"), not as JSON.
  if (isServiceObject(value)) return String(value);
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class EmuLogger
  extends ServiceObject
  implements Pick<GoogleAppsScript.Base.Logger, "clear" | "getLog" | "log">
{
  readonly [SERVICE_NAME] = "Logger";
  readonly #logs: LogRecord[];
  readonly #now: () => number;
  #start: number;

  constructor(logs: LogRecord[], now: () => number) {
    super();
    this.#logs = logs;
    this.#now = now;
    this.#start = logs.length;
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message = values.length > 0 ? formatString(String(data), values) : logText(data);
    this.#logs.push({ level: "log", message, at: new Date(this.#now()) });
    return gas(this);
  }

  getLog(): string {
    return this.#logs
      .slice(this.#start)
      .filter((r) => r.level === "log")
      .map((r) => r.message)
      .join("\n");
  }

  clear(): void {
    this.#start = this.#logs.length;
  }
}
