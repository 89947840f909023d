// Idempotent demo data for the emulators: demo accounts (one admin), their profiles, and a
// little history (sparks, usage records, this period's quota), then a demo business for the
// admin area (tools/seed/demoBusiness.ts). Every document is validated with the domain schemas.
// Refuses to run unless both the Auth and Firestore emulators are set.
import { initializeApp, getApps } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  adminRoleDoc,
  adminRolePath,
  AttemptRecord,
  costUsd,
  providerTotals,
  DEFAULT_APP_CONFIG,
  periodKey,
  QuotaDoc,
  SparkBrief,
  SparkDoc,
  UsageRecord,
  UserProfileCreate,
  DEMO_PROJECT_ID,
} from "@ideaspark/domain";
import { DEMO_SPARKS, DEMO_USERS, type DemoSpark, type DemoUser } from "./demoData.js";
import { seedDemoBusiness } from "./writeDemoBusiness.js";

export { DEMO_PROJECT_ID };

function assertEmulators(env: NodeJS.ProcessEnv): void {
  const missing = ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"].filter(
    (key) => !env[key],
  );
  if (missing.length > 0) {
    throw new Error(`Seeding only runs against the emulators; set ${missing.join(" and ")} first.`);
  }
}

async function upsertUser(user: DemoUser): Promise<"created" | "updated"> {
  const auth = getAuth();
  const fields = {
    email: user.email,
    password: user.password,
    displayName: user.displayName,
    emailVerified: true,
  };
  let outcome: "created" | "updated" = "updated";
  try {
    await auth.updateUser(user.uid, fields);
  } catch (error) {
    if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
    await auth.createUser({ uid: user.uid, ...fields });
    outcome = "created";
  }
  await auth.setCustomUserClaims(user.uid, user.admin ? { admin: true } : null);
  // The admin role is the claim and roles/{uid} together (rules and admin callables need both).
  const role = getFirestore().doc(adminRolePath(user.uid));
  if (!user.admin) await role.delete();
  else if (!(await role.get()).exists) await role.set(adminRoleDoc("seed", Date.now()));
  const profile = getFirestore().doc(`users/${user.uid}`);
  if (!(await profile.get()).exists) {
    const now = Date.now();
    const created = UserProfileCreate.parse({
      email: user.email,
      displayName: user.displayName,
      createdAt: now,
      attribution: user.attribution ? { ...user.attribution, capturedAt: now } : null,
      aiDataUseConsent: true,
    });
    await profile.set(created);
  }
  await profile.set({ plan: user.plan }, { merge: true });
  return outcome;
}

/** A past spark with its usage record, written once (fixed ids keep this idempotent). */
async function seedSpark(demo: DemoSpark): Promise<boolean> {
  const db = getFirestore();
  const usageRef = db.doc(`usage/${demo.id}`);
  if ((await usageRef.get()).exists) return false;
  const at = Date.now() - demo.daysAgo * 86_400_000;
  const model = DEFAULT_APP_CONFIG.models.primary;
  const tokens = { inputTokens: demo.inputTokens, outputTokens: demo.outputTokens };
  const cost = costUsd({ model, ...tokens }, DEFAULT_APP_CONFIG.pricing);
  const period = periodKey(at);
  const attemptLog = [
    { kind: "moderation", model: DEFAULT_APP_CONFIG.models.moderation, outcome: "ok" },
    {
      kind: "generation",
      model,
      ...tokens,
      costUsd: cost,
      outcome: "ok",
      ideas: demo.ideas.length,
    },
  ].map((attempt) =>
    AttemptRecord.parse({
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      costUsd: 0,
      estimated: false,
      ...attempt,
    }),
  );
  const usage = UsageRecord.parse({
    uid: demo.uid,
    requestId: demo.id,
    sparkId: demo.id,
    model,
    ...tokens,
    costUsd: cost,
    providerUsage: providerTotals(attemptLog),
    attemptLog,
    ideasRequested: demo.ideas.length,
    ideasDelivered: demo.ideas.length,
    cached: false,
    estimated: false,
    latencyMs: 6_200,
    attempts: 1,
    status: "ok",
    period,
    createdAt: at,
  });
  const spark = SparkDoc.parse({
    requestId: demo.id,
    brief: SparkBrief.parse(demo.brief),
    ideas: demo.ideas,
    status: "complete",
    model,
    promptVersion: DEFAULT_APP_CONFIG.promptVersion,
    createdAt: at,
    completedAt: at + 6_200,
    usage: { ...tokens, costUsd: cost },
    cached: false,
    starred: [0],
    feedback: "up",
  });
  const quotaRef = db.doc(`quotas/${demo.uid}_${period}`);
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(quotaRef);
    const quota = QuotaDoc.parse(snap.exists ? snap.data() : { uid: demo.uid, period, used: 0 });
    tx.set(quotaRef, { ...quota, used: quota.used + demo.inputTokens + demo.outputTokens });
    tx.set(db.doc(`users/${demo.uid}/sparks/${demo.id}`), spark);
    tx.create(usageRef, usage);
  });
  return true;
}

export interface SeedOptions {
  /** The instant the demo business is generated for (default now: the last 90 days). */
  businessNowMs?: number;
}

export async function seedDemoData(
  env: NodeJS.ProcessEnv = process.env,
  options: SeedOptions = {},
): Promise<string[]> {
  assertEmulators(env);
  if (getApps().length === 0) initializeApp({ projectId: env.GCLOUD_PROJECT ?? DEMO_PROJECT_ID });
  const lines: string[] = [];
  for (const user of DEMO_USERS) {
    const outcome = await upsertUser(user);
    lines.push(`${outcome} ${user.email}${user.admin ? " (admin)" : ""}`);
  }
  const started = performance.now();
  const { business, ...written } = await seedDemoBusiness(options.businessNowMs ?? Date.now());
  lines.push(
    `demo business ${business.today}: ${business.users.length} accounts, ` +
      `${business.usage.length} requests, ${business.landings.length} landings, ` +
      `${business.campaigns.length} campaigns, ${business.closedDays.size} closed days ` +
      `(${written.documents} documents, ${written.deleted} stale deleted); today's rollup and ` +
      `budget ${written.counted ? "counted" : "already counted"} ` +
      `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  let sparks = 0;
  for (const demo of DEMO_SPARKS) if (await seedSpark(demo)) sparks++;
  lines.push(`${sparks} demo spark(s) added (${DEMO_SPARKS.length - sparks} already there)`);
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  seedDemoData()
    .then((lines) => console.log(lines.join("\n")))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
