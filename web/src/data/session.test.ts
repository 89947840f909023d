import { beforeEach, describe, expect, it, vi } from "vitest";
import { createDrafts, formDraftKey, LEGACY_QUEUE_KEY, queueKey } from "../lib/drafts";
import { DEVICE_OWNER_KEY } from "../lib/handover";
import type { Session } from "./auth";

const log: string[] = [];
let report: (session: Session | null) => void = () => {};

vi.mock("./auth", () => ({
  onSessionChanged: (listener: (session: Session | null) => void) => {
    report = listener;
    return () => {};
  },
  refreshSession: () => Promise.resolve(),
  signOut: vi.fn(async () => {
    log.push("auth sign-out");
    report(null); // Auth reports the sign-out while it is under way
  }),
}));

vi.mock("./firestore", () => ({
  stopListeners: () => log.push("stop listeners"),
  settleWrites: async () => void log.push("settle writes"),
  resetFirestore: async ({ clearCache }: { clearCache: boolean }) =>
    void log.push(clearCache ? "terminate + clear cache" : "terminate"),
  removeWriteNotes: (uid: string) => log.push(`remove write notes of ${uid}`),
}));

const session = (uid: string): Session => ({
  user: {
    uid,
    email: `${uid}@example.test`,
    displayName: uid,
    providers: ["password"],
    emailVerified: true,
  },
  admin: false,
});

const BRIEF = { requestId: "0b6f7d1e-9c1a-4a5b-8c2d-3e4f5a6b7c8d", queuedAt: 1 };

/** A fresh data/session (its handover is per page load) following sessions into `delivered`. */
async function load() {
  vi.resetModules();
  const module = await import("./session");
  // The stores register with the same (fresh) registry data/session resets.
  const { holdsPersonalState } = await import("../lib/personalState");
  holdsPersonalState("test store", (uid) => log.push(`reset stores for ${uid}`));
  const delivered: (string | null)[] = [];
  module.onSessionChanged((next) => {
    log.push(`deliver ${next?.user.uid ?? null}`);
    delivered.push(next?.user.uid ?? null);
  });
  return { module, delivered };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the session on a shared device", () => {
  beforeEach(() => {
    localStorage.clear();
    log.length = 0;
  });

  it("signs out by stopping listeners, settling writes, Auth, then stores, drafts and the cache", async () => {
    const { module } = await load();
    report(session("alice"));
    await settled();
    const drafts = createDrafts("alice");
    drafts.saveForm({
      topic: "Alice's secret plan",
      audience: "",
      constraints: "",
      count: "",
      tone: "",
    });
    drafts.queue({ ...BRIEF, brief: { topic: "Alice's queued brief", count: 2 } });
    log.length = 0;

    await module.signOutEverywhere();
    await settled();

    expect(log).toEqual([
      "stop listeners",
      "settle writes",
      "auth sign-out",
      "stop listeners",
      "reset stores for alice",
      "terminate + clear cache",
      "remove write notes of alice",
      "deliver null",
    ]);
    const keys = Object.keys(localStorage);
    expect(keys.filter((key) => key.includes("alice"))).toEqual([]);
    expect(Object.values(localStorage).join(" ")).not.toContain("Alice's");
    expect(localStorage.getItem(DEVICE_OWNER_KEY)).toBeNull();
  });

  it("removes the previous person's data before another account that signed in is reported", async () => {
    const { delivered } = await load();
    report(session("alice"));
    await settled();
    createDrafts("alice").queue({ ...BRIEF, brief: { topic: "Alice's queued brief", count: 2 } });
    createDrafts("bob").saveForm({
      topic: "Bob's",
      audience: "",
      constraints: "",
      count: "",
      tone: "",
    });
    log.length = 0;

    report(session("bob")); // no sign-out in between (e.g. Alice's session expired)
    await settled();

    expect(log).toEqual([
      "stop listeners",
      "reset stores for alice",
      "terminate + clear cache",
      "remove write notes of alice",
      "deliver bob",
    ]);
    expect(delivered).toEqual(["alice", "bob"]);
    expect(localStorage.getItem(queueKey("alice"))).toBeNull();
    expect(localStorage.getItem(formDraftKey("bob"))).not.toBeNull();
    expect(localStorage.getItem(DEVICE_OWNER_KEY)).toBe("bob");
  });

  it("clears what a person left when the page opens with nobody signed in", async () => {
    localStorage.setItem(DEVICE_OWNER_KEY, "alice");
    localStorage.setItem(queueKey("alice"), "[]");
    localStorage.setItem(LEGACY_QUEUE_KEY, "[]");
    await load();
    report(null);
    await settled();
    expect(log).toEqual([
      "stop listeners",
      "reset stores for alice",
      "terminate + clear cache",
      "remove write notes of alice",
      "deliver null",
    ]);
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
