// Which query parameters of a landing URL travel on to the app's sign-up and sign-in pages: the
// campaign ones only (utm_* and ref), so nothing else a link carried leaks into the app's URLs.
import { ATTRIBUTION_KEYS } from "@ideaspark/domain/attributionKeys";

const CAMPAIGN_KEYS: readonly string[] = ATTRIBUTION_KEYS;

/** `path` with the campaign parameters of `search` appended (unchanged when there are none). */
export function withSearch(path: string, search: string): string {
  const from = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const [key, value] of from) {
    if (CAMPAIGN_KEYS.includes(key) && !kept.has(key)) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path;
}
