// The spark handler's ordering with its data and model faked: moderation and the cache lookup
// run beside the reservation, yet nothing reaches the caller or the model before moderation
// passes, and a refused reservation stops them and records nothing.
import {
  DEFAULT_APP_CONFIG,
  DomainError,
  type AppConfig,
  type Idea,
  type SparkChunk,
} from "@ideaspark/domain";
import { sampleIdea } from "@ideaspark/domain/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ModelClient, ModerationResult, StreamRequest } from "../ai/modelClient.js";
import type { SettleResult, Settlement } from "../data/ledger.js";
import type { Reservation } from "../data/quotas.js";
import type { CacheEntry } from "../data/sparkCache.js";
import { handleSpark, type SparkDeps } from "./handleSpark.js";
import type { SparkData } from "./sparkData.js";

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const ideas = (count: number): Idea[] =>
  Array.from({ length: count }, (_, i) => ({ ...sampleIdea, title: `${sampleIdea.title} ${i}` }));
const PASSED: ModerationResult = { flagged: false, categories: [], model: "omni-moderation" };
const FLAGGED: ModerationResult = { flagged: true, categories: ["violence"], model: "omni" };
const RESERVED = {
  kind: "reserved",
  plan: "free",
  limit: 1_000_000,
  holdTokens: 5_000,
  aiDataUseConsent: false,
} satisfies Reservation;
const config: AppConfig = { ...DEFAULT_APP_CONFIG, monthlyBudgetUsd: 100 };

/**
 * The handler with every dependency faked; each step's result is the test's to give.
 * `plain` replaces fakes with plain functions: a vi.fn watches the promises it returns, so a
 * rejection it hands out never counts as unhandled.
 */
function harness(plain: Partial<SparkData> = {}) {
  const moderation = deferred<ModerationResult>();
  const reservation = deferred<Reservation>();
  const moderationSignals: AbortSignal[] = [];
  const streams: StreamRequest[] = [];
  const chunks: SparkChunk[] = [];
  const settlements: ReturnType<Settlement["build"]>[] = [];
  const caller = new AbortController();

  const client: ModelClient = {
    moderate: (_input, _model, signal) => {
      moderationSignals.push(signal);
      // Like the SDK: an aborted call rejects.
      signal.addEventListener("abort", () => moderation.reject(new Error("aborted")));
      return moderation.promise;
    },
    stream: async (request) => {
      streams.push(request);
      const text = JSON.stringify({ ideas: ideas(2) });
      request.onText(text);
      return {
        text,
        usage: { inputTokens: 100, outputTokens: 200, cachedInputTokens: 0 },
        end: { kind: "completed" },
        model: `${request.model}-2026-01-01`,
      };
    },
  };
  const data = {
    reserveSpark: vi.fn(() => reservation.promise),
    abandonReservation: vi.fn(async () => undefined),
    settleSpark: vi.fn(async (s: Settlement): Promise<SettleResult> => {
      const built = s.build(RESERVED.holdTokens);
      settlements.push(built);
      return { kind: "settled", ...built };
    }),
    monthSpendUsd: vi.fn(async () => 0),
    loadCampaigns: vi.fn(async () => []),
    lookupCachedIdeas: vi.fn(async (): Promise<CacheEntry | null> => null),
    storeCachedIdeas: vi.fn(async () => undefined),
  } satisfies SparkData;
  const deps: SparkDeps = {
    client: () => client,
    cacheTtlMs: 0,
    safetyIdentifier: (uid) => `safe-${uid}`,
    loadConfig: async () => config,
    data: { ...data, ...plain },
  };
  const run = (count = 2) =>
    handleSpark(
      {
        uid: "alice",
        emailVerified: true,
        data: {
          requestId: "7b0f3c7e-1d2a-4c47-9a53-3f0e5b8d2c11",
          brief: { topic: "Quiet coffee shop events", count },
        },
        emit: (chunk) => chunks.push(chunk),
        signal: caller.signal,
      },
      deps,
    );
  return {
    moderation,
    reservation,
    moderationSignals,
    streams,
    chunks,
    settlements,
    caller,
    data,
    run,
  };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  await settle();
  process.off("unhandledRejection", onUnhandled);
  // No speculative promise may be left rejected with nobody listening.
  expect(unhandled).toEqual([]);
});

describe("handleSpark: moderation and the cache beside the reservation", () => {
  it("starts moderation and the cache lookup while the reservation is still running", async () => {
    const h = harness();
    const result = h.run();
    // The cache key is a Web Crypto digest: it is ready a moment later.
    await vi.waitFor(() => expect(h.data.lookupCachedIdeas).toHaveBeenCalledTimes(1));

    expect(h.data.reserveSpark).toHaveBeenCalledTimes(1);
    expect(h.moderationSignals).toHaveLength(1);
    expect(h.chunks).toEqual([]);

    h.moderation.resolve(PASSED);
    h.reservation.resolve(RESERVED);
    const final = await result;
    expect(final.ideas).toHaveLength(2);
    expect(h.streams).toHaveLength(1);
    const [settled] = h.settlements;
    expect(settled?.usage.attemptLog.map((a) => [a.kind, a.outcome])).toEqual([
      ["moderation", "ok"],
      ["generation", "ok"],
    ]);
  });

  it("shows the caller 'moderating' then 'thinking' before any idea", async () => {
    const h = harness();
    h.moderation.resolve(PASSED);
    h.reservation.resolve(RESERVED);
    await h.run();

    const kinds = h.chunks.map((c) => (c.type === "status" ? c.phase : c.type));
    expect(kinds).toEqual(["moderating", "thinking", "idea", "idea"]);
  });

  it("never calls the model when moderation flags the brief after the reservation succeeded, and charges nothing", async () => {
    const h = harness();
    h.reservation.resolve(RESERVED);
    const result = h.run();
    await settle();
    h.moderation.resolve(FLAGGED);

    await expect(result).rejects.toMatchObject({ kind: "moderation-refused" });
    expect(h.streams).toEqual([]);
    expect(h.chunks.some((c) => c.type === "idea")).toBe(false);
    const [settled] = h.settlements;
    expect(settled?.usage.status).toBe("refused");
    expect(settled?.charge).toMatchObject({ inputTokens: 0, outputTokens: 0, costUsd: 0 });
    expect(settled?.usage.attemptLog.map((a) => a.outcome)).toEqual(["flagged"]);
  });

  it("does not hand out a cached answer before moderation passes, nor at all when it flags", async () => {
    const h = harness();
    h.data.lookupCachedIdeas.mockResolvedValue({ ideas: ideas(2), model: "m", createdAt: 1 });
    h.reservation.resolve(RESERVED);
    const result = h.run();
    await vi.waitFor(() => expect(h.data.lookupCachedIdeas).toHaveBeenCalled());
    await settle();
    // The cache has answered and the reservation holds; moderation has not.
    expect(h.chunks.some((c) => c.type === "idea")).toBe(false);

    h.moderation.resolve(FLAGGED);
    await expect(result).rejects.toMatchObject({ kind: "moderation-refused" });
    expect(h.chunks.some((c) => c.type === "idea")).toBe(false);
    expect(h.settlements[0]?.usage).toMatchObject({ status: "refused", cached: false });
  });

  it("answers from the cache once moderation passes, recording the moderation call", async () => {
    const h = harness();
    h.data.lookupCachedIdeas.mockResolvedValue({ ideas: ideas(2), model: "m", createdAt: 1 });
    h.reservation.resolve(RESERVED);
    h.moderation.resolve(PASSED);
    const final = await h.run();

    expect(final).toMatchObject({ cached: true });
    expect(h.streams).toEqual([]);
    expect(h.settlements[0]?.usage.attemptLog.map((a) => a.kind)).toEqual(["moderation"]);
  });

  it("stops moderation and records nothing when the reservation finds the request running", async () => {
    const h = harness();
    const result = h.run();
    await settle();
    h.reservation.resolve({ kind: "in-progress" });

    await expect(result).rejects.toMatchObject({ kind: "in-progress" });
    expect(h.moderationSignals[0]?.aborted).toBe(true);
    expect(h.streams).toEqual([]);
    expect(h.data.settleSpark).not.toHaveBeenCalled();
    expect(h.data.abandonReservation).not.toHaveBeenCalled();
  });

  it("stops moderation when the reservation refuses over the quota, even if moderation would flag", async () => {
    const h = harness();
    const result = h.run();
    await settle();
    h.moderation.resolve(FLAGGED);
    h.reservation.reject(DomainError.quotaExhausted(new Date(Date.UTC(2027, 0, 1))));

    await expect(result).rejects.toMatchObject({ kind: "quota-exhausted" });
    expect(h.moderationSignals[0]?.aborted).toBe(true);
    expect(h.data.settleSpark).not.toHaveBeenCalled();
  });

  it("leaves no rejection unhandled when the reservation refuses and every read beside it failed", async () => {
    let lookedUp = false;
    const h = harness({
      lookupCachedIdeas: () => {
        lookedUp = true;
        return Promise.reject(new Error("cache unavailable"));
      },
      monthSpendUsd: () => Promise.reject(new Error("budget unavailable")),
      loadCampaigns: () => Promise.reject(new Error("campaigns unavailable")),
    });
    const result = h.run();
    await settle();
    await vi.waitFor(() => expect(lookedUp).toBe(true));
    h.reservation.reject(DomainError.rateLimited(30));

    await expect(result).rejects.toMatchObject({ kind: "rate-limited" });
    expect(h.moderationSignals[0]?.aborted).toBe(true);
  });

  it("undoes the reservation and stops moderation when the budget refuses", async () => {
    const h = harness();
    h.data.monthSpendUsd.mockResolvedValue(500);
    const result = h.run();
    await settle();
    h.reservation.resolve(RESERVED);

    await expect(result).rejects.toMatchObject({ kind: "budget-exhausted" });
    expect(h.moderationSignals[0]?.aborted).toBe(true);
    expect(h.data.abandonReservation).toHaveBeenCalledWith(
      "alice",
      expect.any(String),
      "7b0f3c7e-1d2a-4c47-9a53-3f0e5b8d2c11",
      expect.any(Number),
    );
    expect(h.data.settleSpark).not.toHaveBeenCalled();
    expect(h.streams).toEqual([]);
  });

  it("undoes the reservation when the month's spend cannot be read", async () => {
    const h = harness();
    h.data.monthSpendUsd.mockRejectedValue(new Error("budget unavailable"));
    h.reservation.resolve(RESERVED);

    await expect(h.run()).rejects.toThrow("budget unavailable");
    expect(h.data.abandonReservation).toHaveBeenCalledTimes(1);
    expect(h.moderationSignals[0]?.aborted).toBe(true);
  });

  it("settles as cancelled, with no model call, when the caller leaves during the reservation", async () => {
    const h = harness();
    const result = h.run();
    await settle();
    h.caller.abort();
    h.reservation.resolve(RESERVED);

    await expect(result).rejects.toMatchObject({ kind: "cancelled" });
    expect(h.streams).toEqual([]);
    expect(h.settlements[0]?.usage).toMatchObject({ status: "cancelled", costUsd: 0 });
    expect(h.settlements[0]?.usage.attemptLog.map((a) => a.outcome)).toEqual(["cancelled"]);
  });

  it("answers as a miss when the cache read fails", async () => {
    const h = harness();
    h.data.lookupCachedIdeas.mockRejectedValue(new Error("cache unavailable"));
    h.reservation.resolve(RESERVED);
    h.moderation.resolve(PASSED);

    const final = await h.run();
    expect(final).toMatchObject({ cached: false });
    expect(h.streams).toHaveLength(1);
  });

  it("reads the campaigns again at settlement when the early read failed", async () => {
    const h = harness();
    h.data.loadCampaigns.mockRejectedValueOnce(new Error("campaigns unavailable"));
    h.reservation.resolve(RESERVED);
    h.moderation.resolve(PASSED);

    await h.run();
    expect(h.data.loadCampaigns).toHaveBeenCalledTimes(2);
    expect(h.data.settleSpark).toHaveBeenCalledTimes(1);
  });
});
