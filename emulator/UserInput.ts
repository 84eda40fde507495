/**
 * The user's hands and eyes on the document, where they differ from a script's: what Sheets does
 * when someone types in a cell, pastes a block, presses Delete or inserts and deletes rows, and what
 * they see that no Apps Script method returns (an error cell's tooltip, a validation warning, a
 * dropdown's choices).
 *
 * - Typing is read as Sheets reads it (`=…` a formula, `5%` 0.05 with a percent format, a date the
 *   serial of that day with a date format, `'` keeps text), except in a plain-text (`@`) cell.
 * - A data-validation rule that rejects input (`setAllowInvalid(false)`) refuses the entry with
 *   Sheets' "There was a problem" message and leaves the cell as it was; a paste is refused whole.
 *   A rule that only warns accepts it, and the cell then shows "Invalid: …" on hover.
 * - A range protected with a warning only asks first ("Heads up!…"): the edit goes through when the
 *   caller says the user confirmed. A protection the user may not edit refuses the edit.
 *
 * Edits go through the document's own API as its owner would make them: uncounted, as the
 * spreadsheet's calls from a user are no script's calls.
 */

import { cellA1 } from "./a1";
import { passesValidation } from "./DataValidation";
import type { Emulator } from "./emulator";
import { cellKey } from "./grid";
import type { GridRef, ProtectionData, SheetModel, ValidationData } from "./model";
import { isDateFormat } from "./numberFormat";
import { contains, intersects } from "./sheetsContext";
import { isCellError, parseTyped } from "./values";

/** What became of an edit. */
export type EditOutcome =
  | { readonly status: "done" }
  /** Sheets refused it; nothing changed. */
  | { readonly status: "refused"; readonly title: string; readonly message: string }
  /** A warning-only protection: ask the user, then repeat the edit with `confirmed`. */
  | { readonly status: "confirm"; readonly title: string; readonly message: string };

export interface EditOptions {
  /** The user answered "OK" to the warning of a protected range. */
  readonly confirmed?: boolean;
}

const PROBLEM = "There was a problem";
const HEADS_UP = "Heads up!";
const WARNING_MESSAGE =
  "You are trying to edit part of this sheet that shouldn't be changed accidentally. Edit anyway?";
const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
const DONE: EditOutcome = { status: "done" };

/** Sheets' tooltips for errors HyperFormula leaves without a message. */
const ERROR_TOOLTIPS: Readonly<Record<string, string>> = {
  "#DIV/0!": "Function DIVIDE parameter 2 cannot be zero.",
  "#REF!": "Reference does not exist.",
  "#N/A": "Value not available.",
  "#NUM!": "The result is not a number Sheets can show.",
  "#VALUE!": "A value of the wrong type was given.",
};

/** What Sheets says a rule asks for, in its "Invalid:" hover and its rejection. */
function criterionMessage(rule: ValidationData): string {
  const [a, b] = rule.values as [unknown, unknown];
  switch (rule.criteria) {
    case "VALUE_IN_LIST":
      return "Input must be an item on the specified list";
    case "VALUE_IN_RANGE":
      return "Input must fall within specified range";
    case "NUMBER_BETWEEN":
      return `Input must be a number between ${String(a)} and ${String(b)}`;
    case "NUMBER_GREATER_THAN":
      return `Input must be greater than ${String(a)}`;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return `Input must be greater than or equal to ${String(a)}`;
    case "NUMBER_LESS_THAN":
      return `Input must be less than ${String(a)}`;
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return `Input must be less than or equal to ${String(a)}`;
    case "NUMBER_EQUAL_TO":
      return `Input must be equal to ${String(a)}`;
    case "DATE_IS_VALID_DATE":
      return "Input must be a valid date";
    case "TEXT_IS_VALID_EMAIL":
      return "Input must be a valid email address";
    case "TEXT_CONTAINS":
      return `Input must contain "${String(a)}"`;
    case "TEXT_EQUAL_TO":
      return `Input must be "${String(a)}"`;
    case "CHECKBOX":
      return "Input must be a checkbox value";
    default:
      return "Input must satisfy the cell's validation rule";
  }
}

export class UserInput {
  readonly #emu: Emulator;

  constructor(emu: Emulator) {
    this.#emu = emu;
  }

  #model(sheetName: string): SheetModel {
    const sheet = this.#emu.book.sheetByName(sheetName);
    if (sheet === undefined) throw new RangeError(`there is no sheet named "${sheetName}"`);
    return sheet;
  }

  #range(sheetName: string, row: number, column: number, numRows = 1, numColumns = 1) {
    const sheet = this.#emu.spreadsheet.getSheetByName(sheetName);
    if (sheet === null) throw new RangeError(`there is no sheet named "${sheetName}"`);
    return sheet.getRange(row, column, numRows, numColumns);
  }

  /** A protection in the way of editing `ref`: refused outright, or to be confirmed. */
  #protection(ref: GridRef, options: EditOptions): EditOutcome | undefined {
    const book = this.#emu.book;
    const user = this.#emu.user.toLowerCase();
    const hits = book.protections.filter(
      (p: ProtectionData) =>
        intersects(p.range, ref) &&
        !(p.type === "SHEET" && p.unprotected.some((u) => contains(u, ref))),
    );
    const mayEdit = (p: ProtectionData) =>
      user === book.owner.toLowerCase() || p.editors.some((e) => e.toLowerCase() === user);
    if (hits.some((p) => !p.warningOnly && !mayEdit(p))) {
      return { status: "refused", title: PROBLEM, message: PROTECTED_MESSAGE };
    }
    if (hits.some((p) => p.warningOnly) && options.confirmed !== true) {
      return { status: "confirm", title: HEADS_UP, message: WARNING_MESSAGE };
    }
    return undefined;
  }

  /** Whether typing `text` in a cell passes the cell's rule (true without a rule). */
  #passes(sheet: SheetModel, row: number, column: number, text: string): boolean {
    const rule = sheet.validations.get(row, column);
    if (rule === undefined) return true;
    return this.#valid(rule, parseTyped(text, sheet.formats.get(row, column)));
  }

  #valid(
    rule: ValidationData,
    written: { value: unknown; formula?: string; format?: string | undefined },
  ): boolean {
    // A formula's result is checked by Sheets once computed; typing one is never refused.
    if (written.formula !== undefined) return true;
    if (written.value === undefined || written.value === "") return true;
    if (rule.criteria.startsWith("DATE_")) {
      // Only "is a valid date" is modelled: a number shown as a date.
      return typeof written.value === "number" && isDateFormat(written.format);
    }
    return passesValidation(this.#emu.book, rule, written.value);
  }

  #refusal(sheet: SheetModel, row: number, column: number): EditOutcome {
    const rule = sheet.validations.get(row, column);
    const help = rule?.helpText ?? "";
    return {
      status: "refused",
      title: PROBLEM,
      message: `The data you entered in cell ${cellA1(row, column)} violates the data validation rules set on this cell.${
        help === "" ? "" : ` ${help}`
      }`,
    };
  }

  /** Types `text` into one cell and presses Enter. An empty text clears the cell's content. */
  type(
    sheetName: string,
    row: number,
    column: number,
    text: string,
    options: EditOptions = {},
  ): EditOutcome {
    return this.paste(sheetName, row, column, [[text]], options);
  }

  /**
   * Pastes a block (rows of cells, as copied from a spreadsheet) with its top-left corner at a
   * cell; each cell is read as if typed there. The sheet grows when the block runs past its end,
   * as Sheets adds rows for a paste.
   */
  paste(
    sheetName: string,
    row: number,
    column: number,
    block: readonly (readonly string[])[],
    options: EditOptions = {},
  ): EditOutcome {
    const sheet = this.#model(sheetName);
    const numRows = block.length;
    const numColumns = Math.max(0, ...block.map((cells) => cells.length));
    if (numRows === 0 || numColumns === 0) return DONE;
    const ref = { sheetId: sheet.id, row, column, numRows, numColumns };
    const blocked = this.#protection(ref, options);
    if (blocked !== undefined) return blocked;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const rule = sheet.validations.get(row + r, column + c);
        if (rule === undefined || rule.allowInvalid) continue;
        if (!this.#passes(sheet, row + r, column + c, block[r]?.[c] ?? "")) {
          return this.#refusal(sheet, row + r, column + c);
        }
      }
    }
    const gas = this.#emu.spreadsheet.getSheetByName(sheetName);
    if (gas === null) throw new RangeError(`there is no sheet named "${sheetName}"`);
    if (row + numRows - 1 > gas.getMaxRows()) {
      gas.insertRowsAfter(gas.getMaxRows(), row + numRows - 1 - gas.getMaxRows());
    }
    if (column + numColumns - 1 > gas.getMaxColumns()) {
      gas.insertColumnsAfter(gas.getMaxColumns(), column + numColumns - 1 - gas.getMaxColumns());
    }
    const range = gas.getRange(row, column, numRows, numColumns);
    // Typed text is read as typing; an empty cell of the block empties the cell.
    range.setValues(
      block.map((cells) => Array.from({ length: numColumns }, (_, c) => cells[c] ?? "")),
    );
    return DONE;
  }

  /** The Delete key: the contents go; formats, notes and validation stay. */
  clear(
    sheetName: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    options: EditOptions = {},
  ): EditOutcome {
    const sheet = this.#model(sheetName);
    const blocked = this.#protection(
      { sheetId: sheet.id, row, column, numRows, numColumns },
      options,
    );
    if (blocked !== undefined) return blocked;
    this.#range(sheetName, row, column, numRows, numColumns).clearContent();
    return DONE;
  }

  /** "Insert N rows above/below" of the row menu. */
  insertRows(sheetName: string, row: number, count: number, where: "above" | "below"): EditOutcome {
    const sheet = this.#emu.spreadsheet.getSheetByName(sheetName);
    if (sheet === null) throw new RangeError(`there is no sheet named "${sheetName}"`);
    if (where === "above") sheet.insertRowsBefore(row, count);
    else sheet.insertRowsAfter(row, count);
    return DONE;
  }

  /** "Delete rows" of the row menu: the rows go, the rows below move up, references follow. */
  deleteRows(
    sheetName: string,
    row: number,
    count: number,
    options: EditOptions = {},
  ): EditOutcome {
    const model = this.#model(sheetName);
    if (count >= model.maxRows) {
      return {
        status: "refused",
        title: PROBLEM,
        message: "You can't delete all the rows on the sheet.",
      };
    }
    const blocked = this.#protection(
      { sheetId: model.id, row, column: 1, numRows: count, numColumns: model.maxColumns },
      options,
    );
    if (blocked !== undefined) return blocked;
    this.#emu.spreadsheet.getSheetByName(sheetName)?.deleteRows(row, count);
    return DONE;
  }

  /** The message of an error cell's tooltip (`#ERROR!`, `#REF!`…), or undefined. */
  errorMessage(sheetName: string, row: number, column: number): string | undefined {
    const sheet = this.#model(sheetName);
    this.#emu.formulas.recalculate();
    const value = sheet.valueAt(row, column);
    if (!isCellError(value)) return undefined;
    return value.message !== "" ? value.message : (ERROR_TOOLTIPS[value.error] ?? value.error);
  }

  /** "Invalid: …" when the cell's content fails a rule that only warns; undefined otherwise. */
  invalidMessage(sheetName: string, row: number, column: number): string | undefined {
    const sheet = this.#model(sheetName);
    const rule = sheet.validations.get(row, column);
    if (rule === undefined) return undefined;
    this.#emu.formulas.recalculate();
    const value = sheet.valueAt(row, column);
    if (value === undefined || value === "" || isCellError(value)) return undefined;
    const format =
      sheet.computedFormats.get(cellKey(row, column)) ?? sheet.formats.get(row, column);
    if (this.#valid(rule, { value, format })) return undefined;
    return `Invalid: ${rule.helpText === "" ? criterionMessage(rule) : rule.helpText}`;
  }

  /** The choices a dropdown cell offers (a list, or a range's values), or undefined. */
  dropdown(sheetName: string, row: number, column: number): string[] | undefined {
    const rule = this.#range(sheetName, row, column).getDataValidation();
    if (rule === null) return undefined;
    const [source, showDropdown] = rule.getCriteriaValues() as [unknown, unknown];
    if (showDropdown === false) return undefined;
    const criteria = String(rule.getCriteriaType());
    if (criteria === "VALUE_IN_LIST" && Array.isArray(source)) return source.map(String);
    if (criteria === "VALUE_IN_RANGE" && source !== null && typeof source === "object") {
      const texts = (source as GoogleAppsScript.Spreadsheet.Range).getDisplayValues().flat();
      return [...new Set(texts.filter((text) => text !== ""))];
    }
    return undefined;
  }
}
