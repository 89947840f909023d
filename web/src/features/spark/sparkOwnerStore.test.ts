import { describe, expect, it, vi } from "vitest";
import { createSparkOwnerStore, OWNER_UPDATE_FAILED, type OwnerBackend } from "./sparkOwnerStore";

const STORED = { feedback: null, starred: [2] };

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function setup() {
  const write = deferred();
  const backend: OwnerBackend = { updateSparkOwner: vi.fn(() => write.promise) };
  const store = createSparkOwnerStore(() => Promise.resolve(backend));
  return { store, backend, write };
}

describe("feedback and stars", () => {
  it("shows feedback at once and writes it as a SparkOwnerUpdate", async () => {
    const { store, backend, write } = setup();
    const done = store.toggleFeedback("alice", "s1", STORED, "up");
    expect(store.marks("s1", STORED)).toEqual({ feedback: "up", starred: [2] });
    write.resolve();
    await done;
    expect(backend.updateSparkOwner).toHaveBeenCalledWith("alice", "s1", { feedback: "up" });
    expect(store.getState().errors.s1).toBeNull();
  });

  it("rolls a star back and says so when the write fails", async () => {
    const { store, backend, write } = setup();
    const done = store.toggleStar("alice", "s1", STORED, 0);
    expect(store.marks("s1", STORED).starred).toEqual([0, 2]);
    write.reject(new Error("permission-denied"));
    await done;
    expect(backend.updateSparkOwner).toHaveBeenCalledWith("alice", "s1", { starred: [0, 2] });
    expect(store.marks("s1", STORED)).toEqual(STORED);
    expect(store.getState().errors.s1).toBe(OWNER_UPDATE_FAILED);
  });

  it("unstars a starred idea and clears feedback chosen twice", async () => {
    const { store, backend, write } = setup();
    write.resolve();
    await store.toggleStar("alice", "s1", STORED, 2);
    await store.toggleFeedback("alice", "s1", { feedback: "down", starred: [] }, "down");
    expect(backend.updateSparkOwner).toHaveBeenNthCalledWith(1, "alice", "s1", { starred: [] });
    expect(backend.updateSparkOwner).toHaveBeenNthCalledWith(2, "alice", "s1", { feedback: null });
  });

  it("refuses an update the schema forbids without writing", async () => {
    const { store, backend } = setup();
    await store.toggleStar("alice", "s1", STORED, 10);
    expect(backend.updateSparkOwner).not.toHaveBeenCalled();
    expect(store.getState().errors.s1).toBe(OWNER_UPDATE_FAILED);
  });

  it("reset forgets pending marks and errors, and a write still under way does not bring them back", async () => {
    const { store, write } = setup();
    await store.toggleStar("alice", "s0", STORED, 10); // refused: an error for s0
    const done = store.toggleStar("alice", "s1", STORED, 0);
    expect(store.getState().pending.s1).toBeDefined();
    store.reset();
    expect(store.getState()).toEqual({ pending: {}, errors: {} });
    expect(store.marks("s1", STORED)).toEqual(STORED);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    write.reject(new Error("unauthenticated"));
    await done;
    expect(store.getState()).toEqual({ pending: {}, errors: {} });
  });
});
