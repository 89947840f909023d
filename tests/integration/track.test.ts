// `track` through the emulator: a landing is recorded once under its event id and credited to
// its campaign in today's rollup; server-derived names and malformed props are refused with
// nothing written; a visitor past the per-minute limit is refused; clients cannot write events.
import {
  CampaignDoc,
  DayRollup,
  rollupDay,
  sumRollups,
  TRACK_LIMITS,
  type TrackRequest,
} from "@ideaspark/domain";
import { connectFirestoreEmulator, doc, getFirestore, setDoc } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { emulator } from "../support/emulators.js";
import { signUpTestUser, type TestUser } from "../support/users.js";
import { webClient, type WebClient } from "../support/webClient.js";

let guest: WebClient;
let member: TestUser;
const newId = () => randomUUID().replace(/-/g, "");
const track = (caller: WebClient, data: unknown) =>
  httpsCallable<unknown, { recorded: boolean }>(caller.functions, "track")(data);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: unknown) => error as { code: string; message: string },
  );

async function todaysRollup(day: string): Promise<DayRollup> {
  const shards = await adminDb().collection(`rollups/${day}/shards`).get();
  return sumRollups(shards.docs.map((shard) => DayRollup.parse(shard.data())));
}

async function eventsOf(visitorId: string) {
  return (await adminDb().collection("events").where("visitorId", "==", visitorId).get()).docs;
}

beforeAll(async () => {
  guest = webClient();
  member = await signUpTestUser("track");
});

afterAll(async () => {
  await Promise.all([guest.close(), member.close()]);
});

describe("track", () => {
  it("records a signed-out landing once, credited to its campaign in today's rollup", async () => {
    const campaignId = `track-${newId().slice(0, 12)}`;
    const utmSource = `src-${campaignId}`;
    const campaign: CampaignDoc = {
      name: "Track test",
      utmSource,
      utmMedium: null,
      utmCampaign: "launch",
      referralCode: null,
      spendUsdByMonth: {},
      createdAt: Date.now(),
      archived: false,
    };
    await adminDb().doc(`campaigns/${campaignId}`).set(CampaignDoc.parse(campaign));
    const visitorId = newId();
    const request: TrackRequest = {
      eventId: newId(),
      name: "landing_view",
      visitorId,
      props: { path: "/welcome" },
      attribution: {
        utm_source: utmSource,
        utm_campaign: "launch",
        landingPath: "/welcome",
        capturedAt: Date.now(),
      },
    };
    const landingsBefore = (await todaysRollup(rollupDay(Date.now()))).landings;

    expect((await track(guest, request)).data).toEqual({ recorded: true });
    expect((await track(guest, request)).data).toEqual({ recorded: false });

    const events = await eventsOf(visitorId);
    expect(events.map((e) => e.id)).toEqual([request.eventId]);
    const event = events[0]!.data();
    expect(event).toMatchObject({
      name: "landing_view",
      uid: null,
      visitorId,
      props: { path: "/welcome" },
      campaignId,
    });
    expect(Math.abs((event.at as number) - Date.now())).toBeLessThan(60_000);

    const rollup = await todaysRollup(rollupDay(event.at as number));
    expect(rollup.campaignLandings[campaignId]).toBe(1);
    // Browser journeys running beside this suite land on /welcome too: the total only grows.
    expect(rollup.landings).toBeGreaterThanOrEqual(landingsBefore + 1);
  });

  it("records a signed-in event with the caller's uid and a landing matching nothing with null", async () => {
    const visitorId = newId();
    const click = {
      eventId: newId(),
      name: "upgrade_clicked",
      visitorId,
      props: { from: "usage" },
    };
    expect((await track(member, click)).data).toEqual({ recorded: true });
    const landing = {
      eventId: newId(),
      name: "landing_view",
      visitorId,
      props: {},
      attribution: { utm_source: `nobody-${newId()}`, landingPath: "/welcome", capturedAt: 1 },
    };
    expect((await track(guest, landing)).data).toEqual({ recorded: true });

    const byId = new Map((await eventsOf(visitorId)).map((e) => [e.id, e.data()]));
    expect(byId.get(click.eventId)).toMatchObject({ uid: member.uid, campaignId: null });
    expect(byId.get(landing.eventId)).toMatchObject({ uid: null, campaignId: null });
  });

  it.each([
    ["the server-derived name signup", { name: "signup" }, /"signup" is recorded by the server/],
    ["the server-derived name spark_completed", { name: "spark_completed" }, /spark_completed/],
    ["a nested prop", { props: { idea: { title: "x" } } }, /props values must be/],
    ["a 201-character prop", { props: { topic: "x".repeat(201) } }, /at most 200 characters/],
    [
      "11 props",
      { props: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, i])) },
      /at most 10 entries/,
    ],
  ])("refuses %s with invalid-argument and writes nothing", async (_name, overrides, message) => {
    const request = {
      eventId: newId(),
      name: "upgrade_clicked",
      visitorId: newId(),
      props: {},
      ...overrides,
    };
    const error = await failure(track(member, request));
    expect(error.code).toBe("functions/invalid-argument");
    expect(error.message).toMatch(message);
    expect((await adminDb().doc(`events/${request.eventId}`).get()).exists).toBe(false);
    expect((await adminDb().doc(`visitors/${request.visitorId}`).get()).exists).toBe(false);
  });

  it("refuses a visitor past the per-minute limit with resource-exhausted, recording nothing", async () => {
    const visitorId = newId();
    const event = () => ({ eventId: newId(), name: "installed", visitorId, props: {} });
    for (let i = 0; i < TRACK_LIMITS.visitor; i++) {
      expect((await track(guest, event())).data).toEqual({ recorded: true });
    }
    const over = event();
    const error = await failure(track(guest, over));
    expect(error.code).toBe("functions/resource-exhausted");
    expect((await adminDb().doc(`events/${over.eventId}`).get()).exists).toBe(false);
    expect(await eventsOf(visitorId)).toHaveLength(TRACK_LIMITS.visitor);
  });

  it("refuses a client's direct write to events (the callable is the only writer)", async () => {
    const db = getFirestore(member.app);
    const { host, port } = emulator("firestore");
    connectFirestoreEmulator(db, host, port);
    const eventId = newId();
    const write = setDoc(doc(db, `events/${eventId}`), {
      name: "landing_view",
      at: Date.now(),
      uid: member.uid,
      visitorId: newId(),
      props: {},
      campaignId: null,
    });
    await expect(write).rejects.toMatchObject({ code: "permission-denied" });
    expect((await adminDb().doc(`events/${eventId}`).get()).exists).toBe(false);
  });
});
