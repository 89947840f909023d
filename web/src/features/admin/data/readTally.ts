// The Firestore reads the admin screens make, counted the way Firestore bills them: a query is
// one read per document returned (at least one), an aggregation one per 1,000 index entries it
// counts (at least one), a document get one. `npm run bench:admin` prints it for the overview.
let reads = 0;

export function countQueryReads(documents: number): void {
  reads += Math.max(1, documents);
}

export function countAggregationReads(entries: number): void {
  reads += Math.max(1, Math.ceil(entries / 1000));
}

/** Reads counted since the last reset. */
export function readsSoFar(): number {
  return reads;
}

export function resetReads(): void {
  reads = 0;
}
