// The brief cache (cache/{key}): ideas for briefs without personal context, keyed by a hash
// of model + prompt version + normalized brief. Functions-only; entries expire after MAX_AGE.
import { Idea } from "@ideaspark/domain";
import { z } from "zod";
import { firestore } from "./firestore.js";
import { countReads, countWrites } from "./opsCounter.js";

const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const CacheEntry = z.object({
  ideas: z.array(Idea).min(1),
  model: z.string(),
  createdAt: z.number(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;

export async function lookupCachedIdeas(key: string, nowMs: number): Promise<CacheEntry | null> {
  const snapshot = await firestore().doc(`cache/${key}`).get();
  countReads(1);
  if (!snapshot.exists) return null;
  const entry = CacheEntry.safeParse(snapshot.data());
  if (!entry.success || nowMs - entry.data.createdAt > MAX_AGE_MS) return null;
  return entry.data;
}

export async function storeCachedIdeas(key: string, entry: CacheEntry): Promise<void> {
  await firestore().doc(`cache/${key}`).set(entry);
  countWrites(1);
}
