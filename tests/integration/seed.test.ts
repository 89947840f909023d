// The demo seed `npm start` runs: it creates the demo accounts and history, and running it
// again changes nothing (no duplicate history, no double-counted usage).
import { periodKey, QuotaDoc, SparkDoc, UserProfile } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { DEMO_SPARKS, DEMO_USERS } from "../../tools/seed/demoData.js";
import { seedDemoData } from "../../tools/seed/seed.js";
import { adminAuth, adminDb } from "../support/admin.js";

describe("seedDemoData", () => {
  it("creates the demo accounts, the admin claim and valid history, and is idempotent", async () => {
    adminDb();
    const first = await seedDemoData(process.env);
    const second = await seedDemoData(process.env);
    expect(second.at(-1)).toMatch(/^0 demo spark\(s\) added/);
    expect(first.length).toBe(second.length);

    for (const user of DEMO_USERS) {
      const record = await adminAuth().getUserByEmail(user.email);
      expect(record.uid).toBe(user.uid);
      expect(record.customClaims?.admin === true).toBe(user.admin);
      const profile = UserProfile.parse((await adminDb().doc(`users/${user.uid}`).get()).data());
      expect(profile).toMatchObject({ email: user.email, plan: user.plan });
    }

    const owner = DEMO_SPARKS[0]?.uid ?? "";
    const sparks = await adminDb().collection(`users/${owner}/sparks`).get();
    expect(sparks.size).toBe(DEMO_SPARKS.filter((s) => s.uid === owner).length);
    sparks.docs.forEach((doc) => SparkDoc.parse(doc.data()));
    const quota = QuotaDoc.parse(
      (
        await adminDb()
          .doc(`quotas/${owner}_${periodKey(Date.now())}`)
          .get()
      ).data(),
    );
    const expected = DEMO_SPARKS.filter(
      (s) =>
        s.uid === owner && periodKey(Date.now() - s.daysAgo * 86_400_000) === periodKey(Date.now()),
    ).reduce((sum, s) => sum + s.inputTokens + s.outputTokens, 0);
    expect(quota.used).toBe(expected);
  });
});
