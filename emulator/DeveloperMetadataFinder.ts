/** `DeveloperMetadataFinder`: metadata searched by key, value, visibility and location. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { EmuDeveloperMetadata } from "./DeveloperMetadata";
import type { GridRef, MetadataData } from "./model";
import { contains, intersects, type SheetsContext } from "./sheetsContext";

type FinderMethods =
  | "find"
  | "onIntersectingLocations"
  | "withId"
  | "withKey"
  | "withLocationType"
  | "withValue"
  | "withVisibility";

export class EmuDeveloperMetadataFinder
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FinderMethods>
{
  readonly [SERVICE_NAME] = "DeveloperMetadataFinder";
  readonly #ctx: SheetsContext;
  readonly #sheetId: number | undefined;
  readonly #range: GridRef | undefined;
  readonly #filters: Array<(m: MetadataData) => boolean> = [];
  #intersecting = false;

  /** Scope: the whole spreadsheet (no sheet), one sheet, or one range of a sheet. */
  constructor(ctx: SheetsContext, sheetId: number | undefined, range?: GridRef) {
    super();
    this.#ctx = ctx;
    this.#sheetId = sheetId;
    this.#range = range;
  }

  #add(filter: (m: MetadataData) => boolean): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.#filters.push(filter);
    return gas(this);
  }

  withId(id: number): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.id === Number(id));
  }

  withKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.key === String(key));
  }

  withValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.value === String(value));
  }

  withVisibility(
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.visibility === String(visibility));
  }

  withLocationType(
    locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType,
  ): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    return this.#add((m) => m.location.type === String(locationType));
  }

  onIntersectingLocations(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.#intersecting = true;
    return gas(this);
  }

  #inScope(m: MetadataData): boolean {
    const location = m.location;
    if (this.#sheetId === undefined) return true;
    if (location.type === "SPREADSHEET") return false;
    if (location.type === "SHEET")
      return this.#range === undefined && location.sheetId === this.#sheetId;
    if (location.ref.sheetId !== this.#sheetId) return false;
    if (this.#range === undefined) return true;
    return this.#intersecting
      ? intersects(location.ref, this.#range)
      : contains(this.#range, location.ref);
  }

  find(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.#ctx.book.metadata
      .filter((m) => this.#inScope(m) && this.#filters.every((f) => f(m)))
      .map((m) => gas(new EmuDeveloperMetadata(this.#ctx, m.id)));
  }
}
