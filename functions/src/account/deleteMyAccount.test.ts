import { DomainError } from "@ideaspark/domain";
import { describe, expect, it, vi } from "vitest";
import { handleDeleteMyAccount, type DeleteDeps } from "./deleteMyAccount.js";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const recent = (uid: string, data: unknown = { confirm: "DELETE" }) => ({
  auth: { uid, token: { auth_time: NOW / 1000 - 30 }, rawToken: "" } as never,
  data,
});

/** Every step recorded in the order it ran; the erasure reports `first` then `late`. */
function fakeDeps(overrides: Partial<DeleteDeps> = {}) {
  const calls: string[] = [];
  const erased = [
    { documentsDeleted: 4, usageAnonymised: 3, eventsAnonymised: 2 },
    { documentsDeleted: 1, usageAnonymised: 1, eventsAnonymised: 0 },
  ];
  const deps: DeleteDeps = {
    revokeSessions: vi.fn(async (uid: string) => (calls.push(`revoke ${uid}`), true)),
    writeTombstone: vi.fn(async (uid: string, nowMs: number) => {
      calls.push(`tombstone ${uid} ${nowMs}`);
      return true;
    }),
    eraseAccountData: vi.fn(async (uid: string) => {
      calls.push(`erase ${uid}`);
      return erased.shift() ?? { documentsDeleted: 0, usageAnonymised: 0, eventsAnonymised: 0 };
    }),
    deleteAdminRole: vi.fn(async (uid: string) => (calls.push(`role ${uid}`), true)),
    deleteAuthUser: vi.fn(async (uid: string) => (calls.push(`auth ${uid}`), true)),
    ...overrides,
  };
  return { deps, calls };
}

describe("handleDeleteMyAccount", () => {
  it("revokes sessions, then writes the tombstone, erases, deletes the role and the Auth user, then sweeps once more", async () => {
    const { deps, calls } = fakeDeps();

    const result = await handleDeleteMyAccount(recent("u1"), () => NOW, deps);

    expect(calls).toEqual([
      "revoke u1",
      `tombstone u1 ${NOW}`,
      "erase u1",
      "role u1",
      "auth u1",
      "erase u1",
    ]);
    expect(result).toEqual({
      uid: "u1",
      deleted: true,
      documentsDeleted: 5,
      usageAnonymised: 4,
      eventsAnonymised: 2,
    });
  });

  it("erases nothing when the tombstone cannot be written", async () => {
    const { deps, calls } = fakeDeps({
      writeTombstone: vi.fn(async () => {
        throw new Error("firestore unavailable");
      }),
    });

    await expect(handleDeleteMyAccount(recent("u2"), () => NOW, deps)).rejects.toThrow(
      "firestore unavailable",
    );
    expect(calls).toEqual(["revoke u2"]);
  });

  it("finishes a repeated deletion whose sessions, tombstone, role and account are already gone", async () => {
    const { deps, calls } = fakeDeps({
      revokeSessions: vi.fn(async () => false),
      writeTombstone: vi.fn(async () => false),
      deleteAdminRole: vi.fn(async () => false),
      deleteAuthUser: vi.fn(async () => false),
    });

    const result = await handleDeleteMyAccount(recent("u3"), () => NOW, deps);

    expect(result.deleted).toBe(true);
    expect(calls).toEqual(["erase u3", "erase u3"]);
  });

  it("touches nothing without a confirmation or a recent sign-in", async () => {
    const { deps, calls } = fakeDeps();
    await expect(
      handleDeleteMyAccount(recent("u4", { confirm: "delete" }), () => NOW, deps),
    ).rejects.toBeInstanceOf(DomainError);
    const stale = {
      auth: { uid: "u4", token: { auth_time: NOW / 1000 - 600 }, rawToken: "" } as never,
      data: { confirm: "DELETE" },
    };
    await expect(handleDeleteMyAccount(stale, () => NOW, deps)).rejects.toMatchObject({
      code: "failed-precondition",
    });
    await expect(
      handleDeleteMyAccount({ auth: undefined, data: {} }, () => NOW, deps),
    ).rejects.toMatchObject({ kind: "unauthenticated" });
    expect(calls).toEqual([]);
  });
});
