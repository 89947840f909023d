// A long history for the history-at-scale journey and `npm run bench:history`: a profile and
// `count` sparks written with the Admin SDK as the function would, one every three hours back
// from `now`, newest first. The oldest carries a word no other spark has, for search.
import { PROMPT_VERSION, SparkDoc, UserProfileCreate } from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { adminDb } from "../../support/admin";
import type { Account } from "../../support/accounts";

const HOUR = 3_600_000;
const TOPICS = ["Bakery loyalty ideas", "Team offsite plans", "Newsletter growth", "Podcast names"];
/** Only the oldest spark's topic contains this word. */
export const OLDEST_WORD = "zeppelin";

export interface ManySparks {
  /** Spark ids, newest first. */
  ids: string[];
  oldestTopic: string;
}

export async function seedManySparks(
  account: Account,
  count: number,
  now = Date.now(),
): Promise<ManySparks> {
  const db = adminDb();
  await db.doc(`users/${account.uid}`).set({
    ...UserProfileCreate.parse({
      email: account.email,
      displayName: "Long History",
      createdAt: now - count * 3 * HOUR - HOUR,
      attribution: null,
      aiDataUseConsent: false,
    }),
    plan: "free",
  });
  const ids: string[] = [];
  const oldestTopic = `A ${OLDEST_WORD} tour for the oldest spark`;
  const writer = db.bulkWriter();
  for (let index = 0; index < count; index += 1) {
    const id = `bulk-${String(index).padStart(5, "0")}`;
    const createdAt = now - index * 3 * HOUR;
    const topic =
      index === count - 1 ? oldestTopic : `${TOPICS[index % TOPICS.length]} number ${index}`;
    ids.push(id);
    void writer.set(
      db.doc(`users/${account.uid}/sparks/${id}`),
      SparkDoc.parse({
        requestId: id,
        brief: { topic, audience: "Neighbours", count: 2, tone: "practical" },
        ideas: [sampleIdea, { ...sampleIdea, title: `Second idea for ${topic}` }],
        status: "complete",
        model: "gpt-4.1-mini",
        promptVersion: PROMPT_VERSION,
        createdAt,
        completedAt: createdAt + 2_000,
        usage: { inputTokens: 400, outputTokens: 600, costUsd: 0.001 },
        cached: false,
        starred: index % 7 === 0 ? [0] : [],
        feedback: null,
      }),
    );
  }
  await writer.close();
  return { ids, oldestTopic };
}
