// CSV for the admin exports (RFC 4180): fields with a quote, comma or line break are quoted with
// quotes doubled, and a text cell a spreadsheet would run as a formula (= + - @, or a leading
// tab / carriage return) is prefixed with ' so opening the file never executes it.
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. Numbers are written as they are; only text can carry a formula. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`A CSV cell cannot hold ${value}`);
    return String(value);
  }
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and data rows as one CSV document (CRLF line ends, as RFC 4180 asks). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${i + 1} has ${row.length} cells, the header ${header.length}`);
    }
  }
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Offers `csv` as a download named `fileName` (UTF-8 with a BOM so spreadsheets read accents). */
export function downloadCsv(csv: string, fileName: string): void {
  const blob = new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
