// Who may get, list, create, update and delete in every collection: one case per collection ×
// role × operation, each with valid data so that a refusal can only come from who is asking.
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
  type Query,
} from "firebase/firestore";
import { adminRoleDoc } from "@ideaspark/domain";
import { describe, it } from "vitest";
import {
  OTHER,
  OWNER,
  personOf,
  ROLES,
  useRulesHarness,
  type Person,
  type Role,
  type TestFirestore,
} from "../support/rulesHarness.js";
import {
  appConfigDoc,
  campaignDoc,
  configChangeDoc,
  eventDoc,
  PERIOD,
  profileCreate,
  quotaDoc,
  sparkDoc,
  storedProfile,
  usageDoc,
  visitorDoc,
} from "./fixtures.js";

const OPERATIONS = ["get", "list", "create", "update", "delete"] as const;
type Operation = (typeof OPERATIONS)[number];

interface CollectionSpec {
  name: string;
  /** An existing document (get, update, delete). */
  path: string;
  list: (db: TestFirestore) => Query;
  /** A document that does not exist yet, and valid data for it written by `person`. */
  create: { path: string; data: (person: Person | null) => DocumentData };
  update: DocumentData;
  allowed: Record<Operation, Role[]>;
}

const uid = OWNER.uid;
const nobody: Role[] = [];
const ownerAndAdmin: Role[] = ["owner", "admin"];
const adminOnly: Role[] = ["admin"];
const readOnly = (readers: Role[]) => ({
  get: readers,
  list: readers,
  create: nobody,
  update: nobody,
  delete: nobody,
});

/** An alerts/{id} document as functions raise it (alerts.ts). */
function alertDoc(threshold: number): DocumentData {
  return {
    kind: "budget",
    severity: threshold >= 1 ? "critical" : "warning",
    title: `AI budget ${threshold * 100} % reached (${PERIOD})`,
    message: "AI spend is close to the budget.",
    period: PERIOD,
    threshold,
    createdAt: Date.now(),
    resolvedAt: null,
    data: { spentUsd: 80, budgetUsd: 100 },
  };
}

/** A mail/{id} document in the Trigger Email extension's shape (alertMail.ts). */
function mailDoc(): DocumentData {
  return {
    to: ["ops@example.com"],
    message: { subject: "[IdeaSpark Warning] AI budget", text: "Spend.", html: "<p>Spend.</p>" },
  };
}

// Every document of the world the matrix runs in: each collection has one of the owner's docs.
const SEED: Record<string, DocumentData> = {
  [`users/${uid}`]: storedProfile(OWNER),
  [`users/${uid}/sparks/s1`]: sparkDoc(),
  [`quotas/${uid}_${PERIOD}`]: quotaDoc(uid),
  "usage/r1": usageDoc(uid),
  "events/e1": eventDoc(uid),
  "visitors/v1": visitorDoc(),
  [`limits/${uid}`]: { uid, lastExportAt: Date.now() - 60_000 },
  "campaigns/c1": campaignDoc(),
  "rollups/2026-11-25": { day: "2026-11-25", signups: 3, sparks: 40, costUsd: 0.42 },
  "alerts/a1": alertDoc(0.8),
  "mail/m1": mailDoc(),
  [`budgets/${PERIOD}/shards/0`]: { spendUsd: 1.25 },
  "rollups/2026-12-02/shards/0": { requests: 3 },
  "rollupWeeks/2026-11-30": { days: { "2026-11-30": { requests: 3 } } },
  "cache/k1": { ideas: [], model: "gpt-4.1-mini", createdAt: Date.now() },
  "config/app": appConfigDoc(),
  "configChanges/ch1": configChangeDoc(),
  // The owner's roles document without the claim: it alone makes nobody an admin in any row.
  [`roles/${uid}`]: adminRoleDoc("root", Date.now()),
  // The other user's tombstone (their still-valid token is the "other user" role): the owner's
  // own would refuse the owner's profile create in the users/{uid} row.
  [`deletedAccounts/${OTHER.uid}`]: { deletedAt: Date.now() - 60_000 },
};

const SPECS: CollectionSpec[] = [
  {
    name: "users/{uid}",
    path: `users/${uid}`,
    list: (db) => collection(db, "users"),
    create: { path: `users/${uid}`, data: (person) => profileCreate(person ?? OWNER) },
    update: { displayName: "Alice B." },
    allowed: {
      get: ownerAndAdmin,
      list: adminOnly,
      create: ["owner"],
      update: ["owner"],
      delete: nobody,
    },
  },
  {
    name: "users/{uid}/sparks/{id}",
    path: `users/${uid}/sparks/s1`,
    list: (db) => collection(db, `users/${uid}/sparks`),
    create: { path: `users/${uid}/sparks/s2`, data: () => sparkDoc() },
    update: { starred: [0, 2], feedback: "up" },
    allowed: { ...readOnly(ownerAndAdmin), update: ["owner"] },
  },
  {
    name: "quotas/{uid}_{period}",
    path: `quotas/${uid}_${PERIOD}`,
    list: (db) => query(collection(db, "quotas"), where("uid", "==", uid)),
    create: { path: `quotas/${uid}_2026-12`, data: () => quotaDoc(uid) },
    update: { used: 0 },
    allowed: readOnly(ownerAndAdmin),
  },
  {
    name: "usage/{requestId}",
    path: "usage/r1",
    list: (db) => query(collection(db, "usage"), where("uid", "==", uid)),
    create: { path: "usage/r2", data: () => usageDoc(uid) },
    update: { costUsd: 0 },
    allowed: readOnly(ownerAndAdmin),
  },
  {
    name: "events/{id}",
    path: "events/e1",
    list: (db) => collection(db, "events"),
    // Only the track callable records events; even an event of one's own is refused.
    create: { path: "events/e2", data: (person) => eventDoc(person?.uid ?? null) },
    update: { props: {} },
    allowed: readOnly(adminOnly),
  },
  {
    name: "visitors/{id}",
    path: "visitors/v1",
    list: (db) => collection(db, "visitors"),
    create: { path: "visitors/v2", data: () => visitorDoc() },
    update: { recent: [] },
    allowed: readOnly(nobody),
  },
  {
    // The exportMyData cooldown: the owner can neither read nor reset (update, delete) it.
    name: "limits/{uid}",
    path: `limits/${uid}`,
    list: (db) => collection(db, "limits"),
    create: { path: `limits/${uid}`, data: () => ({ uid, lastExportAt: 0 }) },
    update: { lastExportAt: 0 },
    allowed: readOnly(nobody),
  },
  {
    name: "campaigns/{id}",
    path: "campaigns/c1",
    list: (db) => collection(db, "campaigns"),
    create: { path: "campaigns/c2", data: () => campaignDoc() },
    update: { spendUsdByMonth: { "2026-12": 300 } },
    allowed: {
      get: adminOnly,
      list: adminOnly,
      create: adminOnly,
      update: adminOnly,
      delete: adminOnly,
    },
  },
  {
    name: "rollups/{day}",
    path: "rollups/2026-11-25",
    list: (db) => collection(db, "rollups"),
    create: { path: "rollups/2026-11-26", data: () => ({ day: "2026-11-26", signups: 1 }) },
    update: { signups: 4 },
    allowed: readOnly(adminOnly),
  },
  {
    name: "alerts/{id}",
    path: "alerts/a1",
    list: (db) => collection(db, "alerts"),
    create: { path: "alerts/a2", data: () => alertDoc(1) },
    update: { resolvedAt: Date.now() },
    allowed: readOnly(adminOnly),
  },
  {
    // Alert e-mails: functions write them, the Trigger Email extension sends them.
    name: "mail/{id}",
    path: "mail/m1",
    list: (db) => collection(db, "mail"),
    create: { path: "mail/m2", data: () => mailDoc() },
    update: { to: ["someone-else@example.com"] },
    allowed: readOnly(adminOnly),
  },
  {
    name: "budgets/{period}/shards/{n}",
    path: `budgets/${PERIOD}/shards/0`,
    list: (db) => collection(db, `budgets/${PERIOD}/shards`),
    create: { path: `budgets/${PERIOD}/shards/1`, data: () => ({ spendUsd: 0 }) },
    update: { spendUsd: 0 },
    allowed: readOnly(adminOnly),
  },
  {
    name: "rollups/{day}/shards/{n}",
    path: "rollups/2026-12-02/shards/0",
    list: (db) => collection(db, "rollups/2026-12-02/shards"),
    create: { path: "rollups/2026-12-02/shards/1", data: () => ({ requests: 1 }) },
    update: { requests: 0 },
    allowed: readOnly(adminOnly),
  },
  {
    name: "rollupWeeks/{monday}",
    path: "rollupWeeks/2026-11-30",
    list: (db) => collection(db, "rollupWeeks"),
    create: { path: "rollupWeeks/2026-12-07", data: () => ({ days: {} }) },
    update: { days: {} },
    allowed: readOnly(adminOnly),
  },
  {
    name: "cache/{key}",
    path: "cache/k1",
    list: (db) => collection(db, "cache"),
    create: { path: "cache/k2", data: () => ({ ideas: [] }) },
    update: { ideas: [] },
    allowed: readOnly(nobody),
  },
  {
    name: "config/app",
    path: "config/app",
    list: (db) => collection(db, "config"),
    create: { path: "config/app", data: () => appConfigDoc() },
    update: { aiPaused: true },
    // Admins too change it only through the adminUpdateConfig callable.
    allowed: { ...readOnly(adminOnly), get: ["owner", "other user", "admin"] },
  },
  {
    name: "configChanges/{id}",
    path: "configChanges/ch1",
    list: (db) => collection(db, "configChanges"),
    create: { path: "configChanges/ch2", data: () => configChangeDoc() },
    update: { changedKeys: [] },
    allowed: readOnly(adminOnly),
  },
  {
    // The current admin role: only the server writes it, or anyone could make themselves admin.
    name: "roles/{uid}",
    path: `roles/${uid}`,
    list: (db) => collection(db, "roles"),
    create: { path: `roles/${uid}`, data: () => adminRoleDoc(uid, Date.now()) },
    update: { grantedBy: uid },
    allowed: { ...readOnly(ownerAndAdmin), list: adminOnly },
  },
  {
    // Tombstones of deleted accounts: functions only, not even the deleted person reads theirs.
    name: "deletedAccounts/{uid}",
    path: `deletedAccounts/${OTHER.uid}`,
    list: (db) => collection(db, "deletedAccounts"),
    create: { path: `deletedAccounts/${uid}`, data: () => ({ deletedAt: Date.now() }) },
    update: { deletedAt: 0 },
    allowed: readOnly(nobody),
  },
];

function perform(spec: CollectionSpec, operation: Operation, role: Role, db: TestFirestore) {
  switch (operation) {
    case "get":
      return getDoc(doc(db, spec.path));
    case "list":
      return getDocs(spec.list(db));
    case "create":
      return setDoc(doc(db, spec.create.path), spec.create.data(personOf(role)));
    case "update":
      return updateDoc(doc(db, spec.path), spec.update);
    case "delete":
      return deleteDoc(doc(db, spec.path));
  }
}

function seedFor(spec: CollectionSpec, operation: Operation): Record<string, DocumentData> {
  if (operation !== "create") return SEED;
  return Object.fromEntries(Object.entries(SEED).filter(([path]) => path !== spec.create.path));
}

const rules = useRulesHarness("access matrix");

for (const spec of SPECS) {
  describe(spec.name, () => {
    for (const operation of OPERATIONS) {
      for (const role of ROLES) {
        const allowed = spec.allowed[operation].includes(role);
        it(`${spec.name}: ${role} ${allowed ? "can" : "cannot"} ${operation}`, async () => {
          await rules().reset(seedFor(spec, operation));
          const attempt = perform(spec, operation, role, rules().as(role));
          await (allowed ? rules().allowed(attempt) : rules().denied(attempt));
        });
      }
    }
  });
}
