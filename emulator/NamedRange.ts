/** `NamedRange`: a name the document gives a rectangle. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { AppsScriptError } from "./errors";
import type { GridRef } from "./model";
import { EmuRange } from "./Range";
import type { SheetsContext } from "./sheetsContext";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

export class EmuNamedRange
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.NamedRange,
      "getName" | "getRange" | "remove" | "setName" | "setRange"
    >
{
  readonly [SERVICE_NAME] = "NamedRange";
  readonly #ctx: SheetsContext;
  #name: string;

  constructor(ctx: SheetsContext, name: string) {
    super();
    this.#ctx = ctx;
    this.#name = name;
  }

  #ref(): GridRef {
    const ref = this.#ctx.book.namedRanges.get(this.#name);
    if (ref === undefined) throw new AppsScriptError(`Named range ${this.#name} not found.`);
    return ref;
  }

  getName(): string {
    return this.#name;
  }

  getRange(): GasRange {
    return gas(new EmuRange(this.#ctx, { ...this.#ref() }));
  }

  setName(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    const ref = this.#ref();
    this.#ctx.book.namedRanges.delete(this.#name);
    this.#name = String(name);
    this.#ctx.book.namedRanges.set(this.#name, ref);
    this.#ctx.book.touch();
    return gas(this);
  }

  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.NamedRange {
    this.#ref();
    this.#ctx.book.namedRanges.set(this.#name, { ...EmuRange.refOf(range) });
    this.#ctx.book.touch();
    return gas(this);
  }

  remove(): void {
    this.#ctx.book.namedRanges.delete(this.#name);
    this.#ctx.book.touch();
  }
}
