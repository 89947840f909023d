import { describe, expect, it } from "vitest";
import {
  QuotaDoc,
  decideHold,
  estimateHoldTokens,
  liveHolds,
  periodKey,
  periodResetsAt,
  placeHold,
  pruneExpiredHolds,
  quotaDocId,
  settleHold,
} from "./quota.js";

const NOW = Date.UTC(2025, 2, 15, 12, 0, 0);
const live = (tokens: number) => ({ tokens, expiresAt: NOW + 60_000 });
const expired = (tokens: number) => ({ tokens, expiresAt: NOW - 1 });

describe("periods", () => {
  it("keys a date by its UTC month", () => {
    expect(periodKey(new Date("2025-03-15T12:00:00Z"))).toBe("2025-03");
    expect(periodKey(Date.UTC(2025, 0, 31, 23, 59, 59, 999))).toBe("2025-01");
    // 23:30 on Jan 31 in New York is already February in UTC.
    expect(periodKey(new Date("2025-01-31T23:30:00-05:00"))).toBe("2025-02");
  });

  it("resets at the first instant of the next UTC month, across a year end", () => {
    expect(periodResetsAt("2025-03").toISOString()).toBe("2025-04-01T00:00:00.000Z");
    expect(periodResetsAt("2025-12").toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("refuses malformed periods and invalid dates", () => {
    expect(() => periodResetsAt("2025-13")).toThrow(/Invalid period/);
    expect(() => periodResetsAt("2025-3")).toThrow(/Invalid period/);
    expect(() => periodKey(new Date("nope"))).toThrow(RangeError);
  });

  it("names the quota document by uid and period", () => {
    expect(quotaDocId("alice", "2025-03")).toBe("alice_2025-03");
    expect(() => quotaDocId("a/b", "2025-03")).toThrow(RangeError);
    expect(() => quotaDocId("", "2025-03")).toThrow(RangeError);
  });
});

describe("holds", () => {
  it("counts only holds that have not expired", () => {
    const holds = { a: live(100), b: expired(1_000), c: { tokens: 7, expiresAt: NOW } };
    expect(liveHolds(holds, NOW)).toBe(100);
    expect(Object.keys(pruneExpiredHolds(holds, NOW))).toEqual(["a"]);
  });

  it("estimates a hold as prompt tokens plus the output cap", () => {
    expect(estimateHoldTokens(321.2, 2_000)).toBe(2_322);
    expect(() => estimateHoldTokens(-1, 10)).toThrow(RangeError);
    expect(() => estimateHoldTokens(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe("decideHold", () => {
  it("allows a hold that lands exactly on the limit", () => {
    expect(decideHold({ used: 900, holds: {}, estimate: 100, limit: 1_000, nowMs: NOW })).toEqual({
      ok: true,
      remaining: 0,
    });
  });

  it("refuses a hold that would pass the monthly limit by one token", () => {
    const decision = decideHold({ used: 900, holds: {}, estimate: 101, limit: 1_000, nowMs: NOW });
    expect(decision).toEqual({
      ok: false,
      reason: "quota",
      remaining: 100,
      resetsAt: new Date("2025-04-01T00:00:00Z"),
    });
  });

  it("counts concurrent live holds against the limit", () => {
    const holds = { r1: live(300), r2: live(300) };
    expect(decideHold({ used: 300, holds, estimate: 100, limit: 1_000, nowMs: NOW }).ok).toBe(true);
    expect(decideHold({ used: 300, holds, estimate: 101, limit: 1_000, nowMs: NOW }).ok).toBe(
      false,
    );
  });

  it("ignores expired holds left by crashed requests", () => {
    const holds = { crashed: expired(900) };
    expect(decideHold({ used: 0, holds, estimate: 1_000, limit: 1_000, nowMs: NOW }).ok).toBe(true);
  });

  it("lets a retried request replace its own hold instead of counting it twice", () => {
    const holds = { same: live(600) };
    const input = { used: 0, holds, estimate: 600, limit: 1_000, nowMs: NOW };
    expect(decideHold(input).ok).toBe(false);
    expect(decideHold({ ...input, requestId: "same" })).toEqual({ ok: true, remaining: 400 });
  });

  it("reports zero remaining when the user is already over the limit", () => {
    const decision = decideHold({ used: 1_200, holds: {}, estimate: 1, limit: 1_000, nowMs: NOW });
    expect(decision.ok === false && decision.remaining).toBe(0);
  });

  it("never admits a sequence of concurrent holds beyond the limit", () => {
    let holds = {};
    let admitted = 0;
    for (let i = 0; i < 50; i++) {
      const decision = decideHold({ used: 100, holds, estimate: 70, limit: 1_000, nowMs: NOW });
      if (decision.ok) {
        holds = placeHold(holds, `r${i}`, live(70), NOW);
        admitted++;
      }
    }
    expect(admitted).toBe(12);
    expect(100 + liveHolds(holds, NOW)).toBeLessThanOrEqual(1_000);
  });
});

describe("placeHold and settleHold", () => {
  it("places a hold and prunes expired ones", () => {
    const holds = placeHold({ old: expired(5), other: live(1) }, "new", live(9), NOW);
    expect(holds).toEqual({ other: live(1), new: live(9) });
  });

  it("charges actual tokens once and releases the hold", () => {
    const first = settleHold({
      used: 50,
      holds: { r: live(500) },
      requestId: "r",
      actualTokens: 120,
      nowMs: NOW,
    });
    expect(first).toEqual({ used: 170, holds: {}, charged: 120 });
    const again = settleHold({ ...first, requestId: "r", actualTokens: 120, nowMs: NOW });
    expect(again).toEqual({ used: 170, holds: {}, charged: 0 });
  });

  it("still charges a request whose hold expired but was not yet pruned", () => {
    const settled = settleHold({
      used: 0,
      holds: { r: expired(500) },
      requestId: "r",
      actualTokens: 10,
      nowMs: NOW,
    });
    expect(settled.used).toBe(10);
  });

  it("releases a failed request's hold at no charge", () => {
    const settled = settleHold({
      used: 5,
      holds: { r: live(500), s: live(3) },
      requestId: "r",
      actualTokens: 0,
      nowMs: NOW,
    });
    expect(settled).toEqual({ used: 5, holds: { s: live(3) }, charged: 0 });
  });

  it("refuses negative token counts", () => {
    expect(() =>
      settleHold({ used: 0, holds: {}, requestId: "r", actualTokens: -1, nowMs: NOW }),
    ).toThrow(RangeError);
  });
});

describe("QuotaDoc", () => {
  it("defaults holds to an empty map", () => {
    expect(QuotaDoc.parse({ uid: "u", period: "2025-03", used: 0 }).holds).toEqual({});
  });

  it("refuses a holds map carrying __proto__", () => {
    const doc: unknown = JSON.parse(
      '{"uid":"u","period":"2025-03","used":0,"holds":{"__proto__":{"tokens":1,"expiresAt":1}}}',
    );
    expect(QuotaDoc.safeParse(doc).success).toBe(false);
  });

  it("refuses negative or fractional usage", () => {
    expect(QuotaDoc.safeParse({ uid: "u", period: "2025-03", used: -1 }).success).toBe(false);
    expect(QuotaDoc.safeParse({ uid: "u", period: "2025-03", used: 1.5 }).success).toBe(false);
  });
});
