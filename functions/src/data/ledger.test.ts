import { DELETED_USER_UID, type UsageRecord } from "@ideaspark/domain";
import { describe, expect, it } from "vitest";
import { deletedAccountUsage, isPendingClaimOf } from "./ledger.js";
import { isTombstoned } from "./tombstones.js";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);

function usage(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    uid: "u1",
    requestId: "r1",
    sparkId: "r1",
    providerUsage: { inputTokens: 10, outputTokens: 20, cachedInputTokens: 0, costUsd: 0.0002 },
    attemptLog: [],
    ideasRequested: 1,
    ideasDelivered: 1,
    model: "gpt-test",
    inputTokens: 10,
    outputTokens: 20,
    cachedInputTokens: 0,
    costUsd: 0.0002,
    cached: false,
    estimated: false,
    campaignId: "launch",
    signedUpAt: NOW - 86_400_000,
    firstInMonth: true,
    returning: false,
    latencyMs: 5,
    attempts: 1,
    status: "pending",
    period: "2026-12",
    createdAt: NOW - 1000,
    ...overrides,
  };
}

describe("isPendingClaimOf", () => {
  it("accepts the uid's own pending claim, deleted or not", () => {
    expect(isPendingClaimOf(usage(), "u1", false)).toBe(true);
    expect(isPendingClaimOf(usage(), "u1", true)).toBe(true);
  });

  it("accepts a claim the erasure anonymised only once the account is deleted", () => {
    const anonymised = usage({ uid: DELETED_USER_UID });
    expect(isPendingClaimOf(anonymised, "u1", true)).toBe(true);
    expect(isPendingClaimOf(anonymised, "u1", false)).toBe(false);
  });

  it("refuses another account's claim, a settled one, and none", () => {
    expect(isPendingClaimOf(usage({ uid: "u2" }), "u1", true)).toBe(false);
    expect(isPendingClaimOf(usage({ status: "ok" }), "u1", true)).toBe(false);
    expect(isPendingClaimOf(usage({ uid: DELETED_USER_UID, status: "ok" }), "u1", true)).toBe(
      false,
    );
    expect(isPendingClaimOf(null, "u1", true)).toBe(false);
  });
});

describe("deletedAccountUsage", () => {
  it("links the record to nobody and keeps what it cost", () => {
    const record = deletedAccountUsage(usage({ status: "ok" }), NOW);
    expect(record).toMatchObject({
      uid: DELETED_USER_UID,
      anonymisedAt: NOW,
      campaignId: null,
      signedUpAt: null,
      status: "ok",
      costUsd: 0.0002,
      providerUsage: { costUsd: 0.0002 },
    });
    expect(JSON.stringify(record)).not.toContain('"u1"');
  });
});

describe("isTombstoned", () => {
  const snap = (exists: boolean) => ({ exists }) as never;
  it("is true for an existing tombstone and for the anonymised marker uid", () => {
    expect(isTombstoned("u1", snap(true))).toBe(true);
    expect(isTombstoned(DELETED_USER_UID, snap(false))).toBe(true);
    expect(isTombstoned(DELETED_USER_UID, undefined)).toBe(true);
  });
  it("is false for a live account", () => {
    expect(isTombstoned("u1", snap(false))).toBe(false);
    expect(isTombstoned("u1", undefined)).toBe(false);
  });
});
