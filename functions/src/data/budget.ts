// Month-to-date AI spend as a sharded counter (budgets/{period}/shards/{n}): each settled
// spark increments one random shard, so no single document takes every request's write.
// The total is read (all shards) at most once per TTL per instance.
import { FieldValue, type Transaction } from "firebase-admin/firestore";
import { firestore } from "./firestore.js";
import { countReads } from "./opsCounter.js";

export const BUDGET_SHARDS = 20;

const totals = new Map<string, { usd: number; until: number }>();

function shardRef(period: string, shard: number) {
  return firestore().doc(`budgets/${period}/shards/${shard}`);
}

/** Adds `costUsd` to a random shard of the period's counter inside `tx` (a blind write). */
export function addSpend(
  tx: Transaction,
  period: string,
  costUsd: number,
  random = Math.random,
): void {
  if (costUsd <= 0) return;
  const shard = Math.floor(random() * BUDGET_SHARDS);
  tx.set(shardRef(period, shard), { usd: FieldValue.increment(costUsd) }, { merge: true });
}

/** The period's spend so far, cached for `ttlMs`. */
export async function monthSpendUsd(
  period: string,
  ttlMs: number,
  nowMs = Date.now(),
): Promise<number> {
  const hit = totals.get(period);
  if (hit && hit.until > nowMs) return hit.usd;
  const shards = await firestore().collection(`budgets/${period}/shards`).get();
  // A query costs one read per document returned, and at least one.
  countReads(Math.max(1, shards.size));
  const usd = shards.docs.reduce((sum, doc) => sum + (Number(doc.get("usd")) || 0), 0);
  totals.set(period, { usd, until: nowMs + ttlMs });
  return usd;
}
