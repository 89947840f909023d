import { describe, expect, it } from "vitest";
import { createDrafts, FORM_DRAFT_KEY, QUEUE_KEY } from "./drafts";

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

describe("drafts", () => {
  it("saves and restores the form draft, and clears it", () => {
    const storage = memoryStorage();
    const drafts = createDrafts(storage);
    expect(drafts.loadForm()).toBeNull();
    drafts.saveForm(FORM);
    expect(createDrafts(storage).loadForm()).toEqual(FORM);
    drafts.clearForm();
    expect(storage.items.has(FORM_DRAFT_KEY)).toBe(false);
  });

  it("ignores a corrupt or foreign form draft", () => {
    expect(createDrafts(memoryStorage({ [FORM_DRAFT_KEY]: "{not json" })).loadForm()).toBeNull();
    expect(createDrafts(memoryStorage({ [FORM_DRAFT_KEY]: '{"topic":7}' })).loadForm()).toEqual({
      topic: "",
      audience: "",
      constraints: "",
      count: "",
      tone: "",
    });
  });

  it("queues briefs with their requestId, oldest first, and unqueues one", () => {
    const storage = memoryStorage();
    const drafts = createDrafts(storage);
    drafts.queue({ requestId: ID_A, brief: { topic: "First", count: 2 }, queuedAt: 1 });
    drafts.queue({ requestId: ID_B, brief: { topic: "Second", count: 5 }, queuedAt: 2 });
    drafts.queue({ requestId: ID_A, brief: { topic: "First", count: 2 }, queuedAt: 3 });
    expect(drafts.queued().map((q) => [q.requestId, q.queuedAt])).toEqual([
      [ID_B, 2],
      [ID_A, 3],
    ]);
    drafts.unqueue(ID_B);
    expect(
      createDrafts(storage)
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
    const drafts = createDrafts(memoryStorage({ [QUEUE_KEY]: stored }));
    expect(drafts.queued().map((q) => q.requestId)).toEqual([ID_B]);
  });

  it("keeps working when storage refuses writes", () => {
    const storage = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => createDrafts(storage).saveForm(FORM)).not.toThrow();
  });
});
