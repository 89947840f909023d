import { EMPTY_ROLLUP } from "@ideaspark/domain";
import { FieldValue } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { closedAtFor, rollupIncrements } from "./writeDemoBusiness.js";

describe("rollupIncrements", () => {
  it("turns every non-zero counter, nested ones too, into an increment of the given sign", () => {
    const fields = rollupIncrements(
      { ...EMPTY_ROLLUP, requests: 3, byStatus: { ok: 2, error: 0 }, campaignSignups: { x: 1 } },
      -1,
    );
    expect(Object.keys(fields).sort()).toEqual(["byStatus", "campaignSignups", "requests"]);
    expect((fields.requests as FieldValue).isEqual(FieldValue.increment(-3))).toBe(true);
    const byStatus = fields.byStatus as Record<string, FieldValue>;
    expect(Object.keys(byStatus)).toEqual(["ok"]);
    expect(byStatus.ok?.isEqual(FieldValue.increment(-2))).toBe(true);
  });
});

describe("closedAtFor", () => {
  it("closes a day five minutes after it ends, never later than now", () => {
    const now = Date.parse("2026-12-02T10:00:00Z");
    expect(closedAtFor("2026-11-30", now)).toBe(Date.parse("2026-12-01T00:05:00Z"));
    expect(closedAtFor("2026-12-01", Date.parse("2026-12-02T00:01:00Z"))).toBe(
      Date.parse("2026-12-02T00:01:00Z"),
    );
  });
});
