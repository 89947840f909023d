import { EMPTY_ROLLUP, type CampaignEntry } from "@ideaspark/domain";
import { describe, expect, it, vi } from "vitest";
import type { RecordEventInput } from "../data/events.js";
import { createWindowLimiter } from "./ipLimit.js";
import { handleTrack, type TrackDeps } from "./track.js";

const NOW = 1_800_000_000_000;
const EVENT_ID = "0f3c9a7be2d14c5f8a6b1c2d3e4f5a6b";
const VISITOR_ID = "8d1a4c479a521d2b3c4d5e6f7a8b9c0d";
const SPRING: CampaignEntry = {
  id: "spring",
  campaign: { utmSource: "news", utmMedium: null, utmCampaign: "spring", referralCode: null },
};

function deps(overrides: Partial<TrackDeps> = {}) {
  const recorded: RecordEventInput[] = [];
  const campaigns = vi.fn(async () => [SPRING]);
  const all: TrackDeps = {
    now: () => NOW,
    campaigns,
    record: async (input) => {
      recorded.push(input);
      return true;
    },
    ipLimiter: createWindowLimiter({ perMinute: 100, maxKeys: 10 }),
    ...overrides,
  };
  return { deps: all, recorded, campaigns };
}

const landing = (attribution: Record<string, unknown> | undefined) => ({
  eventId: EVENT_ID,
  name: "landing_view",
  visitorId: VISITOR_ID,
  props: { path: "/welcome" },
  ...(attribution ? { attribution } : {}),
});

describe("handleTrack", () => {
  it("records a signed-out landing credited to the campaign its link matched", async () => {
    const { deps: d, recorded } = deps();
    const attribution = {
      utm_source: "news",
      utm_campaign: "spring",
      landingPath: "/welcome",
      capturedAt: NOW,
    };
    await expect(
      handleTrack({ uid: null, ip: "10.0.0.1", data: landing(attribution) }, d),
    ).resolves.toEqual({ recorded: true });
    expect(recorded).toEqual([
      {
        eventId: EVENT_ID,
        event: {
          name: "landing_view",
          at: NOW,
          uid: null,
          visitorId: VISITOR_ID,
          props: { path: "/welcome" },
          campaignId: "spring",
        },
        rollup: { ...EMPTY_ROLLUP, landings: 1, campaignLandings: { spring: 1 } },
      },
    ]);
  });

  it("counts a landing whose link matches no campaign with campaignId null", async () => {
    const { deps: d, recorded } = deps();
    const attribution = { utm_source: "elsewhere", landingPath: "/welcome", capturedAt: NOW };
    await handleTrack({ uid: null, ip: null, data: landing(attribution) }, d);
    expect(recorded[0]?.event.campaignId).toBeNull();
    expect(recorded[0]?.rollup).toEqual({ ...EMPTY_ROLLUP, landings: 1 });
  });

  it("does not read the campaigns for a landing without a utm_source or referral code", async () => {
    const { deps: d, recorded, campaigns } = deps();
    await handleTrack({ uid: null, ip: null, data: landing(undefined) }, d);
    expect(campaigns).not.toHaveBeenCalled();
    expect(recorded[0]?.rollup).toEqual({ ...EMPTY_ROLLUP, landings: 1 });
  });

  it("records the signed-in caller's uid and adds nothing to the rollup for other events", async () => {
    const { deps: d, recorded } = deps();
    const data = {
      eventId: EVENT_ID,
      name: "upgrade_clicked",
      visitorId: VISITOR_ID,
      props: { from: "usage" },
    };
    await handleTrack({ uid: "alice", ip: null, data }, d);
    expect(recorded[0]?.event).toMatchObject({
      name: "upgrade_clicked",
      uid: "alice",
      campaignId: null,
    });
    expect(recorded[0]?.rollup).toBeNull();
  });

  it("answers recorded: false for an event id recorded before", async () => {
    const { deps: d } = deps({ record: async () => false });
    await expect(
      handleTrack({ uid: null, ip: null, data: landing(undefined) }, d),
    ).resolves.toEqual({ recorded: false });
  });

  it.each([
    ["signup", { name: "signup" }, /"signup" is recorded by the server/],
    ["spark_completed", { name: "spark_completed" }, /"spark_completed" is recorded by the server/],
    ["a nested prop", { props: { a: { b: 1 } } }, /props values must be/],
  ])("refuses %s with invalid-argument, recording nothing", async (_name, overrides, message) => {
    const { deps: d, recorded } = deps();
    const attempt = handleTrack(
      { uid: "alice", ip: null, data: { ...landing(undefined), ...overrides } },
      d,
    );
    await expect(attempt).rejects.toMatchObject({
      kind: "invalid-argument",
      message: expect.stringMatching(message),
    });
    expect(recorded).toEqual([]);
  });

  it("refuses an address past its per-minute backstop before looking at the request", async () => {
    const { deps: d, recorded } = deps({
      ipLimiter: createWindowLimiter({ perMinute: 1, maxKeys: 10 }),
    });
    await handleTrack({ uid: null, ip: "10.0.0.9", data: landing(undefined) }, d);
    const second = handleTrack({ uid: null, ip: "10.0.0.9", data: { nonsense: true } }, d);
    await expect(second).rejects.toMatchObject({
      kind: "rate-limited",
      details: { retryAfterSeconds: 60 },
    });
    expect(recorded).toHaveLength(1);
  });
});
