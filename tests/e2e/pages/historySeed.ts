// Fixtures for the home / history / usage journeys, written with the Admin SDK exactly as the
// functions would: a profile, three sparks, this period's usage records and its quota document.
import {
  PROMPT_VERSION,
  QuotaDoc,
  SparkDoc,
  UsageRecord,
  UserProfileCreate,
  periodKey,
  quotaDocId,
} from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { adminDb } from "../../support/admin";
import type { Account } from "../../support/accounts";

export interface SeededSpark {
  id: string;
  topic: string;
  starred: boolean;
}

export interface SeededHistory {
  sparks: SeededSpark[];
  usedTokens: number;
}

const HOUR = 3_600_000;

export async function seedHistory(account: Account, now = Date.now()): Promise<SeededHistory> {
  const db = adminDb();
  const period = periodKey(now);
  await db.doc(`users/${account.uid}`).set({
    ...UserProfileCreate.parse({
      email: account.email,
      displayName: "History Tester",
      createdAt: now - 48 * HOUR,
      attribution: null,
      aiDataUseConsent: false,
    }),
    plan: "free",
  });

  const sparks: (SeededSpark & { ageHours: number; audience?: string })[] = [
    {
      id: "e2e-spark-bikes",
      topic: "Weekend workshops for a bike shop",
      starred: true,
      ageHours: 0.1,
    },
    {
      id: "e2e-spark-choir",
      topic: "Fundraising for a school choir",
      audience: "Parents and teachers",
      starred: false,
      ageHours: 0.2,
    },
    { id: "e2e-spark-cafe", topic: "Crème brûlée pop-up café", starred: false, ageHours: 0.3 },
  ];
  const records: UsageRecord[] = [];
  for (const [index, spark] of sparks.entries()) {
    const createdAt = now - spark.ageHours * HOUR;
    const cached = index === 2;
    const usage = cached
      ? { inputTokens: 0, outputTokens: 0, costUsd: 0 }
      : { inputTokens: 400 * (index + 1), outputTokens: 600 * (index + 1), costUsd: 0.001 };
    const doc = SparkDoc.parse({
      requestId: spark.id,
      brief: { topic: spark.topic, audience: spark.audience, count: 2, tone: "practical" },
      ideas: [sampleIdea, { ...sampleIdea, title: `Second idea for ${spark.topic}` }],
      status: "complete",
      model: "gpt-4.1-mini",
      promptVersion: PROMPT_VERSION,
      createdAt,
      completedAt: createdAt + 2_000,
      usage,
      cached,
      starred: spark.starred ? [1] : [],
      feedback: null,
    });
    await db.doc(`users/${account.uid}/sparks/${spark.id}`).set(doc);
    records.push(
      UsageRecord.parse({
        uid: account.uid,
        sparkId: spark.id,
        model: "gpt-4.1-mini",
        ...usage,
        cachedInputTokens: 0,
        cached,
        estimated: false,
        latencyMs: 1_200,
        attempts: cached ? 0 : 1,
        status: "ok",
        period,
        createdAt: createdAt + 2_000,
      }),
    );
  }
  for (const record of records) await db.doc(`usage/${record.sparkId}-${account.uid}`).set(record);
  const usedTokens = records.reduce(
    (sum, record) => sum + (record.cached ? 0 : record.inputTokens + record.outputTokens),
    0,
  );
  await db
    .doc(`quotas/${quotaDocId(account.uid, period)}`)
    .set(QuotaDoc.parse({ uid: account.uid, period, used: usedTokens, holds: {}, recent: [] }));
  return { sparks: sparks.map(({ id, topic, starred }) => ({ id, topic, starred })), usedTokens };
}
