// Admin means the `admin: true` claim AND the server's roles/{uid} document: a demoted admin
// (document deleted, ID token still carrying the claim) reads nothing of the admin area, the
// document without the claim is no admin either, and no client writes a roles document.
import { adminRoleDoc } from "@ideaspark/domain";
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
  ADMIN,
  ADMIN_ROLE_PATH,
  OTHER,
  OWNER,
  ruleCases,
  useRulesHarness,
  type Role,
  type RuleCase,
  type RulesHarness,
  type Seed,
} from "../support/rulesHarness.js";
import { campaignDoc, configChangeDoc, eventDoc, PERIOD, storedProfile } from "./fixtures.js";

const rules = useRulesHarness("roles/{uid} and demoted admins");

const ADMIN_DATA: Record<string, DocumentData> = {
  [`users/${OWNER.uid}`]: storedProfile(OWNER),
  [`users/${OWNER.uid}/sparks/s1`]: { ideas: [], createdAt: Date.now() },
  "events/e1": eventDoc(OWNER.uid),
  "campaigns/c1": campaignDoc(),
  "rollups/2026-11-25": { day: "2026-11-25", signups: 3 },
  "rollupWeeks/2026-11-30": { days: {} },
  [`budgets/${PERIOD}/shards/0`]: { spendUsd: 1.25 },
  "alerts/a1": { kind: "budget", resolvedAt: null },
  "config/internal": { note: "x" },
  "configChanges/ch1": configChangeDoc(),
  // The other user holds a roles document but no claim (as after a half-finished change).
  [`roles/${OTHER.uid}`]: adminRoleDoc("root", Date.now()),
};

/** The admin area's data with the admin's roles document gone: a demotion. */
const DEMOTED: Seed = { ...ADMIN_DATA, [ADMIN_ROLE_PATH]: null };

type Read = [string, (h: RulesHarness, as: Role) => Promise<unknown>];

const ADMIN_READS: Read[] = [
  ["list users", (h, as) => getDocs(collection(h.as(as), "users"))],
  ["list a user's sparks", (h, as) => getDocs(collection(h.as(as), `users/${OWNER.uid}/sparks`))],
  ["list events", (h, as) => getDocs(collection(h.as(as), "events"))],
  ["list campaigns", (h, as) => getDocs(collection(h.as(as), "campaigns"))],
  ["get a day rollup", (h, as) => getDoc(doc(h.as(as), "rollups/2026-11-25"))],
  ["list the week rollups", (h, as) => getDocs(collection(h.as(as), "rollupWeeks"))],
  ["list the budget shards", (h, as) => getDocs(collection(h.as(as), `budgets/${PERIOD}/shards`))],
  ["list alerts", (h, as) => getDocs(collection(h.as(as), "alerts"))],
  ["get another config document", (h, as) => getDoc(doc(h.as(as), "config/internal"))],
  ["list the config change log", (h, as) => getDocs(collection(h.as(as), "configChanges"))],
  ["list roles", (h, as) => getDocs(collection(h.as(as), "roles"))],
];

describe("an admin whose roles document is gone (demoted, claim still in the token)", () => {
  const cases: RuleCase[] = ADMIN_READS.map(([what, read]) => ({
    name: `demoted admin cannot ${what}`,
    allowed: false,
    seed: DEMOTED,
    attempt: (h) => read(h, "admin"),
  }));
  ruleCases(rules, [
    // The same reads pass while the document is there, so the refusals above come from it.
    ...ADMIN_READS.map(([what, read]): RuleCase => ({
      name: `admin with the roles document can ${what}`,
      allowed: true,
      seed: ADMIN_DATA,
      attempt: (h) => read(h, "admin"),
    })),
    ...cases,
    {
      name: "demoted admin cannot get another person's profile",
      allowed: false,
      seed: DEMOTED,
      attempt: (h) => getDoc(doc(h.as("admin"), `users/${OWNER.uid}`)),
    },
    {
      name: "demoted admin cannot create a campaign",
      allowed: false,
      seed: DEMOTED,
      attempt: (h) => setDoc(doc(h.as("admin"), "campaigns/c2"), campaignDoc()),
    },
    {
      name: "demoted admin cannot write their roles document back",
      allowed: false,
      seed: DEMOTED,
      attempt: (h) =>
        setDoc(doc(h.as("admin"), ADMIN_ROLE_PATH), adminRoleDoc(ADMIN.uid, Date.now())),
    },
    {
      name: "demoted admin still reads config/app like every signed-in person",
      allowed: true,
      seed: { ...DEMOTED, "config/app": { aiPaused: false } },
      attempt: (h) => getDoc(doc(h.as("admin"), "config/app")),
    },
    {
      name: "demoted admin may check their own (missing) roles document",
      allowed: true,
      seed: DEMOTED,
      attempt: (h) => getDoc(doc(h.as("admin"), ADMIN_ROLE_PATH)),
    },
  ]);
});

describe("a roles document without the claim", () => {
  ruleCases(
    rules,
    ADMIN_READS.map(([what, read]) => ({
      name: `a person with a roles document but no claim cannot ${what}`,
      allowed: false,
      seed: ADMIN_DATA,
      attempt: (h) => read(h, "other user"),
    })),
  );
});

describe("roles/{uid} writes", () => {
  ruleCases(rules, [
    {
      name: "a person cannot create their own roles document",
      allowed: false,
      attempt: (h) =>
        setDoc(doc(h.as("owner"), `roles/${OWNER.uid}`), adminRoleDoc(OWNER.uid, Date.now())),
    },
    {
      name: "an admin cannot create a roles document for someone (only adminSetRole does)",
      allowed: false,
      attempt: (h) =>
        setDoc(doc(h.as("admin"), `roles/${OTHER.uid}`), adminRoleDoc(ADMIN.uid, Date.now())),
    },
    {
      name: "an admin cannot delete another admin's roles document",
      allowed: false,
      seed: { [`roles/${OTHER.uid}`]: adminRoleDoc("root", 1) },
      attempt: (h) => deleteDoc(doc(h.as("admin"), `roles/${OTHER.uid}`)),
    },
    {
      name: "an admin cannot change their own roles document",
      allowed: false,
      attempt: (h) => updateDoc(doc(h.as("admin"), ADMIN_ROLE_PATH), { grantedBy: "someone" }),
    },
    {
      name: "another user cannot get someone's roles document",
      allowed: false,
      seed: { [`roles/${OWNER.uid}`]: adminRoleDoc("root", 1) },
      attempt: (h) => getDoc(doc(h.as("other user"), `roles/${OWNER.uid}`)),
    },
  ]);
});
