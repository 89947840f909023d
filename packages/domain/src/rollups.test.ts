import { describe, expect, it } from "vitest";
import {
  addRollups,
  EMPTY_ROLLUP,
  latencyBucket,
  latencyPercentile,
  rebuildRollups,
  rollupOf,
  rollupWeekOf,
} from "./rollups.js";
import { UsageRecord } from "./usage.js";

const record = (overrides: Record<string, unknown>) =>
  UsageRecord.parse({
    uid: "u1",
    requestId: "r",
    sparkId: "r",
    model: "m",
    inputTokens: 300,
    outputTokens: 200,
    costUsd: 0.000125,
    providerUsage: { inputTokens: 600, outputTokens: 250, cachedInputTokens: 0, costUsd: 0.000185 },
    attemptLog: [
      {
        kind: "moderation",
        model: "mod",
        inputTokens: 0,
        outputTokens: 0,
        cachedInputTokens: 0,
        costUsd: 0,
        outcome: "ok",
        estimated: false,
      },
      {
        kind: "generation",
        model: "m",
        inputTokens: 300,
        outputTokens: 50,
        cachedInputTokens: 0,
        costUsd: 0.00006,
        outcome: "dropped",
        estimated: true,
      },
      {
        kind: "generation",
        model: "m",
        inputTokens: 300,
        outputTokens: 200,
        cachedInputTokens: 0,
        costUsd: 0.000125,
        outcome: "ok",
        estimated: false,
        ideas: 2,
      },
    ],
    cached: false,
    estimated: true,
    latencyMs: 1_200,
    attempts: 2,
    status: "ok",
    period: "2026-12",
    createdAt: Date.UTC(2026, 11, 2, 23, 59),
    ...overrides,
  });

describe("rollupOf", () => {
  it("counts a request's provider bill and the person's charge separately, in micro-dollars", () => {
    expect(rollupOf(record({}), true)).toEqual({
      ...EMPTY_ROLLUP,
      requests: 1,
      byStatus: { ok: 1 },
      errorsByKind: {},
      cached: 0,
      activeUsers: 1,
      providerCostMicros: 185,
      chargedCostMicros: 125,
      providerInputTokens: 600,
      providerOutputTokens: 250,
      chargedTokens: 500,
      generationCalls: 2,
      estimatedCalls: 1,
      latency: { "2000": 1 },
    });
  });

  it("puts a failed request under its error kind and does not count a returning user again", () => {
    const rollup = rollupOf(record({ status: "error", errorCode: "provider-unavailable" }), false);
    expect(rollup).toMatchObject({
      byStatus: { error: 1 },
      errorsByKind: { "provider-unavailable": 1 },
      activeUsers: 0,
    });
  });
});

describe("rollupOf by campaign", () => {
  it("adds the request and its provider cost under the account's campaign", () => {
    const rollup = rollupOf(record({ campaignId: "spring" }), false);
    expect(rollup.campaignRequests).toEqual({ spring: 1 });
    expect(rollup.campaignCostMicros).toEqual({ spring: 185 });
    expect(rollupOf(record({}), false).campaignRequests).toEqual({});
  });
});

describe("rebuildRollups", () => {
  it("sums settled records by UTC day, each account active once a day, pending ones left out", () => {
    const days = rebuildRollups([
      record({ requestId: "a" }),
      record({ requestId: "b", createdAt: Date.UTC(2026, 11, 2, 8) }),
      record({ requestId: "c", uid: "u2", createdAt: Date.UTC(2026, 11, 3, 0, 1) }),
      record({ requestId: "d", status: "pending" }),
    ]);
    expect([...days.keys()].sort()).toEqual(["2026-12-02", "2026-12-03"]);
    expect(days.get("2026-12-02")).toMatchObject({
      requests: 2,
      activeUsers: 1,
      providerCostMicros: 370,
    });
    expect(days.get("2026-12-03")).toMatchObject({ requests: 1, activeUsers: 1 });
  });

  it("agrees with adding the increments one by one", () => {
    const a = rollupOf(record({}), true);
    const b = rollupOf(record({ status: "cancelled", latencyMs: 90_000 }), false);
    expect(addRollups(addRollups(EMPTY_ROLLUP, a), b)).toEqual(
      rebuildRollups([
        record({}),
        record({ requestId: "x", status: "cancelled", latencyMs: 90_000 }),
      ]).get("2026-12-02"),
    );
  });
});

describe("latency", () => {
  it("buckets by upper bound and reads percentiles from the buckets", () => {
    expect(latencyBucket(250)).toBe("250");
    expect(latencyBucket(251)).toBe("500");
    expect(latencyBucket(70_000)).toBe("inf");
    const rollup = { ...EMPTY_ROLLUP, latency: { "500": 50, "2000": 45, "16000": 5 } };
    expect(latencyPercentile(rollup, 0.5)).toBe(500);
    expect(latencyPercentile(rollup, 0.95)).toBe(2_000);
    expect(latencyPercentile(rollup, 0.99)).toBe(16_000);
    expect(latencyPercentile(EMPTY_ROLLUP, 0.5)).toBeNull();
  });
});

describe("rollupWeekOf", () => {
  it("names a day's week by its Monday, across month and year ends", () => {
    expect(rollupWeekOf("2026-12-02")).toBe("2026-11-30");
    expect(rollupWeekOf("2026-11-30")).toBe("2026-11-30");
    expect(rollupWeekOf("2026-12-06")).toBe("2026-11-30");
    expect(rollupWeekOf("2027-01-01")).toBe("2026-12-28");
  });
});
