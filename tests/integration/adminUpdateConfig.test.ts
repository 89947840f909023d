// `adminUpdateConfig` through the emulator: only admins may call it, a bad configuration names
// the field and writes nothing, a save writes config/app and exactly one configChanges record,
// a save from a stale load is refused, and the next spark runs on the saved configuration.
import {
  AdminUpdateConfigResult,
  ConfigChange,
  DEFAULT_APP_CONFIG,
  type AppConfig,
} from "@ideaspark/domain";
import { httpsCallable, type FunctionsError } from "firebase/functions";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb, clearAppConfig, makeAdmin, setAppConfig } from "../support/admin.js";
import { callSpark, newRequest } from "../support/spark.js";
import { signUpTestUser, type TestUser } from "../support/users.js";
import { webClient, type WebClient } from "../support/webClient.js";

let admin: TestUser;
let member: TestUser;
let visitor: WebClient;

const copy = (config: AppConfig): AppConfig => JSON.parse(JSON.stringify(config)) as AppConfig;
const paused: AppConfig = { ...copy(DEFAULT_APP_CONFIG), aiPaused: true };

async function updateConfig(caller: WebClient, data: unknown): Promise<AdminUpdateConfigResult> {
  const result = await httpsCallable(caller.functions, "adminUpdateConfig")(data);
  return AdminUpdateConfigResult.parse(result.data);
}

async function refusal(promise: Promise<unknown>): Promise<FunctionsError> {
  try {
    await promise;
  } catch (error) {
    return error as FunctionsError;
  }
  throw new Error("expected adminUpdateConfig to refuse, but it succeeded");
}

async function storedConfig(): Promise<Record<string, unknown> | undefined> {
  return (await adminDb().doc("config/app").get()).data();
}

/** The configChanges records written for `uid` (each suite run uses fresh accounts). */
async function changesBy(uid: string): Promise<{ id: string; change: ConfigChange }[]> {
  const snapshot = await adminDb().collection("configChanges").where("by", "==", uid).get();
  return snapshot.docs.map((doc) => ({ id: doc.id, change: ConfigChange.parse(doc.data()) }));
}

async function clearChangesBy(uid: string): Promise<void> {
  const snapshot = await adminDb().collection("configChanges").where("by", "==", uid).get();
  await Promise.all(snapshot.docs.map((doc) => doc.ref.delete()));
}

const freshTopic = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  admin = await signUpTestUser("config-admin");
  member = await signUpTestUser("config-member");
  visitor = webClient();
  await makeAdmin(admin.uid);
  await admin.auth.currentUser?.getIdToken(true);
});

beforeEach(async () => {
  await clearAppConfig();
  await Promise.all([clearChangesBy(admin.uid), clearChangesBy(member.uid)]);
});

afterAll(async () => {
  await clearAppConfig();
  await Promise.all([admin.close(), member.close(), visitor.close()]);
});

describe("adminUpdateConfig: who may call it", () => {
  it("refuses a non-admin with permission-denied and changes nothing", async () => {
    await setAppConfig({ maxOutputTokens: 4_000 });
    const error = await refusal(updateConfig(member, { config: paused }));
    expect(error.code).toBe("functions/permission-denied");
    expect(await storedConfig()).toEqual({ maxOutputTokens: 4_000 });
    expect(await changesBy(member.uid)).toEqual([]);
  });

  it("asks a signed-out caller to sign in and changes nothing", async () => {
    const error = await refusal(updateConfig(visitor, { config: paused }));
    expect(error.code).toBe("functions/unauthenticated");
    expect(await storedConfig()).toBeUndefined();
  });
});

describe("adminUpdateConfig: an invalid configuration", () => {
  const config = copy(DEFAULT_APP_CONFIG);
  const { aiPaused: _aiPaused, ...partial } = config;
  it.each([
    [
      "a negative token allowance",
      { ...config, plans: { ...config.plans, free: { monthlyTokens: -1, priceUsd: 0 } } },
      /config\.plans\.free\.monthlyTokens/,
    ],
    [
      "a hold shorter than a spark can run",
      { ...config, holdTtlSeconds: 300 },
      /config\.holdTtlSeconds.*at least 360 seconds/,
    ],
    ["a missing field (no defaults fill it)", partial, /config\.aiPaused/],
    ["an unknown key", { ...config, openaiApiKey: "sk-test" }, /openaiApiKey/],
  ])(
    "answers invalid-argument for %s, naming the field, and writes nothing",
    async (_name, bad, message) => {
      const error = await refusal(updateConfig(admin, { config: bad }));
      expect(error.code).toBe("functions/invalid-argument");
      expect(error.message).toMatch(message);
      expect(await storedConfig()).toBeUndefined();
      expect(await changesBy(admin.uid)).toEqual([]);
    },
  );
});

describe("adminUpdateConfig: saving", () => {
  it("writes config/app and exactly one change record: who, when, before, after, keys", async () => {
    const config: AppConfig = {
      ...paused,
      plans: { ...paused.plans, free: { ...paused.plans.free, monthlyTokens: 10_000 } },
    };
    const startedAt = Date.now();
    const result = await updateConfig(admin, { config, expectedUpdatedAt: null });

    expect(result.changedKeys).toEqual(["aiPaused", "plans.free.monthlyTokens"]);
    expect(result.changeId).toEqual(expect.any(String));
    expect(result.updatedAt).toBeGreaterThanOrEqual(startedAt - 5_000);
    expect(result.updatedAt).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(await storedConfig()).toEqual({
      ...config,
      updatedAt: result.updatedAt,
      updatedBy: admin.uid,
    });
    expect(await changesBy(admin.uid)).toEqual([
      {
        id: result.changeId,
        change: {
          by: admin.uid,
          byEmail: admin.email,
          at: result.updatedAt,
          before: DEFAULT_APP_CONFIG,
          after: config,
          changedKeys: ["aiPaused", "plans.free.monthlyTokens"],
        },
      },
    ]);
  });

  it("refuses a save from a load that another save has overtaken, writing nothing", async () => {
    const first = await updateConfig(admin, { config: paused, expectedUpdatedAt: null });
    const cheaper = { ...paused, maxOutputTokens: 2_000 };
    const second = await updateConfig(admin, {
      config: cheaper,
      expectedUpdatedAt: first.updatedAt,
    });
    expect(second.changedKeys).toEqual(["maxOutputTokens"]);
    const stored = await storedConfig();

    const stale = { ...paused, requestsPerMinute: 3 };
    for (const expectedUpdatedAt of [first.updatedAt, null]) {
      const error = await refusal(updateConfig(admin, { config: stale, expectedUpdatedAt }));
      expect(error.code).toBe("functions/aborted");
      expect(error.message).toMatch(/changed since you loaded it/);
    }
    expect(await storedConfig()).toEqual(stored);
    const changes = await changesBy(admin.uid);
    expect(changes.map(({ id }) => id).sort()).toEqual([first.changeId, second.changeId].sort());
    expect(changes.find(({ id }) => id === second.changeId)?.change.before).toEqual(paused);
  });

  it("writes nothing and says so when nothing changed", async () => {
    const saved = await updateConfig(admin, { config: paused, expectedUpdatedAt: null });
    const stored = await storedConfig();
    const again = await updateConfig(admin, { config: paused, expectedUpdatedAt: saved.updatedAt });
    expect(again).toEqual({ changeId: null, changedKeys: [], updatedAt: saved.updatedAt });
    expect(await storedConfig()).toEqual(stored);
    expect(await changesBy(admin.uid)).toHaveLength(1);
  });

  it("repairs a broken config/app, recording what was stored", async () => {
    await setAppConfig({ maxOutputTokens: -5 });
    const config = copy(DEFAULT_APP_CONFIG);
    const result = await updateConfig(admin, { config, expectedUpdatedAt: null });
    expect(result.changeId).not.toBeNull();
    expect(await storedConfig()).toMatchObject({ maxOutputTokens: config.maxOutputTokens });
    const [change] = await changesBy(admin.uid);
    expect(change?.change.before).toEqual({ maxOutputTokens: -5 });
  });
});

describe("adminUpdateConfig: the spark pipeline follows the saved configuration", () => {
  it("answers ai-paused once AI is paused, and ideas again once it is resumed", async () => {
    const pause = await updateConfig(admin, { config: paused, expectedUpdatedAt: null });
    const error = await refusal(
      callSpark(member, newRequest({ topic: freshTopic("Bakery launch ideas"), count: 1 })),
    );
    expect(error.code).toBe("functions/failed-precondition");
    expect(error.message).toMatch(/paused/);
    expect((error.details as { kind?: string } | undefined)?.kind).toBe("ai-paused");

    const resumed = copy(DEFAULT_APP_CONFIG);
    await updateConfig(admin, { config: resumed, expectedUpdatedAt: pause.updatedAt });
    const ok = await callSpark(
      member,
      newRequest({ topic: freshTopic("Bakery launch ideas"), count: 1 }),
    );
    expect(ok.ideas).toHaveLength(1);
  });
});
