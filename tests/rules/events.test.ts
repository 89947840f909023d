// events/{id}: first-party analytics. Clients only create, in a strict and size-limited shape,
// carrying their own uid or none; signed-out visitors may record only `landing_view`.
import { doc, setDoc, type DocumentData } from "firebase/firestore";
import { describe } from "vitest";
import {
  OTHER,
  OWNER,
  ruleCases,
  useRulesHarness,
  type RulesHarness,
  type TestFirestore,
} from "../support/rulesHarness.js";
import { eventDoc, omit } from "./fixtures.js";

const rules = useRulesHarness("events/{id}");
const HOUR = 3_600_000;
const EVENT_NAMES = [
  "landing_view",
  "signup",
  "spark_submitted",
  "spark_completed",
  "quota_reached",
  "upgrade_clicked",
  "install_prompted",
  "installed",
];

type Client = (h: RulesHarness) => TestFirestore;
const owner: Client = (h) => h.as("owner");
const signedOut: Client = (h) => h.as("signed-out visitor");
const anonymous: Client = (h) => h.anonymous();
const createAs = (client: Client, data: DocumentData) => (h: RulesHarness) =>
  setDoc(doc(client(h), "events/e1"), data);
const mine = (overrides: DocumentData) => eventDoc(OWNER.uid, overrides);
const props = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, `value ${i}`]));
const landing = {
  name: "landing_view",
  attribution: {
    utm_source: "ads",
    ref: "friend",
    landingPath: "/welcome",
    capturedAt: Date.now(),
  },
};

describe("events/{id} who may record", () => {
  ruleCases(rules, [
    ...EVENT_NAMES.map((name) => ({
      name: `events/{id}: owner can record ${name}`,
      allowed: true,
      attempt: createAs(owner, mine({ name })),
    })),
    {
      name: "events/{id}: a signed-in user can record an event without a uid",
      allowed: true,
      attempt: createAs(owner, eventDoc(null)),
    },
    {
      name: "events/{id}: an anonymous user can record an event with their uid",
      allowed: true,
      attempt: createAs(anonymous, eventDoc("anon-1", { name: "install_prompted" })),
    },
    {
      name: "events/{id}: an anonymous user can record landing_view without a uid",
      allowed: true,
      attempt: createAs(anonymous, eventDoc(null, landing)),
    },
    {
      name: "events/{id}: a signed-out visitor can record landing_view with attribution",
      allowed: true,
      attempt: createAs(signedOut, eventDoc(null, landing)),
    },
    {
      name: "events/{id}: a signed-out visitor cannot record any other event",
      allowed: false,
      attempt: createAs(signedOut, eventDoc(null, { name: "signup" })),
    },
    {
      name: "events/{id}: a signed-out visitor cannot record landing_view with a uid",
      allowed: false,
      attempt: createAs(signedOut, eventDoc(OWNER.uid, landing)),
    },
    {
      name: "events/{id}: a user cannot record an event under someone else's uid",
      allowed: false,
      attempt: createAs(owner, eventDoc(OTHER.uid)),
    },
    {
      name: "events/{id}: an anonymous user cannot record an event under a real user's uid",
      allowed: false,
      attempt: createAs(anonymous, eventDoc(OWNER.uid)),
    },
    {
      name: "events/{id}: owner cannot overwrite an existing event",
      allowed: false,
      seed: { "events/e1": mine({}) },
      attempt: createAs(owner, mine({ name: "installed" })),
    },
  ]);
});

describe("events/{id} shape", () => {
  ruleCases(
    rules,
    [
      { name: "an unknown name", allowed: false, data: mine({ name: "purchase" }) },
      { name: "an extra key", allowed: false, data: mine({ ip: "10.0.0.1" }) },
      { name: "no props", allowed: false, data: omit(mine({}), "props") },
      { name: "no uid", allowed: false, data: omit(mine({}), "uid") },
      { name: "no time", allowed: false, data: omit(mine({}), "at") },
      { name: "props that are not a map", allowed: false, data: mine({ props: "a=1" }) },
      { name: "empty props", allowed: true, data: mine({ props: {} }) },
      { name: "10 props", allowed: true, data: mine({ props: props(10) }) },
      { name: "11 props", allowed: false, data: mine({ props: props(11) }) },
      {
        name: "a 200-character prop",
        allowed: true,
        data: mine({ props: { ...props(9), p9: "x".repeat(200) } }),
      },
      {
        name: "a 200-emoji prop (emoji count once)",
        allowed: true,
        data: mine({ props: { topic: "🎉".repeat(200) } }),
      },
      {
        name: "a huge prop (201 characters)",
        allowed: false,
        data: mine({ props: { ...props(9), p9: "x".repeat(201) } }),
      },
      {
        name: "a huge prop in first key position",
        allowed: false,
        data: mine({ props: { a: "x".repeat(5000) } }),
      },
      { name: "a nested prop", allowed: false, data: mine({ props: { nested: { a: 1 } } }) },
      { name: "a list prop", allowed: false, data: mine({ props: { ideas: [1, 2] } }) },
      {
        name: "a 41-character prop key",
        allowed: false,
        data: mine({ props: { ["k".repeat(41)]: 1 } }),
      },
      {
        name: "number and bool props",
        allowed: true,
        data: mine({ props: { count: 5, ratio: 0.5, offline: true } }),
      },
      {
        name: "a time 1 hour ago (sent after being offline)",
        allowed: true,
        data: mine({ at: Date.now() - HOUR }),
      },
      { name: "a time 25 hours ago", allowed: false, data: mine({ at: Date.now() - 25 * HOUR }) },
      {
        name: "a time 10 minutes ahead",
        allowed: false,
        data: mine({ at: Date.now() + 10 * 60_000 }),
      },
      { name: "a time as text", allowed: false, data: mine({ at: new Date().toISOString() }) },
      { name: "null attribution", allowed: true, data: mine({ attribution: null }) },
      {
        name: "an unknown attribution key",
        allowed: false,
        data: mine({ attribution: { ...landing.attribution, fbclid: "x" } }),
      },
      {
        name: "a 101-character utm_campaign",
        allowed: false,
        data: mine({ attribution: { ...landing.attribution, utm_campaign: "c".repeat(101) } }),
      },
    ].map(({ name, allowed, data }) => ({
      name: `events/{id}: owner ${allowed ? "can" : "cannot"} record an event with ${name}`,
      allowed,
      attempt: createAs(owner, data),
    })),
  );
});
