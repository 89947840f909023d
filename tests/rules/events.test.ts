// events/{id} and visitors/{id}: written only by the `track` callable (Admin SDK). No client —
// signed out, anonymous, signed in or admin — creates, changes or deletes an event, however well
// shaped; only admins read events; nobody reads or writes the visitors' rate-limit documents.
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { describe } from "vitest";
import {
  OWNER,
  ROLES,
  ruleCases,
  useRulesHarness,
  type RuleCase,
  type RulesHarness,
  type TestFirestore,
} from "../support/rulesHarness.js";
import { eventDoc, visitorDoc } from "./fixtures.js";

const rules = useRulesHarness("events/{id}, visitors/{id}");
const VISITOR_ID = "0f3c9a7be2d14c5f8a6b1c2d3e4f5a6b";

type Client = { label: string; db: (h: RulesHarness) => TestFirestore };
const CLIENTS: Client[] = [
  ...ROLES.map((role) => ({ label: role, db: (h: RulesHarness) => h.as(role) })),
  { label: "anonymous user", db: (h: RulesHarness) => h.anonymous() },
];
const uidOf = (label: string) =>
  ({ owner: OWNER.uid, "other user": "bob", admin: "root", "anonymous user": "anon-1" })[label] ??
  null;

const landing = (uid: string | null): DocumentData =>
  eventDoc(uid, { name: "landing_view", props: { path: "/welcome" }, campaignId: null });

describe("events/{id}", () => {
  const seed = { "events/e1": eventDoc(OWNER.uid), "events/e2": landing(null) };
  const cases: RuleCase[] = [];
  for (const client of CLIENTS) {
    const admin = client.label === "admin";
    const own = eventDoc(uidOf(client.label));
    cases.push(
      {
        name: `events/{id}: ${client.label} ${admin ? "can" : "cannot"} get an event`,
        allowed: admin,
        seed,
        attempt: (h) => getDoc(doc(client.db(h), "events/e1")),
      },
      {
        name: `events/{id}: ${client.label} ${admin ? "can" : "cannot"} list events`,
        allowed: admin,
        seed,
        attempt: (h) => getDocs(collection(client.db(h), "events")),
      },
      {
        name: `events/{id}: ${client.label} cannot create an event, even shaped as track stores it`,
        allowed: false,
        attempt: (h) => setDoc(doc(client.db(h), "events/e3"), own),
      },
      {
        name: `events/{id}: ${client.label} cannot create a landing_view (track is the only way)`,
        allowed: false,
        attempt: (h) => setDoc(doc(client.db(h), "events/e4"), landing(null)),
      },
      {
        name: `events/{id}: ${client.label} cannot forge a server-derived event`,
        allowed: false,
        attempt: (h) =>
          setDoc(doc(client.db(h), "events/e5"), eventDoc(uidOf(client.label), { name: "signup" })),
      },
      {
        name: `events/{id}: ${client.label} cannot change an event`,
        allowed: false,
        seed,
        attempt: (h) => updateDoc(doc(client.db(h), "events/e2"), { campaignId: "spring" }),
      },
      {
        name: `events/{id}: ${client.label} cannot delete an event`,
        allowed: false,
        seed,
        attempt: (h) => deleteDoc(doc(client.db(h), "events/e1")),
      },
    );
  }
  ruleCases(rules, cases);
});

describe("visitors/{id}", () => {
  const seed = {
    [`visitors/${VISITOR_ID}`]: visitorDoc(),
    [`visitors/uid:${OWNER.uid}`]: visitorDoc(),
  };
  const cases: RuleCase[] = [];
  for (const client of CLIENTS) {
    for (const path of [`visitors/${VISITOR_ID}`, `visitors/uid:${uidOf(client.label) ?? "x"}`]) {
      const name = (operation: string) => `${path}: ${client.label} cannot ${operation}`;
      cases.push(
        {
          name: name("get"),
          allowed: false,
          seed,
          attempt: (h) => getDoc(doc(client.db(h), path)),
        },
        {
          name: name("create or overwrite (resetting its own rate limit)"),
          allowed: false,
          seed,
          attempt: (h) => setDoc(doc(client.db(h), path), { recent: [], updatedAt: 0 }),
        },
        {
          name: name("delete"),
          allowed: false,
          seed,
          attempt: (h) => deleteDoc(doc(client.db(h), path)),
        },
      );
    }
    cases.push({
      name: `visitors/{id}: ${client.label} cannot list`,
      allowed: false,
      seed,
      attempt: (h) => getDocs(collection(client.db(h), "visitors")),
    });
  }
  ruleCases(rules, cases);
});
