/**
 * CSV export of the insights tables: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so that
 * Excel and WPS open Chinese text correctly. A cell that a spreadsheet would take for a formula is prefixed
 * with an apostrophe.
 */

/** One cell as CSV. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as a CSV file's text, BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
