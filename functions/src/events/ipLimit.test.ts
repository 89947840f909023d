import { describe, expect, it } from "vitest";
import { createWindowLimiter } from "./ipLimit.js";

const NOW = 1_800_000_000_000;

describe("createWindowLimiter", () => {
  it("allows perMinute calls from one address in a minute and refuses the next", () => {
    const limiter = createWindowLimiter({ perMinute: 3, maxKeys: 10 });
    for (let i = 0; i < 3; i++) expect(limiter.take("10.0.0.1", NOW + i)).toEqual({ ok: true });
    expect(limiter.take("10.0.0.1", NOW + 15_000)).toEqual({ ok: false, retryAfterSeconds: 45 });
  });

  it("keeps addresses apart", () => {
    const limiter = createWindowLimiter({ perMinute: 1, maxKeys: 10 });
    expect(limiter.take("10.0.0.1", NOW).ok).toBe(true);
    expect(limiter.take("10.0.0.2", NOW).ok).toBe(true);
    expect(limiter.take("10.0.0.1", NOW).ok).toBe(false);
  });

  it("starts a new window a minute after the first call", () => {
    const limiter = createWindowLimiter({ perMinute: 1, maxKeys: 10 });
    expect(limiter.take("a", NOW).ok).toBe(true);
    expect(limiter.take("a", NOW + 59_999)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("a", NOW + 60_000).ok).toBe(true);
  });

  it("forgets the least recently seen address beyond maxKeys", () => {
    const limiter = createWindowLimiter({ perMinute: 1, maxKeys: 2 });
    limiter.take("a", NOW);
    limiter.take("b", NOW);
    limiter.take("c", NOW);
    expect(limiter.take("a", NOW).ok).toBe(true);
    expect(limiter.take("c", NOW).ok).toBe(false);
  });
});
