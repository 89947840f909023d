import { describe, expect, it } from "vitest";
import { decideRate } from "./rateLimit.js";

const NOW = 1_700_000_000_000;

describe("decideRate", () => {
  it("allows the first request and records it", () => {
    expect(decideRate({ recent: [], nowMs: NOW, perMinute: 3 })).toEqual({
      ok: true,
      recent: [NOW],
    });
  });

  it("allows up to perMinute requests in a minute and refuses the next", () => {
    const recent = [NOW - 30_000, NOW - 20_000];
    const third = decideRate({ recent, nowMs: NOW, perMinute: 3 });
    expect(third).toEqual({ ok: true, recent: [...recent, NOW] });
    const fourth = decideRate({ recent: [...recent, NOW], nowMs: NOW + 1, perMinute: 3 });
    expect(fourth).toEqual({ ok: false, retryAfterSeconds: 30 });
  });

  it("forgets requests older than a minute, at exactly 60 s", () => {
    const recent = [NOW - 60_000, NOW - 59_999];
    const decision = decideRate({ recent, nowMs: NOW, perMinute: 2 });
    expect(decision).toEqual({ ok: true, recent: [NOW - 59_999, NOW] });
  });

  it("says to wait at least one second, rounding up", () => {
    const recent = [NOW - 59_999];
    expect(decideRate({ recent, nowMs: NOW, perMinute: 1 })).toEqual({
      ok: false,
      retryAfterSeconds: 1,
    });
    expect(decideRate({ recent: [NOW - 58_500], nowMs: NOW, perMinute: 1 })).toEqual({
      ok: false,
      retryAfterSeconds: 2,
    });
  });

  it("sorts, drops junk and keeps the stored list no longer than perMinute", () => {
    const recent = [NOW - 1_000, Number.NaN, NOW - 5_000, NOW - 3_000];
    const decision = decideRate({ recent, nowMs: NOW, perMinute: 10 });
    expect(decision).toEqual({ ok: true, recent: [NOW - 5_000, NOW - 3_000, NOW - 1_000, NOW] });
  });

  it("refuses a list that a lower limit has already overflowed, until enough expire", () => {
    const recent = [NOW - 50_000, NOW - 40_000, NOW - 10_000];
    expect(decideRate({ recent, nowMs: NOW, perMinute: 2 })).toEqual({
      ok: false,
      retryAfterSeconds: 20,
    });
  });

  it("refuses a limit below 1", () => {
    expect(() => decideRate({ recent: [], nowMs: NOW, perMinute: 0 })).toThrow(RangeError);
  });
});
