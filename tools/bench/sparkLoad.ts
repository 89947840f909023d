// Load for the spark handler: many users sparking at once against the Firestore and Auth
// emulators and the local model server (fast pacing). Prints throughput, latency percentiles
// and Firestore operations per spark. Run through `npm run bench:spark` (see run.ts).
import { DEMO_PROJECT_ID } from "@ideaspark/domain";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createOpenAIClient } from "../../functions/src/ai/openaiClient.js";
import { withOpsTally } from "../../functions/src/data/opsCounter.js";
import { handleSpark } from "../../functions/src/spark/handleSpark.js";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    sparks: { type: "string", default: "300" },
    concurrency: { type: "string", default: "50" },
    model: { type: "string", default: "http://127.0.0.1:8787/v1" },
  },
});
const users = Number(values.users);
const total = Number(values.sparks);
const concurrency = Number(values.concurrency);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
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
      const t0 = Date.now();
      const outcome = await withOpsTally(ops, () =>
        handleSpark(
          {
            uid,
            emailVerified: true,
            data,
            emit: () => undefined,
            signal: new AbortController().signal,
          },
          { client: () => client, cacheTtlMs: 30_000, safetyIdentifier: (id) => `bench-${id}` },
        ),
      ).then(
        () => "ok",
        (error: { kind?: string }) => error.kind ?? "error",
      );
      latencies.push(Date.now() - t0);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `spark load: ${total} sparks, ${users} users, concurrency ${concurrency} (emulators, in-process handler)`,
  );
  console.log(`  outcomes:           ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(
    `  throughput:         ${(total / seconds).toFixed(1)} sparks/s over ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  latency ms:         p50 ${percentile(latencies, 50)}, p95 ${percentile(latencies, 95)}, max ${latencies.at(-1)}`,
  );
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
