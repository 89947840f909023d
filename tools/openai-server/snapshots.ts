// Dated snapshot names: the `model` a response reports for the alias it was asked for, as the
// real API does (gpt-5-mini → gpt-5-mini-2025-08-07), so code that prices by model sees both.
const SNAPSHOTS = new Map<string, string>([
  ["gpt-5", "gpt-5-2025-08-07"],
  ["gpt-5-mini", "gpt-5-mini-2025-08-07"],
  ["gpt-5-nano", "gpt-5-nano-2025-08-07"],
  ["gpt-5.1", "gpt-5.1-2025-11-13"],
  ["gpt-5.2", "gpt-5.2-2025-12-11"],
  ["gpt-5.4", "gpt-5.4-2026-03-05"],
  ["gpt-5.4-mini", "gpt-5.4-mini-2026-03-05"],
  ["gpt-5.4-nano", "gpt-5.4-nano-2026-03-05"],
  ["gpt-6-luna", "gpt-6-luna-2026-09-22"],
  ["gpt-4.1", "gpt-4.1-2025-04-14"],
  ["gpt-4.1-mini", "gpt-4.1-mini-2025-04-14"],
  ["gpt-4.1-nano", "gpt-4.1-nano-2025-04-14"],
  ["gpt-4o", "gpt-4o-2024-08-06"],
  ["gpt-4o-mini", "gpt-4o-mini-2024-07-18"],
  ["o3", "o3-2025-04-16"],
  ["o3-mini", "o3-mini-2025-01-31"],
  ["o4-mini", "o4-mini-2025-04-16"],
]);

/** The date given to aliases missing from the table. */
export const DEFAULT_SNAPSHOT_DATE = "2025-01-01";

const DATED = /-\d{4}-\d{2}-\d{2}$/;

export function snapshotFor(model: string): string {
  if (DATED.test(model)) return model;
  return SNAPSHOTS.get(model) ?? `${model}-${DEFAULT_SNAPSHOT_DATE}`;
}
