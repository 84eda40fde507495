/** A1 notation as Sheets reads it: `A1`, `A1:B2`, open ranges `A1:E`, `A:A`, `1:3`, sheet prefixes. */

export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One end of a range; a missing row or column means "open" on that axis. */
export interface A1Corner {
  readonly row?: number;
  readonly column?: number;
}

export interface A1Reference {
  /** Sheet name without quotes, when the notation names one. */
  readonly sheetName?: string;
  readonly start: A1Corner;
  readonly end: A1Corner;
}

const CORNER = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parseCorner(text: string): A1Corner | undefined {
  const match = CORNER.exec(text);
  if (match === null) return undefined;
  const [, letters = "", digits = ""] = match;
  if (letters === "" && digits === "") return undefined;
  const corner: { row?: number; column?: number } = {};
  if (letters !== "") corner.column = columnNumber(letters);
  if (digits !== "") {
    corner.row = Number(digits);
    if (corner.row < 1) return undefined;
  }
  return corner;
}

/** Splits `'Check-ins'!A1:E` into the sheet name and the rest; `undefined` name when absent. */
export function splitSheetName(notation: string): { sheetName?: string; rest: string } {
  const text = notation.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i + 1] === "!") return { sheetName: name, rest: text.slice(i + 2) };
    return { rest: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheetName: text.slice(0, bang), rest: text.slice(bang + 1) };
  return { rest: text };
}

/** Parses A1 notation; `undefined` when it is not a range reference. */
export function parseA1(notation: string): A1Reference | undefined {
  const { sheetName, rest } = splitSheetName(notation);
  const parts = rest.split(":");
  if (parts.length > 2 || parts[0] === undefined) return undefined;
  const start = parseCorner(parts[0]);
  if (start === undefined) return undefined;
  let end: A1Corner = start;
  if (parts.length === 2) {
    const parsed = parseCorner(parts[1] ?? "");
    if (parsed === undefined) return undefined;
    end = parsed;
    // "A:A" and "1:3" are whole columns / rows; "A1:E" is open at the bottom.
    if (start.row === undefined && end.row !== undefined) return undefined;
    if (start.column === undefined && end.column !== undefined) return undefined;
  } else if (start.row === undefined || start.column === undefined) {
    return undefined;
  }
  return sheetName === undefined ? { start, end } : { sheetName, start, end };
}

/** Quotes a sheet name for a reference when it needs quoting, as Sheets writes it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
