import { describe, expect, it } from "vitest";
import { attemptCostUsd, chargeFor, providerTotals } from "./ledger.js";
import type { AttemptRecord } from "./usage.js";

const attempt = (overrides: Partial<AttemptRecord>): AttemptRecord => ({
  kind: "generation",
  model: "m",
  inputTokens: 300,
  outputTokens: 700,
  cachedInputTokens: 0,
  reasoningTokens: 0,
  costUsd: 0.000415,
  outcome: "ok",
  estimated: false,
  ideas: 2,
  ...overrides,
});
const moderation = attempt({
  kind: "moderation",
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  ideas: 0,
});

describe("providerTotals", () => {
  it("sums every attempt, failed ones and moderation included, exact to the micro-dollar", () => {
    const totals = providerTotals([
      moderation,
      attempt({ outcome: "dropped", ideas: 0, outputTokens: 33, costUsd: 0.000001 }),
      attempt({ cachedInputTokens: 128, costUsd: 0.000002 }),
      attempt({ costUsd: 0.1 }),
    ]);
    expect(totals).toEqual({
      inputTokens: 900,
      outputTokens: 1433,
      cachedInputTokens: 128,
      costUsd: 0.100003,
    });
  });

  it("is zero for a request that never reached a provider", () => {
    expect(providerTotals([])).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      cachedInputTokens: 0,
      costUsd: 0,
    });
  });
});

describe("attemptCostUsd", () => {
  it("prices cached input at the cached rate and a dated snapshot at its alias's price", () => {
    const pricing = { m: { inputPerMTok: 1, cachedInputPerMTok: 0.1, outputPerMTok: 4 } };
    // 1000 fresh × $1/M + 1000 cached × $0.10/M + 500 × $4/M = 1000 + 100 + 2000 µ$
    expect(
      attemptCostUsd(
        { model: "m-2026-01-01", inputTokens: 2000, cachedInputTokens: 1000, outputTokens: 500 },
        pricing,
      ),
    ).toBe(0.0031);
  });
});

const pricing = { m: { inputPerMTok: 0.1, outputPerMTok: 0.5 } };

describe("chargeFor", () => {
  it("stops the charge of a call where the person left, though the provider bills all of it", () => {
    const charge = chargeFor({
      status: "cancelled",
      cached: false,
      capTokens: 10_000,
      pricing,
      attempts: [
        attempt({ outcome: "cancelled", ideas: 1, deliveredOutputTokens: 100, costUsd: 0.00038 }),
      ],
    });
    // 300 in × $0.10/M + 100 delivered out × $0.50/M = 30 + 50 µ$
    expect(charge).toEqual({ inputTokens: 300, outputTokens: 100, costUsd: 0.00008 });
  });

  it("charges the attempts whose ideas reached the person, not the failed ones before them", () => {
    const charge = chargeFor({
      status: "ok",
      cached: false,
      capTokens: 10_000,
      pricing,
      attempts: [
        moderation,
        attempt({ outcome: "failed", ideas: 0, inputTokens: 300, outputTokens: 0 }),
        attempt({ outcome: "dropped", ideas: 1, outputTokens: 200, costUsd: 0.00013 }),
        attempt({ ideas: 1, inputTokens: 350, outputTokens: 300, costUsd: 0.000185 }),
      ],
    });
    expect(charge).toEqual({ inputTokens: 650, outputTokens: 500, costUsd: 0.000315 });
  });

  it("charges nothing for a cache hit, a refusal before any idea, or an error", () => {
    const failed = [moderation, attempt({ outcome: "failed", ideas: 0 })];
    for (const status of ["ok", "refused", "error"] as const) {
      expect(
        chargeFor({
          status,
          cached: status === "ok",
          attempts: failed,
          capTokens: 10_000,
          pricing,
        }),
      ).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    }
  });

  it("charges a cancelled request for the ideas that arrived before the person left", () => {
    const charge = chargeFor({
      status: "cancelled",
      cached: false,
      capTokens: 10_000,
      pricing,
      attempts: [attempt({ outcome: "cancelled", ideas: 1, outputTokens: 120, costUsd: 0.00009 })],
    });
    expect(charge).toEqual({ inputTokens: 300, outputTokens: 120, costUsd: 0.00009 });
  });

  it("never charges more than the hold: output trimmed first, cost in proportion", () => {
    const charge = chargeFor({
      status: "ok",
      cached: false,
      capTokens: 1_500,
      pricing,
      attempts: [
        attempt({ outcome: "dropped", ideas: 1, costUsd: 0.0004 }),
        attempt({ ideas: 1, costUsd: 0.0004 }),
      ],
    });
    // 2000 tokens for $0.0008 capped at 1500: input 600 kept, output 900, $0.0006.
    expect(charge).toEqual({ inputTokens: 600, outputTokens: 900, costUsd: 0.0006 });
  });
});

describe("UsageRecord", () => {
  it("reads a record written before the ledger had requestId, taking it from sparkId", async () => {
    const { UsageRecord } = await import("./usage.js");
    const old = {
      uid: "u1",
      sparkId: "s1",
      model: "m",
      inputTokens: 1,
      outputTokens: 2,
      costUsd: 0,
      cached: false,
      estimated: false,
      latencyMs: 3,
      attempts: 1,
      status: "ok",
      period: "2026-11",
      createdAt: 4,
    };
    expect(UsageRecord.parse(old)).toMatchObject({ requestId: "s1", attemptLog: [] });
  });
});
