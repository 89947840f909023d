// Counts the Firestore reads and writes made on behalf of one request (through
// AsyncLocalStorage, so concurrent requests in one instance keep separate tallies). The spark
// handler logs the tally; tests use it to hold the per-spark cost the README states.
import { AsyncLocalStorage } from "node:async_hooks";

export interface OpsTally {
  reads: number;
  writes: number;
  /** Of `writes`, those made for the business analytics (rollup shards, account growth). */
  analyticsWrites?: number;
}

const scope = new AsyncLocalStorage<OpsTally>();

/** Runs `work` counting its Firestore operations into `ops` (also when it throws). */
export function withOpsTally<T>(ops: OpsTally, work: () => Promise<T>): Promise<T> {
  return scope.run(ops, work);
}

/** The tally of the request currently running, if any. */
export function currentOps(): OpsTally | undefined {
  return scope.getStore();
}

export function countReads(n: number): void {
  const ops = scope.getStore();
  if (ops) ops.reads += n;
}

export function countWrites(n: number, purpose?: "analytics"): void {
  const ops = scope.getStore();
  if (!ops) return;
  ops.writes += n;
  if (purpose === "analytics") ops.analyticsWrites = (ops.analyticsWrites ?? 0) + n;
}
