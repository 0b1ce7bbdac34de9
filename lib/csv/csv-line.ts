// CSV for people who open it in a spreadsheet (RFC 4180: every cell quoted, quotes doubled, CRLF).
// A cell that a spreadsheet would run as a formula, one starting with = + - @, a tab or a carriage
// return, is prefixed with an apostrophe (OWASP, "CSV injection"): exported text is other people's.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map((cell) => csvCell(cell)).join(",")}\r\n`;
}

function csvCell(cell: string | number | null | undefined): string {
  const text = cell === null || cell === undefined ? "" : String(cell);
  const safe = typeof cell === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}
