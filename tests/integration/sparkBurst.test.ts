// Bursts through the Functions emulator, the way a crowd (or a script) would send them: every
// call answers, with ideas or a typed error, because the emulator's worker pool is bounded
// (FUNCTIONS_EMULATOR_PARALLEL, set by the test stack) and a burst queues instead of hanging.
import { DOMAIN_ERROR_KINDS, periodKey, QuotaDoc } from "@ideaspark/domain";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, setAppConfig } from "../support/admin.js";
import { clearFaults } from "../support/openaiServer.js";
import { callSpark, newRequest } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";

const BURST = 40;
const users: TestUser[] = [];

/** "ok", or the error's kind; anything untyped (internal, timeouts, empty replies) shows as is. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    const { code, details } = error as { code?: string; details?: { kind?: string } };
    return details?.kind ?? `untyped ${code ?? String(error)}`;
  }
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

beforeAll(async () => {
  await clearFaults();
  await setAppConfig({ cacheEnabled: false });
});

afterAll(async () => {
  await clearAppConfig();
  await Promise.all(users.map((u) => u.close()));
});

describe("spark: bursts through the Functions emulator", () => {
  it(`answers all ${BURST} concurrent calls from one account, most refused by its rate limit`, async () => {
    const ada = await signUpTestUser("burst-one");
    users.push(ada);
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        outcome(callSpark(ada, newRequest({ topic: `Burst ${i} ${randomUUID()}`, count: 1 }))),
      ),
    );
    console.log(`one account, ${BURST} calls in ${Date.now() - started} ms:`, tally(outcomes));
    for (const o of outcomes) expect(["ok", ...DOMAIN_ERROR_KINDS]).toContain(o);
    expect(outcomes.filter((o) => o === "ok").length).toBeGreaterThan(0);
    expect(outcomes).toContain("rate-limited");
    const quota = QuotaDoc.parse(
      (
        await adminDb()
          .doc(`quotas/${ada.uid}_${periodKey(Date.now())}`)
          .get()
      ).data(),
    );
    expect(Object.keys(quota.holds)).toEqual([]);
  }, 240_000);

  it(`answers ${BURST} accounts' concurrent sparks, every one with its ideas`, async () => {
    const crowd = await Promise.all(
      Array.from({ length: BURST }, () => signUpTestUser("burst-many")),
    );
    users.push(...crowd);
    const started = Date.now();
    const outcomes = await Promise.all(
      crowd.map((member, i) =>
        outcome(callSpark(member, newRequest({ topic: `Crowd ${i} ${randomUUID()}`, count: 1 }))),
      ),
    );
    console.log(
      `${BURST} accounts, one call each, in ${Date.now() - started} ms:`,
      tally(outcomes),
    );
    expect(outcomes).toEqual(Array.from({ length: BURST }, () => "ok"));
  }, 240_000);
});
