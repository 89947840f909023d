// Load for the spark handler: many users sparking at once against the Firestore and Auth
// emulators and the local model server (fast pacing). Prints throughput, latency percentiles,
// the handler's overhead over the model call and Firestore operations per spark. Run through
// `npm run bench:spark` (see run.ts).
import { DEMO_PROJECT_ID } from "@ideaspark/domain";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { setTimeout as delay } from "node:timers/promises";
import type { ModelClient } from "../../functions/src/ai/modelClient.js";
import { createOpenAIClient } from "../../functions/src/ai/openaiClient.js";
import { withOpsTally } from "../../functions/src/data/opsCounter.js";
import { handleSpark } from "../../functions/src/spark/handleSpark.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    sparks: { type: "string", default: "300" },
    concurrency: { type: "string", default: "50" },
    model: { type: "string", default: "http://127.0.0.1:8787/v1" },
    // The local server answers moderation at once; OpenAI's takes a round trip over the
    // internet (~100–300 ms). This adds that wait to every moderation call.
    "moderation-ms": { type: "string", default: "0" },
  },
});
const users = Number(values.users);
const total = Number(values.sparks);
const concurrency = Number(values.concurrency);
const moderationMs = Number(values["moderation-ms"]);

/**
 * `client` with the time spent in model calls (streamed generations, start to end) added to
 * `spent.ms`, and moderation slowed down by `moderationMs`: the handler's overhead over the
 * model is its total time minus `spent.ms`.
 */
function timedClient(client: ModelClient, spent: { ms: number }): ModelClient {
  return {
    async moderate(input, model, signal) {
      if (moderationMs > 0) await delay(moderationMs, undefined, { signal });
      return client.moderate(input, model, signal);
    },
    async stream(request) {
      const started = performance.now();
      try {
        return await client.stream(request);
      } finally {
        spent.ms += performance.now() - started;
      }
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** p50, p95 and mean of `values`, rounded to the millisecond. */
function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  const at = (p: number) => Math.round(percentile(sorted, p));
  return `p50 ${at(50)}, p95 ${at(95)}, mean ${Math.round(mean)}`;
}

async function main(): Promise<void> {
  if (getApps().length === 0)
    initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID });
  const uids = await Promise.all(
    Array.from(
      { length: users },
      async (_, i) =>
        (
          await getAuth().createUser({
            email: `bench-${i}-${randomUUID().slice(0, 6)}@example.test`,
          })
        ).uid,
    ),
  );
  const client = createOpenAIClient({ apiKey: "bench", baseURL: values.model, timeoutMs: 60_000 });
  const latencies: number[] = [];
  /** Per answered spark: total time minus its model calls. */
  const overheads: number[] = [];
  const modelTimes: number[] = [];
  const ops = { reads: 0, writes: 0 };
  const outcomes = new Map<string, number>();
  let next = 0;
  const started = Date.now();
  async function worker(): Promise<void> {
    while (next < total) {
      const i = next++;
      const uid = uids[i % users] ?? "";
      const data = {
        requestId: randomUUID(),
        brief: { topic: `Bench ideas for team ${i} ${randomUUID()}`, count: 3 },
      };
      const spent = { ms: 0 };
      const t0 = performance.now();
      const outcome = await withOpsTally(ops, () =>
        handleSpark(
          {
            uid,
            emailVerified: true,
            data,
            emit: () => undefined,
            signal: new AbortController().signal,
          },
          {
            client: () => timedClient(client, spent),
            cacheTtlMs: 30_000,
            safetyIdentifier: (id) => `bench-${id}`,
          },
        ),
      ).then(
        () => "ok",
        (error: { kind?: string }) => error.kind ?? "error",
      );
      const elapsed = performance.now() - t0;
      latencies.push(Math.round(elapsed));
      if (outcome === "ok") {
        overheads.push(elapsed - spent.ms);
        modelTimes.push(spent.ms);
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `spark load: ${total} sparks, ${users} users, concurrency ${concurrency}, moderation +${moderationMs} ms (emulators, in-process handler)`,
  );
  console.log(`  outcomes:           ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(
    `  throughput:         ${(total / seconds).toFixed(1)} sparks/s over ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  latency ms:         p50 ${percentile(latencies, 50)}, p95 ${percentile(latencies, 95)}, max ${latencies.at(-1)}`,
  );
  console.log(
    `  overhead ms:        ${summary(overheads)} (total minus model calls, ${overheads.length} answered sparks)`,
  );
  console.log(`  model calls ms:     ${summary(modelTimes)}`);
  console.log(
    `  Firestore per spark: ${(ops.reads / total).toFixed(2)} reads, ${(ops.writes / total).toFixed(2)} writes`,
  );
}

// Admin SDK channels and the HTTP agent keep the process alive: exit explicitly.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
