// What the business analytics cost in Firestore, measured on the emulators with the demo
// business seeded (90 days, a few hundred accounts): the reads of one admin overview load for
// 7, 30 and 90 days — the app's own readers, run in Node with the web SDK signed in as an
// admin — and the writes the analytics add to each spark, over sparks by demo accounts. Run
// through `npm run bench:admin` (see admin.ts).
import {
  adminRoleDoc,
  adminRolePath,
  DEFAULT_APP_CONFIG,
  lastNDays,
  dayKey,
  type AppConfig,
  DEMO_PROJECT_ID,
} from "@ideaspark/domain";
import { getApps as adminApps, initializeApp as adminApp } from "firebase-admin/app";
import { getAuth as adminAuth } from "firebase-admin/auth";
import { getFirestore as adminDb } from "firebase-admin/firestore";
import { initializeApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { randomUUID } from "node:crypto";
import { createOpenAIClient } from "../../functions/src/ai/openaiClient.js";
import { withOpsTally } from "../../functions/src/data/opsCounter.js";
import { handleSpark } from "../../functions/src/spark/handleSpark.js";
import { provideFirestore } from "../../web/src/data/firestore.js";
import { watchUnresolvedAlerts } from "../../web/src/features/admin/data/alerts.js";
import { loadRollupRange } from "../../web/src/features/admin/data/rollups.js";
import { readsSoFar, resetReads } from "../../web/src/features/admin/data/readTally.js";
import { loadOverviewExtras } from "../../web/src/features/admin/overview/useOverview.js";
import { emulatorUrls } from "../lib/stack.js";
import { seedDemoBusiness } from "../seed/writeDemoBusiness.js";

const PROJECT = process.env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID;
const SPARKS = 120;

async function signedInAdminDb() {
  const email = `bench-admin-${randomUUID().slice(0, 8)}@example.test`;
  const password = "a-long-password-1";
  const user = await adminAuth().createUser({ email, password, emailVerified: true });
  await adminAuth().setCustomUserClaims(user.uid, { admin: true });
  // The rules take only the claim together with roles/{uid} for an admin.
  await adminDb().doc(adminRolePath(user.uid)).set(adminRoleDoc("bench", Date.now()));
  const app = initializeApp({ projectId: PROJECT, apiKey: "demo-key" }, "bench");
  const auth = getAuth(app);
  connectAuthEmulator(auth, emulatorUrls().auth as string, { disableWarnings: true });
  await signInWithEmailAndPassword(auth, email, password);
  const db = getFirestore(app);
  const { hostname, port } = new URL(emulatorUrls().firestore as string);
  connectFirestoreEmulator(db, hostname, Number(port));
  return db;
}

async function overviewReads(rangeDays: number): Promise<number> {
  resetReads();
  const now = Date.now();
  await Promise.all([
    loadRollupRange(lastNDays(rangeDays, dayKey(now)), now),
    loadOverviewExtras(now),
    // The alert banner above every admin page: its listener's first snapshot.
    new Promise<void>((resolve, reject) => {
      const stop = watchUnresolvedAlerts(() => {
        stop();
        resolve();
      }, reject);
    }),
  ]);
  return readsSoFar();
}

async function analyticsWritesPerSpark(): Promise<{ mean: number; max: number; total: number }> {
  const users = await adminDb()
    .collection("users")
    .where("growth.requests", ">", 0)
    .limit(40)
    .get();
  const uids = users.docs.map((doc) => doc.id);
  const client = createOpenAIClient({
    apiKey: "bench",
    baseURL: "http://127.0.0.1:8787/v1",
    timeoutMs: 60_000,
  });
  const config: AppConfig = {
    ...DEFAULT_APP_CONFIG,
    requestsPerMinute: 1_000,
    monthlyBudgetUsd: 0,
  };
  const counts: number[] = [];
  for (let i = 0; i < SPARKS; i++) {
    const ops = { reads: 0, writes: 0, analyticsWrites: 0 };
    await withOpsTally(ops, () =>
      handleSpark(
        {
          uid: uids[i % uids.length] as string,
          emailVerified: true,
          data: {
            requestId: randomUUID(),
            brief: { topic: `Ideas for a bench day ${randomUUID().slice(0, 6)}`, count: 2 },
          },
          emit: () => undefined,
          signal: new AbortController().signal,
        },
        {
          client: () => client,
          cacheTtlMs: 60_000,
          safetyIdentifier: (uid) => `bench-${uid.slice(0, 8)}`,
          loadConfig: async () => config,
        },
      ).catch(() => undefined),
    );
    counts.push(ops.analyticsWrites);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  return { mean: total / counts.length, max: Math.max(...counts), total };
}

async function main(): Promise<void> {
  if (adminApps().length === 0) adminApp({ projectId: PROJECT });
  const started = Date.now();
  const seeded = await seedDemoBusiness(Date.now());
  console.log(
    `demo business: ${seeded.business.users.length} accounts, ${seeded.business.usage.length} requests, ${seeded.documents} documents (${Date.now() - started} ms)`,
  );
  provideFirestore(await signedInAdminDb());
  for (const range of [7, 30, 90]) {
    console.log(`admin overview, ${range} days: ${await overviewReads(range)} reads`);
  }
  const writes = await analyticsWritesPerSpark();
  console.log(
    `analytics writes per spark (${SPARKS} sparks by demo accounts): mean ${writes.mean.toFixed(2)}, max ${writes.max}`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
