import { describe, expect, it } from "vitest";
import {
  UnknownModelError,
  costMicroUsd,
  costUsd,
  formatUsd,
  priceFor,
  sumUsd,
  type PricingTable,
} from "./pricing.js";

// A fixed table so the hand-checked sums below do not move when the defaults change.
const table: PricingTable = {
  "gpt-4.1-mini": { inputPerMTok: 0.4, cachedInputPerMTok: 0.1, outputPerMTok: 1.6 },
  "gpt-4.1-nano": { inputPerMTok: 0.1, cachedInputPerMTok: 0.025, outputPerMTok: 0.4 },
};

describe("costUsd", () => {
  it("prices input and output per million tokens", () => {
    const cost = costUsd(
      { model: "gpt-4.1-mini", inputTokens: 1_000_000, outputTokens: 1_000_000 },
      table,
    );
    expect(cost).toBe(2);
  });

  it("is exact to the micro-dollar where floats would drift", () => {
    // 1234 × $0.40/M + 567 × $1.60/M = 493.6 + 907.2 = 1400.8 µ$ → 1401 µ$
    const usage = { model: "gpt-4.1-mini", inputTokens: 1234, outputTokens: 567 };
    expect(costMicroUsd(usage, table)).toBe(1401);
    expect(costUsd(usage, table)).toBe(0.001401);
  });

  it("rounds half a micro-dollar up and less than half down", () => {
    const half: PricingTable = { m: { inputPerMTok: 0.5, outputPerMTok: 0 } };
    expect(costMicroUsd({ model: "m", inputTokens: 1, outputTokens: 0 }, half)).toBe(1);
    const less: PricingTable = { m: { inputPerMTok: 0.499999, outputPerMTok: 0 } };
    expect(costMicroUsd({ model: "m", inputTokens: 1, outputTokens: 0 }, less)).toBe(0);
  });

  it("does not accumulate error across many small prices", () => {
    const tiny: PricingTable = { m: { inputPerMTok: 0.1, outputPerMTok: 0.2 } };
    expect(costMicroUsd({ model: "m", inputTokens: 3_000_000, outputTokens: 0 }, tiny)).toBe(
      300_000,
    );
    expect(costUsd({ model: "m", inputTokens: 10, outputTokens: 20 }, tiny)).toBe(0.000005);
  });

  it("bills cached input at the cached price, or at the input price when none is set", () => {
    const usage = {
      model: "gpt-4.1-mini",
      inputTokens: 1_000_000,
      outputTokens: 0,
      cachedInputTokens: 500_000,
    };
    expect(costUsd(usage, table)).toBe(0.25);
    const noCachedPrice: PricingTable = { m: { inputPerMTok: 1, outputPerMTok: 1 } };
    expect(costUsd({ ...usage, model: "m" }, noCachedPrice)).toBe(1);
  });

  it("costs nothing for zero tokens", () => {
    expect(costUsd({ model: "gpt-4.1-nano", inputTokens: 0, outputTokens: 0 }, table)).toBe(0);
  });

  it("refuses impossible token counts", () => {
    expect(() =>
      costUsd({ model: "gpt-4.1-mini", inputTokens: -1, outputTokens: 0 }, table),
    ).toThrow(RangeError);
    expect(() =>
      costUsd({ model: "gpt-4.1-mini", inputTokens: 1.5, outputTokens: 0 }, table),
    ).toThrow(RangeError);
    expect(() =>
      costUsd(
        { model: "gpt-4.1-mini", inputTokens: 1, outputTokens: 0, cachedInputTokens: 2 },
        table,
      ),
    ).toThrow(/cannot exceed/);
  });
});

describe("priceFor", () => {
  it("prices a dated snapshot with its base model's entry", () => {
    expect(priceFor("gpt-4.1-mini-2025-04-14", table)).toBe(table["gpt-4.1-mini"]);
  });

  it("names an unknown model and where to add it", () => {
    expect(() => priceFor("gpt-9", table)).toThrow(UnknownModelError);
    expect(() => priceFor("gpt-9", table)).toThrow(
      'No price for model "gpt-9": add it to pricing in config/app',
    );
  });

  it("does not treat inherited object keys as models", () => {
    expect(() => priceFor("constructor", table)).toThrow(UnknownModelError);
    expect(() => priceFor("toString", table)).toThrow(UnknownModelError);
  });
});

describe("sumUsd and formatUsd", () => {
  it("adds amounts without float drift", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumUsd([0.1, 0.2])).toBe(0.3);
    expect(sumUsd([0.000001, 0.000002, 0.000003])).toBe(0.000006);
  });

  it("shows cents with grouping, and keeps sub-cent amounts visible", () => {
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(0.01)).toBe("$0.01");
    expect(formatUsd(0.000494)).toBe("$0.000494");
    expect(formatUsd(0.0012)).toBe("$0.0012");
  });

  it("refuses amounts that are not finite", () => {
    expect(() => formatUsd(Number.NaN)).toThrow(RangeError);
  });
});
