import { decideExportCooldown, exportCooldownError, type ExportedProfile } from "@ideaspark/domain";
import { describe, expect, it, vi } from "vitest";
import { toHttpsError } from "../errors.js";
import { handleExportMyData, type ExportDeps } from "./exportMyData.js";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const MINUTE = 60_000;

const signedIn = (uid: string) => ({ auth: { uid, token: {}, rawToken: "" } as never, data: {} });

async function* none<T>(): AsyncGenerator<T> {}

/** The export's reads, and a cooldown kept in memory with the domain's decision. */
function fakeDeps(profile: () => Promise<ExportedProfile | null>) {
  const lastExport = new Map<string, number>();
  const deps: ExportDeps = {
    claimSlot: vi.fn(async (uid: string, nowMs: number) => {
      const previous = lastExport.get(uid);
      const decision = decideExportCooldown({ lastExportAt: previous, nowMs });
      if (!decision.ok) throw exportCooldownError(decision.retryAfterSeconds);
      lastExport.set(uid, nowMs);
      return { startedAt: nowMs, previous };
    }),
    releaseSlot: vi.fn(async (uid, slot) => {
      if (lastExport.get(uid) !== slot.startedAt) return;
      if (slot.previous === undefined) lastExport.delete(uid);
      else lastExport.set(uid, slot.previous);
    }),
    profile,
    quotas: () => none(),
    sparks: () => none(),
    usage: () => none(),
  };
  return deps;
}

const aliceProfile = async () => ({ displayName: "Alice" });

describe("handleExportMyData cooldown", () => {
  it("refuses a second export three minutes later with resource-exhausted and the wait", async () => {
    const deps = fakeDeps(aliceProfile);
    const first = await handleExportMyData(signedIn("alice"), NOW, deps);
    expect(first).toMatchObject({ uid: "alice", profile: { displayName: "Alice" } });

    const error = await handleExportMyData(signedIn("alice"), NOW + 3 * MINUTE, deps).catch(
      (e: unknown) => e,
    );
    const answer = toHttpsError(error, "exportMyData");
    expect(answer.code).toBe("resource-exhausted");
    expect(answer.message).toBe(
      "You can download your data once every 10 minutes. Please try again in 7 minutes.",
    );
    expect(answer.details).toEqual({
      kind: "rate-limited",
      retryable: true,
      retryAfterSeconds: 420,
    });
  });

  it("exports again once ten minutes have passed", async () => {
    const deps = fakeDeps(aliceProfile);
    await handleExportMyData(signedIn("alice"), NOW, deps);
    const again = await handleExportMyData(signedIn("alice"), NOW + 10 * MINUTE, deps);
    expect(again.exportedAt).toBe(new Date(NOW + 10 * MINUTE).toISOString());
  });

  it("counts each account on its own", async () => {
    const deps = fakeDeps(aliceProfile);
    await handleExportMyData(signedIn("alice"), NOW, deps);
    await expect(handleExportMyData(signedIn("bob"), NOW + 1, deps)).resolves.toMatchObject({
      uid: "bob",
    });
  });

  it("takes no slot for a signed-out caller or a request with arguments", async () => {
    const deps = fakeDeps(aliceProfile);
    await expect(
      handleExportMyData({ auth: undefined, data: {} }, NOW, deps),
    ).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(
      handleExportMyData({ ...signedIn("alice"), data: { uid: "bob" } }, NOW, deps),
    ).rejects.toMatchObject({ kind: "invalid-argument" });
    expect(deps.claimSlot).not.toHaveBeenCalled();
    await expect(handleExportMyData(signedIn("alice"), NOW + 1, deps)).resolves.toBeDefined();
  });

  it("gives the slot back when the export fails on our side, so a retry works at once", async () => {
    const profile = vi
      .fn<() => Promise<ExportedProfile | null>>()
      .mockRejectedValueOnce(new Error("Firestore read failed"))
      .mockResolvedValue({ displayName: "Alice" });
    const deps = fakeDeps(profile);
    await expect(handleExportMyData(signedIn("alice"), NOW, deps)).rejects.toThrow(
      "Firestore read failed",
    );
    expect(deps.releaseSlot).toHaveBeenCalledWith("alice", { startedAt: NOW, previous: undefined });
    await expect(handleExportMyData(signedIn("alice"), NOW + 1_000, deps)).resolves.toMatchObject({
      uid: "alice",
    });
  });
});
