// History's pure logic: which sparks match the search and the starred filter, and how they are
// grouped into days (the viewer's local calendar days, newest first).
import type { StoredSpark } from "../../data/history";
import { matchesQuery } from "../../lib/searchText";

export interface SparkFilter {
  query: string;
  starredOnly: boolean;
}

/** Sparks whose topic, audience or idea titles contain every word of the query. */
export function filterSparks(sparks: readonly StoredSpark[], filter: SparkFilter): StoredSpark[] {
  return sparks.filter(
    ({ spark }) =>
      (!filter.starredOnly || spark.starred.length > 0) &&
      matchesQuery(filter.query, [
        spark.brief.topic,
        spark.brief.audience,
        ...spark.ideas.map((idea) => idea.title),
      ]),
  );
}

export interface DayGroup {
  /** Local calendar day, "YYYY-MM-DD". */
  day: string;
  label: string;
  sparks: StoredSpark[];
}

function localDay(at: number | Date): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Groups sparks (already newest first) by local day: "Today", "Yesterday", then dates. */
export function groupByDay(sparks: readonly StoredSpark[], now: Date): DayGroup[] {
  const today = localDay(now);
  const yesterday = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const groups: DayGroup[] = [];
  for (const stored of sparks) {
    const day = localDay(stored.spark.createdAt);
    let group = groups.at(-1);
    if (group?.day !== day) {
      const label =
        day === today
          ? "Today"
          : day === yesterday
            ? "Yesterday"
            : new Intl.DateTimeFormat(undefined, { dateStyle: "full" }).format(
                stored.spark.createdAt,
              );
      group = { day, label, sparks: [] };
      groups.push(group);
    }
    group.sparks.push(stored);
  }
  return groups;
}
