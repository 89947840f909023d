// History's pure logic: which sparks match the search and the starred filter, and the rows of the
// windowed list (day headings, the viewer's local calendar days, newest first, then sparks).
import type { SparkDoc } from "@ideaspark/domain";
import type { StoredSpark } from "../../data/history";
import { queryWords, searchableText } from "../../lib/searchText";

export interface SparkFilter {
  query: string;
  starredOnly: boolean;
}

/**
 * Each spark's normalised search text, built once per parsed document: the data layer keeps a
 * spark's object until the document changes, so typing a query over 2,000 sparks is 2,000
 * substring tests, not 2,000 normalisations.
 */
const searchIndex = new WeakMap<SparkDoc, string>();

function searchTextOf(spark: SparkDoc): string {
  let text = searchIndex.get(spark);
  if (text === undefined) {
    text = searchableText([
      spark.brief.topic,
      spark.brief.audience,
      spark.brief.constraints,
      ...spark.ideas.flatMap((idea) => [idea.title, idea.pitch]),
    ]);
    searchIndex.set(spark, text);
  }
  return text;
}

/** Sparks whose topic, audience, constraints or ideas (titles, pitches) have every query word. */
export function filterSparks(sparks: readonly StoredSpark[], filter: SparkFilter): StoredSpark[] {
  const words = queryWords(filter.query);
  if (words.length === 0 && !filter.starredOnly) return [...sparks];
  return sparks.filter(({ spark }) => {
    if (filter.starredOnly && spark.starred.length === 0) return false;
    if (words.length === 0) return true;
    const text = searchTextOf(spark);
    return words.every((word) => text.includes(word));
  });
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
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: "full" });
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
            : format.format(stored.spark.createdAt);
      group = { day, label, sparks: [] };
      groups.push(group);
    }
    group.sparks.push(stored);
  }
  return groups;
}

/** One row of the windowed history list: a day's heading or a spark. */
export type HistoryRow =
  | { kind: "day"; key: string; day: string; label: string }
  | { kind: "spark"; key: string; stored: StoredSpark };

/** The day groups flattened into rows, each day's heading before its sparks. */
export function historyRows(groups: readonly DayGroup[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const group of groups) {
    rows.push({ kind: "day", key: `day-${group.day}`, day: group.day, label: group.label });
    for (const stored of group.sparks) rows.push({ kind: "spark", key: stored.id, stored });
  }
  return rows;
}
