/** `Protection` of a range or a sheet, and the edit check every write makes against them. */

import { gas, SERVICE_NAME, ServiceObject } from "./context";
import { ENUMS } from "./enums";
import { AppsScriptError } from "./errors";
import type { GridRef, ProtectionData } from "./model";
import { contains, intersects, type SheetsContext, upward } from "./sheetsContext";
import { emailOf, userObject } from "./User";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

function mayEdit(ctx: SheetsContext, protection: ProtectionData): boolean {
  const user = ctx.exec.user.toLowerCase();
  return (
    protection.warningOnly ||
    user === ctx.book.owner.toLowerCase() ||
    protection.editors.some((e) => e.toLowerCase() === user)
  );
}

/** Protections that forbid the active user to edit some cell of `ref`. */
export function protectionsBlocking(ctx: SheetsContext, ref: GridRef): ProtectionData[] {
  return ctx.book.protections.filter((p) => {
    if (!intersects(p.range, ref) || mayEdit(ctx, p)) return false;
    if (p.type === "SHEET" && p.unprotected.some((u) => contains(u, ref))) return false;
    return true;
  });
}

/** Throws as Sheets does when the active user may not edit any cell of the rectangle. */
export function assertEditable(ctx: SheetsContext, ref: GridRef): void {
  if (ctx.book.protections.length === 0) return;
  if (protectionsBlocking(ctx, ref).length > 0) throw new AppsScriptError(PROTECTED_MESSAGE);
}

type ProtectionMethods =
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "getUnprotectedRanges"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setRange"
  | "setUnprotectedRanges"
  | "setWarningOnly";

export class EmuProtection
  extends ServiceObject
  implements Pick<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods>
{
  readonly [SERVICE_NAME] = "Protection";
  readonly #ctx: SheetsContext;
  readonly #id: number;

  constructor(ctx: SheetsContext, id: number) {
    super();
    this.#ctx = ctx;
    this.#id = id;
  }

  static create(ctx: SheetsContext, type: "RANGE" | "SHEET", range: GridRef): EmuProtection {
    const book = ctx.book;
    if (
      type === "SHEET" &&
      book.protections.some((p) => p.type === "SHEET" && p.range.sheetId === range.sheetId)
    ) {
      const existing = book.protections.find(
        (p) => p.type === "SHEET" && p.range.sheetId === range.sheetId,
      );
      return new EmuProtection(ctx, (existing as ProtectionData).id);
    }
    const editors = [...new Set([book.owner, ctx.exec.user])];
    const data: ProtectionData = {
      id: book.nextObjectId++,
      type,
      range,
      description: "",
      warningOnly: false,
      editors,
      unprotected: [],
    };
    book.protections.push(data);
    return new EmuProtection(ctx, data.id);
  }

  get #data(): ProtectionData {
    const data = this.#ctx.book.protections.find((p) => p.id === this.#id);
    if (data === undefined) throw new AppsScriptError("This protection has been removed.");
    return data;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return ENUMS.ProtectionType[
      this.#data.type
    ] as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GasRange {
    return upward.range(this.#ctx, { ...this.#data.range });
  }

  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.Protection {
    this.#data.range = { ...upward.refOf(range) };
    return gas(this);
  }

  getDescription(): string {
    return this.#data.description;
  }

  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.#data.description = String(description);
    return gas(this);
  }

  isWarningOnly(): boolean {
    return this.#data.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.#data.warningOnly = Boolean(warningOnly);
    return gas(this);
  }

  canEdit(): boolean {
    return mayEdit(this.#ctx, this.#data);
  }

  canDomainEdit(): boolean {
    return false;
  }

  setDomainEdit(_editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    return gas(this);
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.#data.editors.map(userObject);
  }

  addEditor(user: unknown): GoogleAppsScript.Spreadsheet.Protection {
    const email = emailOf(user);
    if (!this.#data.editors.includes(email)) this.#data.editors.push(email);
    return gas(this);
  }

  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    for (const email of emailAddresses) this.addEditor(email);
    return gas(this);
  }

  removeEditor(user: unknown): GoogleAppsScript.Spreadsheet.Protection {
    const email = emailOf(user);
    const data = this.#data;
    // The owner always keeps edit rights.
    data.editors = data.editors.filter((e) => e !== email || e === this.#ctx.book.owner);
    return gas(this);
  }

  removeEditors(users: unknown[]): GoogleAppsScript.Spreadsheet.Protection {
    for (const user of users) this.removeEditor(user);
    return gas(this);
  }

  getUnprotectedRanges(): GasRange[] {
    return this.#data.unprotected.map((ref) => upward.range(this.#ctx, { ...ref }));
  }

  setUnprotectedRanges(ranges: GasRange[]): GoogleAppsScript.Spreadsheet.Protection {
    const data = this.#data;
    if (data.type !== "SHEET")
      throw new AppsScriptError("Unprotected ranges can only be set on a sheet protection.");
    data.unprotected = ranges.map((r) => ({ ...upward.refOf(r) }));
    return gas(this);
  }

  remove(): void {
    const data = this.#data;
    if (!mayEdit(this.#ctx, { ...data, warningOnly: false })) {
      throw new AppsScriptError("You do not have permission to remove this protection.");
    }
    this.#ctx.book.protections = this.#ctx.book.protections.filter((p) => p.id !== this.#id);
  }
}
