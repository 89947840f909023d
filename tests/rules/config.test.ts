// config/app: everyone signed in reads it; no client writes it, admins included (they change it
// through the adminUpdateConfig callable). configChanges, its audit log: admins read, nobody
// writes. No other config document is open to non-admins.
import { DEFAULT_APP_CONFIG } from "@ideaspark/domain";
import {
  collection,
  deleteDoc,
  deleteField,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  setDoc,
  updateDoc,
} from "firebase/firestore";
import { describe } from "vitest";
import { ruleCases, useRulesHarness, type RulesHarness } from "../support/rulesHarness.js";
import { appConfigDoc, configChangeDoc } from "./fixtures.js";

const rules = useRulesHarness("config/app and configChanges");
const seed = { "config/app": appConfigDoc() };
const changeSeed = { "configChanges/c1": configChangeDoc() };

describe("config/app writes: only through the adminUpdateConfig callable", () => {
  ruleCases(rules, [
    {
      name: "config/app: admin cannot create it, even with the full default configuration",
      allowed: false,
      attempt: (h) => setDoc(doc(h.as("admin"), "config/app"), { ...DEFAULT_APP_CONFIG }),
    },
    {
      name: "config/app: admin cannot pause AI directly",
      allowed: false,
      seed,
      attempt: (h) => updateDoc(doc(h.as("admin"), "config/app"), { aiPaused: true }),
    },
    {
      name: "config/app: admin cannot drop a key directly",
      allowed: false,
      seed,
      attempt: (h) =>
        updateDoc(doc(h.as("admin"), "config/app"), { maxOutputTokens: deleteField() }),
    },
    {
      name: "config/app: admin cannot forge the save stamp",
      allowed: false,
      seed,
      attempt: (h) =>
        updateDoc(doc(h.as("admin"), "config/app"), { updatedAt: Date.now(), updatedBy: "root" }),
    },
    {
      name: "config/app: admin cannot delete it",
      allowed: false,
      seed,
      attempt: (h) => deleteDoc(doc(h.as("admin"), "config/app")),
    },
    {
      name: "config/app: admin cannot write another config document",
      allowed: false,
      attempt: (h) => setDoc(doc(h.as("admin"), "config/secrets"), appConfigDoc()),
    },
    {
      name: "config/app: a user cannot pause AI",
      allowed: false,
      seed,
      attempt: (h) => updateDoc(doc(h.as("owner"), "config/app"), { aiPaused: true }),
    },
    {
      name: "config/app: an anonymous user cannot create it",
      allowed: false,
      attempt: (h) => setDoc(doc(h.anonymous(), "config/app"), appConfigDoc()),
    },
    {
      name: "config/app: a signed-out visitor cannot delete it",
      allowed: false,
      seed,
      attempt: (h) => deleteDoc(doc(h.as("signed-out visitor"), "config/app")),
    },
  ]);
});

describe("config/app reads", () => {
  ruleCases(rules, [
    {
      name: "config/app: a signed-in user can read it",
      allowed: true,
      seed,
      attempt: (h) => getDoc(doc(h.as("owner"), "config/app")),
    },
    {
      name: "config/app: a signed-in user can read it with its save stamp",
      allowed: true,
      seed: { "config/app": { ...DEFAULT_APP_CONFIG, updatedAt: Date.now(), updatedBy: "root" } },
      attempt: (h) => getDoc(doc(h.as("other user"), "config/app")),
    },
    {
      name: "config/app: an anonymous user can read it",
      allowed: true,
      seed,
      attempt: (h) => getDoc(doc(h.anonymous(), "config/app")),
    },
    {
      name: "config/app: a signed-in user can read it before any admin saved it",
      allowed: true,
      attempt: (h) => getDoc(doc(h.as("owner"), "config/app")),
    },
    {
      name: "config/app: a signed-out visitor cannot read it",
      allowed: false,
      seed,
      attempt: (h) => getDoc(doc(h.as("signed-out visitor"), "config/app")),
    },
    {
      name: "config/app: admin can list the config documents",
      allowed: true,
      seed,
      attempt: (h) => getDocs(collection(h.as("admin"), "config")),
    },
    {
      name: "config/app: a user cannot list the config documents",
      allowed: false,
      seed,
      attempt: (h) => getDocs(collection(h.as("owner"), "config")),
    },
    {
      name: "config/app: admin can read another config document",
      allowed: true,
      seed: { "config/internal": { note: "x" } },
      attempt: (h) => getDoc(doc(h.as("admin"), "config/internal")),
    },
    {
      name: "config/app: a signed-in user cannot read another config document",
      allowed: false,
      seed: { "config/internal": { note: "x" } },
      attempt: (h) => getDoc(doc(h.as("owner"), "config/internal")),
    },
  ]);
});

describe("configChanges: the audit log of config/app", () => {
  const newest = (h: RulesHarness, role: "admin" | "owner") =>
    getDocs(query(collection(h.as(role), "configChanges"), orderBy("at", "desc"), limit(20)));
  ruleCases(rules, [
    {
      name: "configChanges: admin can read a change record",
      allowed: true,
      seed: changeSeed,
      attempt: (h) => getDoc(doc(h.as("admin"), "configChanges/c1")),
    },
    {
      name: "configChanges: admin can list the newest changes",
      allowed: true,
      seed: changeSeed,
      attempt: (h) => newest(h, "admin"),
    },
    {
      name: "configChanges: a user cannot read a change record",
      allowed: false,
      seed: changeSeed,
      attempt: (h) => getDoc(doc(h.as("owner"), "configChanges/c1")),
    },
    {
      name: "configChanges: a user cannot list the changes",
      allowed: false,
      seed: changeSeed,
      attempt: (h) => newest(h, "owner"),
    },
    {
      name: "configChanges: an anonymous user cannot read a change record",
      allowed: false,
      seed: changeSeed,
      attempt: (h) => getDoc(doc(h.anonymous(), "configChanges/c1")),
    },
    {
      name: "configChanges: admin cannot add a record",
      allowed: false,
      attempt: (h) => setDoc(doc(h.as("admin"), "configChanges/c2"), configChangeDoc()),
    },
    {
      name: "configChanges: admin cannot rewrite a record",
      allowed: false,
      seed: changeSeed,
      attempt: (h) => updateDoc(doc(h.as("admin"), "configChanges/c1"), { by: "someone-else" }),
    },
    {
      name: "configChanges: admin cannot delete a record",
      allowed: false,
      seed: changeSeed,
      attempt: (h) => deleteDoc(doc(h.as("admin"), "configChanges/c1")),
    },
    {
      name: "configChanges: a user cannot add a record",
      allowed: false,
      attempt: (h) => setDoc(doc(h.as("owner"), "configChanges/c2"), configChangeDoc()),
    },
  ]);
});
