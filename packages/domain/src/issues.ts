// Turns zod issues into one short sentence a person can act on, naming each offending field
// ("brief.topic must be at least 3 characters; brief.count must be at most 10.").
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** "brief.topic", "ideas[2].title", or "" for the value itself. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    return out ? `${out}.${String(segment)}` : String(segment);
  }, "");
}

function describeIssue(issue: Issue): string {
  const path = issuePath(issue.path);
  const leaf = issue.path.at(-1);
  // Messages from our field rules already start with the field's name: keep the sentence and
  // just qualify the name with its parents ("topic must …" → "brief.topic must …").
  if (typeof leaf === "string" && issue.message.startsWith(`${leaf} `)) {
    return `${path.slice(0, path.length - leaf.length)}${issue.message}`;
  }
  return `${path || "request"}: ${issue.message}`;
}

/** One sentence listing what is wrong, field by field (at most `limit` problems spelled out). */
export function describeIssues(error: { readonly issues: readonly Issue[] }, limit = 4): string {
  const parts = [...new Set(error.issues.map(describeIssue))];
  if (parts.length === 0) return "The request is invalid.";
  const shown = parts.slice(0, limit);
  const rest = parts.length - shown.length;
  const more = rest > 0 ? `; and ${rest} more problem${rest === 1 ? "" : "s"}` : "";
  return `${shown.join("; ")}${more}.`;
}
