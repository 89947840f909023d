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

/** The normalised words of a query (none for an empty one). */
export function queryWords(query: string): string[] {
  return normalizeForSearch(query).split(" ").filter(Boolean);
}

/** The normalised text to search in: `fields` joined, empty ones left out. */
export function searchableText(fields: readonly (string | undefined)[]): string {
  return normalizeForSearch(fields.filter(Boolean).join("\n"));
}

/** Whether every word of `query` occurs in one of `fields` (an empty query matches all). */
export function matchesQuery(query: string, fields: readonly (string | undefined)[]): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const haystack = searchableText(fields);
  return words.every((word) => haystack.includes(word));
}
