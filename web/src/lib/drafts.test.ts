import { describe, expect, it } from "vitest";
import {
  createDrafts,
  forgetDrafts,
  formDraftKey,
  LEGACY_FORM_DRAFT_KEY,
  LEGACY_QUEUE_KEY,
  queueKey,
  settleLegacyDrafts,
} from "./drafts";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const FORM = {
  topic: "Gift ideas",
  audience: "",
  constraints: "Under €20",
  count: "3",
  tone: "bold",
};
const ID_A = "0b6f7d1e-9c1a-4a5b-8c2d-3e4f5a6b7c8d";
const ID_B = "1c7e8f2a-0d2b-4b6c-9d3e-4f5a6b7c8d9e";
const FORM_DRAFT_KEY = formDraftKey("alice");
const QUEUE_KEY = queueKey("alice");

describe("drafts", () => {
  it("saves and restores the form draft, and clears it", () => {
    const storage = memoryStorage();
    const drafts = createDrafts("alice", storage);
    expect(drafts.loadForm()).toBeNull();
    drafts.saveForm(FORM);
    expect(createDrafts("alice", storage).loadForm()).toEqual(FORM);
    drafts.clearForm();
    expect(storage.items.has(FORM_DRAFT_KEY)).toBe(false);
  });

  it("ignores a corrupt or foreign form draft", () => {
    expect(
      createDrafts("alice", memoryStorage({ [FORM_DRAFT_KEY]: "{not json" })).loadForm(),
    ).toBeNull();
    expect(
      createDrafts("alice", memoryStorage({ [FORM_DRAFT_KEY]: '{"topic":7}' })).loadForm(),
    ).toEqual({
      topic: "",
      audience: "",
      constraints: "",
      count: "",
      tone: "",
    });
  });

  it("queues briefs with their requestId, oldest first, and unqueues one", () => {
    const storage = memoryStorage();
    const drafts = createDrafts("alice", storage);
    drafts.queue({ requestId: ID_A, brief: { topic: "First", count: 2 }, queuedAt: 1 });
    drafts.queue({ requestId: ID_B, brief: { topic: "Second", count: 5 }, queuedAt: 2 });
    drafts.queue({ requestId: ID_A, brief: { topic: "First", count: 2 }, queuedAt: 3 });
    expect(drafts.queued().map((q) => [q.requestId, q.queuedAt])).toEqual([
      [ID_B, 2],
      [ID_A, 3],
    ]);
    drafts.unqueue(ID_B);
    expect(
      createDrafts("alice", storage)
        .queued()
        .map((q) => q.brief.topic),
    ).toEqual(["First"]);
    drafts.unqueue(ID_A);
    expect(storage.items.has(QUEUE_KEY)).toBe(false);
  });

  it("drops queued entries whose brief no longer passes the schema", () => {
    const stored = JSON.stringify([
      { requestId: ID_A, brief: { topic: "ok" }, queuedAt: 1 },
      { requestId: ID_B, brief: { topic: "Fine topic", count: 2 }, queuedAt: 2 },
    ]);
    const drafts = createDrafts("alice", memoryStorage({ [QUEUE_KEY]: stored }));
    expect(drafts.queued().map((q) => q.requestId)).toEqual([ID_B]);
  });

  it("keeps working when storage refuses writes", () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => createDrafts("alice", storage).saveForm(FORM)).not.toThrow();
  });

  it("keeps each person's draft and queue under their own uid", () => {
    const storage = memoryStorage();
    const alice = createDrafts("alice", storage);
    alice.saveForm(FORM);
    alice.queue({ requestId: ID_A, brief: { topic: "Alice's brief", count: 2 }, queuedAt: 1 });
    const bob = createDrafts("bob", storage);
    expect(bob.loadForm()).toBeNull();
    expect(bob.queued()).toEqual([]);
    expect([...storage.items.keys()].sort()).toEqual([
      "ideaspark.sparkDraft.alice",
      "ideaspark.sparkQueue.alice",
    ]);
  });

  it("forgets one person's draft and queue, and only theirs", () => {
    const storage = memoryStorage();
    createDrafts("alice", storage).saveForm(FORM);
    createDrafts("alice", storage).queue({
      requestId: ID_A,
      brief: { topic: "Alice's brief", count: 2 },
      queuedAt: 1,
    });
    createDrafts("bob", storage).saveForm({ ...FORM, topic: "Bob's" });
    forgetDrafts("alice", storage);
    expect([...storage.items.keys()]).toEqual(["ideaspark.sparkDraft.bob"]);
    expect(createDrafts("alice", storage).loadForm()).toBeNull();
  });

  it("refuses to keep drafts for nobody", () => {
    expect(() => createDrafts("", memoryStorage())).toThrow(/non-empty uid/);
    expect(() => forgetDrafts(" ", memoryStorage())).toThrow(/non-empty uid/);
  });

  it("gives an earlier version's draft and queue to the person whose session the page restored", () => {
    const queue = JSON.stringify([{ requestId: ID_A, brief: { topic: "Old brief" }, queuedAt: 1 }]);
    const storage = memoryStorage({
      [LEGACY_FORM_DRAFT_KEY]: JSON.stringify(FORM),
      [LEGACY_QUEUE_KEY]: queue,
    });
    settleLegacyDrafts(storage, "alice");
    expect(storage.items.has(LEGACY_FORM_DRAFT_KEY)).toBe(false);
    expect(storage.items.has(LEGACY_QUEUE_KEY)).toBe(false);
    const alice = createDrafts("alice", storage);
    expect(alice.loadForm()).toEqual(FORM);
    expect(alice.queued().map((q) => q.brief.topic)).toEqual(["Old brief"]);
  });

  it("keeps the restored person's own draft over an earlier version's", () => {
    const own = { ...FORM, topic: "Newer, per-person draft" };
    const storage = memoryStorage({
      [LEGACY_FORM_DRAFT_KEY]: JSON.stringify(FORM),
      [FORM_DRAFT_KEY]: JSON.stringify(own),
    });
    settleLegacyDrafts(storage, "alice");
    expect(createDrafts("alice", storage).loadForm()).toEqual(own);
    expect(storage.items.has(LEGACY_FORM_DRAFT_KEY)).toBe(false);
  });

  it("drops an earlier version's draft and queue when nobody is signed in", () => {
    const storage = memoryStorage({
      [LEGACY_FORM_DRAFT_KEY]: JSON.stringify(FORM),
      [LEGACY_QUEUE_KEY]: "[]",
    });
    settleLegacyDrafts(storage, null);
    expect(storage.items.size).toBe(0);
  });
});
