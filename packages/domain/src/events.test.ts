import { describe, expect, it } from "vitest";
import {
  decideTrackRate,
  EventDoc,
  landingRollup,
  TRACK_LIMITS,
  TrackRequest,
  TrackResult,
} from "./events.js";
import { describeIssues } from "./issues.js";
import { EMPTY_ROLLUP } from "./rollups.js";

const NOW = 1_800_000_000_000;
const EVENT_ID = "0f3c9a7be2d14c5f8a6b1c2d3e4f5a6b";
const VISITOR_ID = "v_8d1a4c479a521d2b3c4d5e6f";
const valid = (overrides: Record<string, unknown> = {}) => ({
  eventId: EVENT_ID,
  name: "upgrade_clicked",
  visitorId: VISITOR_ID,
  props: { from: "usage", offline: false, count: 2 },
  ...overrides,
});

function problem(data: unknown): string {
  const result = TrackRequest.safeParse(data);
  if (result.success) throw new Error("expected the request to be refused");
  return describeIssues(result.error);
}

describe("TrackRequest", () => {
  it("accepts a client event with flat props", () => {
    expect(TrackRequest.parse(valid())).toEqual(valid());
  });

  it("accepts a landing_view with the landing URL's attribution", () => {
    const attribution = {
      utm_source: "ads",
      ref: "friend",
      landingPath: "/welcome",
      capturedAt: NOW,
    };
    expect(TrackRequest.parse(valid({ name: "landing_view", attribution }))).toMatchObject({
      name: "landing_view",
      attribution,
    });
  });

  it("defaults missing props to none", () => {
    const { props: _props, ...withoutProps } = valid();
    expect(TrackRequest.parse(withoutProps).props).toEqual({});
  });

  it.each(["signup", "spark_completed", "spark_submitted", "quota_reached", "email_verified"])(
    "refuses the server-derived name %s, saying the server records it",
    (name) => {
      expect(problem(valid({ name }))).toMatch(`name "${name}" is recorded by the server`);
    },
  );

  it("refuses an unknown name, listing the allowed ones", () => {
    expect(problem(valid({ name: "purchase" }))).toMatch(
      "name must be one of: landing_view, upgrade_clicked, install_prompted, installed",
    );
  });

  it.each([
    ["a short eventId", { eventId: "abc" }, /eventId must be 20–40/],
    ["an eventId with a slash", { eventId: `${EVENT_ID.slice(0, 20)}/x` }, /eventId must be/],
    ["a 41-character eventId", { eventId: "e".repeat(41) }, /eventId must be/],
    ["a missing visitorId", { visitorId: undefined }, /visitorId/],
    ["a visitorId with spaces", { visitorId: "a visitor id with spaces" }, /visitorId must be/],
    ["an extra field", { uid: "alice" }, /unknown field "uid"/],
    ["props that are not an object", { props: "a=1" }, /props must be an object/],
    ["a list as props", { props: [1, 2] }, /props must be an object/],
    ["a nested prop", { props: { nested: { a: 1 } } }, /props values must be/],
    ["a list prop", { props: { ideas: [1, 2] } }, /props values must be/],
    ["a null prop", { props: { a: null } }, /props values must be/],
    ["a 201-character prop", { props: { topic: "x".repeat(201) } }, /at most 200 characters/],
    ["a multi-line prop", { props: { topic: "a\nb" } }, /single line/],
    ["a 41-character key", { props: { ["k".repeat(41)]: 1 } }, /props keys must be/],
    ["a key with a dot", { props: { "a.b": 1 } }, /props keys must be/],
    ["a NaN prop", { props: { n: Number.NaN } }, /props values must be/],
    [
      "11 props",
      { props: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, i])) },
      /at most 10 entries \(got 11\)/,
    ],
    [
      "attribution on another event",
      { attribution: { landingPath: "/", capturedAt: NOW } },
      /only sent with landing_view/,
    ],
  ])("refuses %s, naming the field", (_name, overrides, message) => {
    expect(problem(valid(overrides))).toMatch(message);
  });

  it("refuses a __proto__ prop without polluting anything", () => {
    const props = JSON.parse('{"__proto__": {"admin": true}}') as unknown;
    expect(problem(valid({ props }))).toMatch(/"__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("accepts ten props of 200 characters, emoji counting once", () => {
    const props = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`p${i}`, i === 0 ? "🎉".repeat(200) : "x".repeat(200)]),
    );
    expect(TrackRequest.parse(valid({ props })).props).toEqual(props);
  });
});

describe("TrackResult and EventDoc", () => {
  it("parse what the callable answers and stores", () => {
    expect(TrackResult.parse({ recorded: false })).toEqual({ recorded: false });
    const doc = {
      name: "landing_view",
      at: NOW,
      uid: null,
      visitorId: VISITOR_ID,
      props: {},
      campaignId: "spring",
    };
    expect(EventDoc.parse(doc)).toEqual(doc);
    expect(EventDoc.safeParse({ ...doc, name: "signup" }).success).toBe(false);
  });
});

describe("decideTrackRate", () => {
  const full = (n: number) => Array.from({ length: n }, (_, i) => NOW - 50_000 + i);

  it("allows a signed-out visitor's event and records it for the visitor only", () => {
    expect(decideTrackRate({ visitor: [], account: null, nowMs: NOW })).toEqual({
      ok: true,
      visitor: [NOW],
      account: null,
    });
  });

  it("records a signed-in event against both the visitor and the account", () => {
    expect(decideTrackRate({ visitor: [NOW - 1], account: [NOW - 2], nowMs: NOW })).toEqual({
      ok: true,
      visitor: [NOW - 1, NOW],
      account: [NOW - 2, NOW],
    });
  });

  it("refuses the visitor's event past the per-minute limit", () => {
    const decision = decideTrackRate({
      visitor: full(TRACK_LIMITS.visitor),
      account: null,
      nowMs: NOW,
    });
    expect(decision).toEqual({ ok: false, retryAfterSeconds: 10, limitedBy: "visitor" });
  });

  it("refuses an account that switches browsers to get around the limit", () => {
    const decision = decideTrackRate({
      visitor: [],
      account: full(TRACK_LIMITS.account),
      nowMs: NOW,
    });
    expect(decision).toMatchObject({ ok: false, limitedBy: "account" });
  });

  it("allows again once the oldest event is more than a minute old", () => {
    const decision = decideTrackRate({
      visitor: full(TRACK_LIMITS.visitor),
      account: null,
      nowMs: NOW + 10_001,
    });
    expect(decision.ok).toBe(true);
  });
});

describe("landingRollup", () => {
  it("counts a landing for its campaign", () => {
    expect(landingRollup("spring")).toEqual({
      ...EMPTY_ROLLUP,
      landings: 1,
      campaignLandings: { spring: 1 },
    });
  });

  it("counts a landing that matched no campaign in the total only", () => {
    expect(landingRollup(null)).toEqual({ ...EMPTY_ROLLUP, landings: 1 });
  });
});
