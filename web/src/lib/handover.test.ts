import { describe, expect, it, vi } from "vitest";
import { createHandover, DEVICE_OWNER_KEY } from "./handover";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** A handover whose steps are logged in order, with what was delivered. */
function setup(initial: Record<string, string> = {}) {
  const storage = memoryStorage(initial);
  const log: string[] = [];
  const forget = vi.fn(async (uid: string, { clearCache }: { clearCache: boolean }) => {
    await Promise.resolve();
    log.push(`forget ${uid}${clearCache ? " +cache" : ""}`);
  });
  const opened = vi.fn((uid: string | null) => log.push(`opened ${uid}`));
  const handover = createHandover({ storage, forget, opened });
  const report = (uid: string | null) => handover.changed(uid, () => log.push(`deliver ${uid}`));
  return { storage, log, forget, handover, report };
}

describe("handing the browser over", () => {
  it("records whose data the browser holds, and forgets nobody while the same person stays", async () => {
    const { storage, log, report } = setup();
    await report("alice");
    await report("alice"); // a token refresh
    expect(log).toEqual(["opened alice", "deliver alice", "deliver alice"]);
    expect(storage.items.get(DEVICE_OWNER_KEY)).toBe("alice");
  });

  it("signs out, then forgets the person and their cache before the sign-out is reported", async () => {
    const { storage, log, handover, report } = setup();
    await report("alice");
    const signOut = handover.signOut(async () => {
      log.push("auth sign-out");
      void report(null); // Auth reports the sign-out while it is under way
    });
    await signOut;
    await report("bob");
    expect(log).toEqual([
      "opened alice",
      "deliver alice",
      "auth sign-out",
      "forget alice +cache",
      "deliver null",
      "deliver bob",
    ]);
    expect(storage.items.get(DEVICE_OWNER_KEY)).toBe("bob");
  });

  it("removes nothing when Auth refuses the sign-out", async () => {
    const { storage, forget, handover, report } = setup();
    await report("alice");
    await expect(
      handover.signOut(() => Promise.reject(new Error("network-request-failed"))),
    ).rejects.toThrow("network-request-failed");
    expect(forget).not.toHaveBeenCalled();
    expect(storage.items.get(DEVICE_OWNER_KEY)).toBe("alice");
  });

  it("forgets the previous person before another account is reported, without a sign-out", async () => {
    const { log, report } = setup();
    await report("alice");
    const bob = report("bob"); // e.g. a new sign-in replacing an expired session
    await bob;
    expect(log).toEqual(["opened alice", "deliver alice", "forget alice +cache", "deliver bob"]);
  });

  it("forgets what a session that ended while the page was closed left, before anyone sees it", async () => {
    const { storage, log, report } = setup({ [DEVICE_OWNER_KEY]: "alice" });
    await report(null);
    await report("bob");
    expect(log).toEqual(["opened null", "forget alice +cache", "deliver null", "deliver bob"]);
    expect(storage.items.get(DEVICE_OWNER_KEY)).toBe("bob");
  });

  it("only ends this tab's copy when another tab already forgot the person", async () => {
    const { storage, log, report } = setup();
    await report("alice");
    storage.items.delete(DEVICE_OWNER_KEY); // the tab that signed out removed it
    await report(null);
    expect(log).toEqual(["opened alice", "deliver alice", "forget alice", "deliver null"]);
  });

  it("still lets the next person in when removing the previous one's data fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { forget, log, report } = setup({ [DEVICE_OWNER_KEY]: "alice" });
    forget.mockRejectedValueOnce(new Error("indexedDB blocked"));
    await report("bob");
    expect(log).toEqual(["opened bob", "deliver bob"]);
    expect(console.error).toHaveBeenCalled();
  });
});
