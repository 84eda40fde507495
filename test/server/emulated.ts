/**
 * The built add-on (dist/Code.js) in the emulator, for the server's integration tests. Needs
 * `npm run build` first (`npm test` runs it).
 */

import { existsSync, readFileSync } from "node:fs";
import {
  type AddOn,
  createEmulator,
  type Emulator,
  type ErrorArguments,
  loadAddOn,
} from "../../emulator";
import { CODE_PATH } from "../support/bundle";

let code: string | undefined;

export function bundle(): string {
  if (code === undefined) {
    if (!existsSync(CODE_PATH)) throw new Error(`${CODE_PATH} is missing: run \`npm run build\``);
    code = readFileSync(CODE_PATH, "utf8");
  }
  return code;
}

export interface Emulated {
  readonly emu: Emulator;
  readonly addOn: AddOn;
}

/**
 * A spreadsheet in Auckland whose "now" (12:00 UTC on 1 March) is already 2 March there, so a
 * date taken from the machine's or UTC's calendar instead of the spreadsheet's shows up.
 */
export function emulated(errorArguments: ErrorArguments = "text"): Emulated {
  const emu = createEmulator({
    timeZone: "Pacific/Auckland",
    now: "2026-03-01T12:00:00Z",
    user: "ann@example.com",
    errorArguments,
  });
  return { emu, addOn: loadAddOn(bundle(), emu) };
}

/** Service methods that change the document (as opposed to reading it). */
export function writeCalls(byMethod: Readonly<Record<string, number>>): Record<string, number> {
  const writes: Record<string, number> = {};
  for (const [method, count] of Object.entries(byMethod)) {
    const name = method.slice(method.indexOf(".") + 1);
    if (/^(set|insert|add|append|protect|delete|clear|remove|move|update)/.test(name)) {
      writes[method] = count;
    }
  }
  return writes;
}
