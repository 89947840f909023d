// Security-rules tests on the Firestore emulator: the people the rules tell apart, seeding with
// rules off (the admin's roles/{uid} document included), and allow/deny assertions that count
// every rule case a suite runs.
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { adminRoleDoc, adminRolePath } from "@ideaspark/domain";
import { doc, setLogLevel, writeBatch, type DocumentData } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, it } from "vitest";
import { emulator, firestoreRules, PROJECT_ID } from "./emulators.js";

/** A Firestore client of a test context (usable with the modular `firebase/firestore` API). */
export type TestFirestore = ReturnType<RulesTestContext["firestore"]>;

/**
 * The rules suites' own (demo-) project on the shared Firestore emulator: clearing it between
 * cases never wipes documents the integration and browser suites, which run at the same time
 * against PROJECT_ID, depend on. Rules are loaded per project, from the same firestore.rules.
 */
export const RULES_PROJECT_ID = `${PROJECT_ID}-rules`;

export interface Person {
  uid: string;
  email: string;
}

export const OWNER: Person = { uid: "alice", email: "alice@example.test" };
export const OTHER: Person = { uid: "bob", email: "bob@example.test" };
export const ADMIN: Person = { uid: "root", email: "root@example.test" };

/**
 * The admin's roles/{uid} document: every reset writes it (with the `admin: true` claim of
 * `as("admin")` it makes an admin); a seed that maps this path to null leaves it out, which is
 * a demoted admin whose token still carries the claim.
 */
export const ADMIN_ROLE_PATH = adminRolePath(ADMIN.uid);

export const ROLES = ["signed-out visitor", "owner", "other user", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The person behind a role (null when signed out). */
export function personOf(role: Role): Person | null {
  return { "signed-out visitor": null, owner: OWNER, "other user": OTHER, admin: ADMIN }[role];
}

/** Documents to write before a case (path → data); null keeps a default document out. */
export type Seed = Record<string, DocumentData | null>;

export interface RulesHarness {
  env: RulesTestEnvironment;
  /** A Firestore client signed in as `role` (one per role, reused across tests). */
  as(role: Role): TestFirestore;
  /** A client signed in anonymously (Firebase anonymous auth: a uid, no email). */
  anonymous(): TestFirestore;
  /**
   * Empties the emulator, then writes the admin's roles document and `docs` (path → data; null
   * leaves that path absent) with rules off.
   */
  reset(docs?: Seed): Promise<void>;
  allowed(operation: Promise<unknown>): Promise<void>;
  denied(operation: Promise<unknown>): Promise<void>;
  /** How many allow/deny cases ran so far. */
  cases(): number;
}

// RULES_UNDER_TEST=<file> runs the suites against another rules file (e.g. a deliberately
// broken copy, to check that the suites catch it).
function rulesUnderTest(): string {
  const file = process.env.RULES_UNDER_TEST;
  return file ? readFileSync(file, "utf8") : firestoreRules();
}

export async function rulesHarness(): Promise<RulesHarness> {
  // The SDK logs every PERMISSION_DENIED the deny cases provoke; they are expected.
  setLogLevel("silent");
  const env = await initializeTestEnvironment({
    projectId: RULES_PROJECT_ID,
    firestore: { ...emulator("firestore"), rules: rulesUnderTest() },
  });
  const clients = new Map<string, TestFirestore>();
  const client = (key: string, make: () => TestFirestore) => {
    let db = clients.get(key);
    if (!db) clients.set(key, (db = make()));
    return db;
  };
  let count = 0;

  return {
    env,
    as(role) {
      return client(role, () => {
        const person = personOf(role);
        if (!person) return env.unauthenticatedContext().firestore();
        const claims = role === "admin" ? { admin: true } : {};
        return env.authenticatedContext(person.uid, { email: person.email, ...claims }).firestore();
      });
    },
    anonymous() {
      return client("anonymous", () =>
        env
          .authenticatedContext("anon-1", { firebase: { sign_in_provider: "anonymous" } })
          .firestore(),
      );
    },
    async reset(docs = {}) {
      await env.clearFirestore();
      const seed: Seed = { [ADMIN_ROLE_PATH]: adminRoleDoc("seed", Date.now()), ...docs };
      await env.withSecurityRulesDisabled(async (context) => {
        const db = context.firestore();
        const batch = writeBatch(db);
        for (const [path, data] of Object.entries(seed)) {
          if (data !== null) batch.set(doc(db, path), data);
        }
        await batch.commit();
      });
    },
    async allowed(operation) {
      count++;
      await assertSucceeds(operation);
    },
    async denied(operation) {
      count++;
      await assertFails(operation);
    },
    cases: () => count,
  };
}

/**
 * Starts the harness for one test file and prints how many rule cases it ran afterwards.
 * Returns a getter, valid inside tests and hooks.
 */
export function useRulesHarness(label: string): () => RulesHarness {
  let harness: RulesHarness | undefined;
  beforeAll(async () => {
    harness = await rulesHarness();
  });
  afterAll(async () => {
    if (!harness) return;
    console.log(`rules cases: ${harness.cases()} (${label})`);
    await harness.env.cleanup();
  });
  return () => {
    if (!harness) throw new Error("the rules harness is not started yet");
    return harness;
  };
}

export interface RuleCase {
  /** The test's name, a sentence saying who may (not) do what. */
  name: string;
  allowed: boolean;
  /** Documents present before the attempt (path → data; null keeps a default one out). */
  seed?: Seed;
  attempt: (rules: RulesHarness) => Promise<unknown>;
}

/** One test per case: reset the emulator, seed, then assert the attempt is allowed or denied. */
export function ruleCases(rules: () => RulesHarness, cases: RuleCase[]): void {
  for (const ruleCase of cases) {
    it(ruleCase.name, async () => {
      const harness = rules();
      await harness.reset(ruleCase.seed);
      const attempt = ruleCase.attempt(harness);
      await (ruleCase.allowed ? harness.allowed(attempt) : harness.denied(attempt));
    });
  }
}
