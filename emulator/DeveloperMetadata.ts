/** `DeveloperMetadata` and its `DeveloperMetadataLocation`. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS, enumValue } from "./enums";
import { AppsScriptError } from "./errors";
import type { MetadataData, MetadataLocation } from "./model";
import { type SheetsContext, upward } from "./sheetsContext";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

const VISIBILITIES = new Set(["DOCUMENT", "PROJECT"]);

/** Adds metadata for the (key), (key, visibility), (key, value) and (key, value, visibility) overloads. */
export function addMetadata(
  ctx: SheetsContext,
  location: MetadataLocation,
  key: string,
  b: unknown,
  c: unknown,
): void {
  let value: string | null = null;
  let visibility: "DOCUMENT" | "PROJECT" = "DOCUMENT";
  if (c !== undefined) {
    value = String(b);
    visibility = VISIBILITIES.has(String(c)) ? (String(c) as "DOCUMENT" | "PROJECT") : "DOCUMENT";
  } else if (b !== undefined) {
    if (VISIBILITIES.has(String(b))) visibility = String(b) as "DOCUMENT" | "PROJECT";
    else value = String(b);
  }
  const text = String(key);
  if (text === "") throw new AppsScriptError("Invalid argument: key");
  ctx.book.metadata.push({ id: ctx.book.nextObjectId++, key: text, value, visibility, location });
}

type MetadataMethods =
  | "getId"
  | "getKey"
  | "getLocation"
  | "getValue"
  | "getVisibility"
  | "moveToSheet"
  | "moveToSpreadsheet"
  | "remove"
  | "setKey"
  | "setValue"
  | "setVisibility";

export class EmuDeveloperMetadata
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, MetadataMethods>
{
  readonly [SERVICE_NAME] = "DeveloperMetadata";
  readonly #ctx: SheetsContext;
  readonly #id: number;

  constructor(ctx: SheetsContext, id: number) {
    super();
    this.#ctx = ctx;
    this.#id = id;
  }

  get #data(): MetadataData {
    const data = this.#ctx.book.metadata.find((m) => m.id === this.#id);
    if (data === undefined) throw new AppsScriptError("The developer metadata has been removed.");
    return data;
  }

  getId(): number {
    return this.#id;
  }

  getKey(): string {
    return this.#data.key;
  }

  setKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.key = String(key);
    return gas(this);
  }

  getValue(): string | null {
    return this.#data.value;
  }

  setValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.value = String(value);
    return gas(this);
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return ENUMS.DeveloperMetadataVisibility[
      this.#data.visibility
    ] as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  setVisibility(
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.visibility = String(visibility) === "PROJECT" ? "PROJECT" : "DOCUMENT";
    return gas(this);
  }

  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    return gas(new EmuDeveloperMetadataLocation(this.#ctx, this.#data.location));
  }

  moveToSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.location = { type: "SHEET", sheetId: upward.sheetIdOf(sheet) };
    return gas(this);
  }

  moveToSpreadsheet(): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.#data.location = { type: "SPREADSHEET" };
    return gas(this);
  }

  remove(): void {
    this.#ctx.book.metadata = this.#ctx.book.metadata.filter((m) => m.id !== this.#id);
  }
}

export class EmuDeveloperMetadataLocation
  extends ServiceObject
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation,
      "getColumn" | "getLocationType" | "getRow" | "getSheet" | "getSpreadsheet"
    >
{
  readonly [SERVICE_NAME] = "DeveloperMetadataLocation";
  readonly #ctx: SheetsContext;
  readonly #location: MetadataLocation;

  constructor(ctx: SheetsContext, location: MetadataLocation) {
    super();
    this.#ctx = ctx;
    this.#location = location;
  }

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return enumValue(
      ENUMS.DeveloperMetadataLocationType,
      this.#location.type,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    return this.#location.type === "SPREADSHEET" ? upward.spreadsheet(this.#ctx) : null;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    const location = this.#location;
    if (location.type === "SPREADSHEET") return null;
    const sheetId = location.type === "SHEET" ? location.sheetId : location.ref.sheetId;
    return upward.sheet(this.#ctx, sheetId);
  }

  getRow(): GasRange | null {
    return this.#location.type === "ROW"
      ? upward.range(this.#ctx, { ...this.#location.ref })
      : null;
  }

  getColumn(): GasRange | null {
    return this.#location.type === "COLUMN"
      ? upward.range(this.#ctx, { ...this.#location.ref })
      : null;
  }
}
