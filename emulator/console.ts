/** The `console` global of Apps Script's V8 runtime. */

import { SERVICE_NAME, ServiceObject } from "./context";
import { type LogRecord, logText } from "./Logger";

export class EmuConsole extends ServiceObject {
  readonly [SERVICE_NAME] = "console";
  readonly #logs: LogRecord[];
  readonly #now: () => number;

  constructor(logs: LogRecord[], now: () => number) {
    super();
    this.#logs = logs;
    this.#now = now;
  }

  #push(level: LogRecord["level"], args: unknown[]): void {
    this.#logs.push({ level, message: args.map(logText).join(" "), at: new Date(this.#now()) });
  }

  log(...args: unknown[]): void {
    this.#push("log", args);
  }

  info(...args: unknown[]): void {
    this.#push("info", args);
  }

  warn(...args: unknown[]): void {
    this.#push("warn", args);
  }

  error(...args: unknown[]): void {
    this.#push("error", args);
  }
}
