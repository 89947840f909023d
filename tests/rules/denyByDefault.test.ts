// Until a collection has its own rule, nobody — signed in or not — may read or write it.
import {
  assertFails,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc, collection, getDocs, deleteDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { emulator, firestoreRules, PROJECT_ID } from "../support/emulators.js";

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { ...emulator("firestore"), rules: firestoreRules() },
  });
});

afterAll(async () => {
  await env.cleanup();
});

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (context) => {
    await setDoc(doc(context.firestore(), "unlisted/existing"), { owner: "alice" });
  });
});

describe("a path no rule mentions", () => {
  const contexts = {
    "a signed-out visitor": () => env.unauthenticatedContext().firestore(),
    "a signed-in user": () => env.authenticatedContext("alice").firestore(),
    "an admin": () => env.authenticatedContext("root", { admin: true }).firestore(),
  };

  for (const [who, db] of Object.entries(contexts)) {
    it(`refuses ${who} a get`, async () => {
      await assertFails(getDoc(doc(db(), "unlisted/existing")));
    });
    it(`refuses ${who} a list`, async () => {
      await assertFails(getDocs(collection(db(), "unlisted")));
    });
    it(`refuses ${who} a create`, async () => {
      await assertFails(setDoc(doc(db(), "unlisted/new"), { owner: "alice" }));
    });
    it(`refuses ${who} an update`, async () => {
      await assertFails(setDoc(doc(db(), "unlisted/existing"), { owner: "mallory" }));
    });
    it(`refuses ${who} a delete`, async () => {
      await assertFails(deleteDoc(doc(db(), "unlisted/existing")));
    });
  }
});
