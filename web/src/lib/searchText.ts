// Client-side search: text is compared case- and accent-insensitively ("Café" finds "cafe"), and
// every word of the query must appear somewhere in the searched fields.

/** Lower case, accents removed, runs of whitespace collapsed, trimmed. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("en")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether every word of `query` occurs in one of `fields` (an empty query matches all). */
export function matchesQuery(query: string, fields: readonly (string | undefined)[]): boolean {
  const words = normalizeForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalizeForSearch(fields.filter(Boolean).join("\n"));
  return words.every((word) => haystack.includes(word));
}
