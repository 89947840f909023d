// Saves data as a file through the browser's download mechanism (no server round trip).

/** `ideaspark-data-2026-04-01.json` for a given date. */
export function exportFileName(date: Date): string {
  return `ideaspark-data-${date.toISOString().slice(0, 10)}.json`;
}

export function downloadJson(data: unknown, fileName: string): void {
  downloadText(JSON.stringify(data, null, 2), fileName, "application/json");
}

/** Saves `text` as `fileName` with the MIME `type` (e.g. "text/markdown;charset=utf-8"). */
export function downloadText(text: string, fileName: string, type: string): void {
  const blob = new Blob([text], { type });
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
