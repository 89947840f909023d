// config/app: admins write it (top-level AppConfig keys only, basic types); everyone signed in
// reads it; no other config document is open to clients.
import { DEFAULT_APP_CONFIG } from "@ideaspark/domain";
import { deleteField, doc, getDoc, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe } from "vitest";
import { ruleCases, useRulesHarness, type RulesHarness } from "../support/rulesHarness.js";
import { appConfigDoc } from "./fixtures.js";

const rules = useRulesHarness("config/app");
const seed = { "config/app": appConfigDoc() };
const adminSets = (data: DocumentData) => (h: RulesHarness) =>
  setDoc(doc(h.as("admin"), "config/app"), data);

describe("config/app writes", () => {
  ruleCases(rules, [
    {
      name: "config/app: admin can write the full default configuration",
      allowed: true,
      attempt: adminSets({ ...DEFAULT_APP_CONFIG }),
    },
    {
      name: "config/app: admin can pause AI",
      allowed: true,
      seed,
      attempt: (h) => updateDoc(doc(h.as("admin"), "config/app"), { aiPaused: true }),
    },
    {
      name: "config/app: admin can drop a key so its default applies",
      allowed: true,
      seed,
      attempt: (h) =>
        updateDoc(doc(h.as("admin"), "config/app"), { maxOutputTokens: deleteField() }),
    },
    {
      name: "config/app: admin cannot write an unknown key",
      allowed: false,
      attempt: adminSets(appConfigDoc({ openaiApiKey: "sk-test" })),
    },
    {
      name: "config/app: admin cannot write a nested unknown key at the top level",
      allowed: false,
      attempt: adminSets(appConfigDoc({ "retry.maxAttempts": 3 })),
    },
    {
      name: "config/app: admin cannot set maxOutputTokens to 0",
      allowed: false,
      attempt: adminSets(appConfigDoc({ maxOutputTokens: 0 })),
    },
    {
      name: "config/app: admin can set per-model settings and timeouts",
      allowed: true,
      attempt: adminSets(
        appConfigDoc({
          modelSettings: DEFAULT_APP_CONFIG.modelSettings,
          timeouts: DEFAULT_APP_CONFIG.timeouts,
        }),
      ),
    },
    {
      name: "config/app: admin cannot set modelSettings to text",
      allowed: false,
      attempt: adminSets(appConfigDoc({ modelSettings: "fast" })),
    },
    {
      name: "config/app: admin cannot set a hold TTL shorter than a spark can run",
      allowed: false,
      attempt: adminSets(appConfigDoc({ holdTtlSeconds: 300 })),
    },
    {
      name: "config/app: admin can set a hold TTL just above a spark's longest run",
      allowed: true,
      attempt: adminSets(appConfigDoc({ holdTtlSeconds: 360 })),
    },
    {
      name: "config/app: admin cannot write the retired requestTimeoutMs key",
      allowed: false,
      attempt: adminSets(appConfigDoc({ requestTimeoutMs: 60_000 })),
    },
    {
      name: "config/app: admin cannot set aiPaused to text",
      allowed: false,
      attempt: adminSets(appConfigDoc({ aiPaused: "yes" })),
    },
    {
      name: "config/app: admin cannot set a negative budget",
      allowed: false,
      attempt: adminSets(appConfigDoc({ monthlyBudgetUsd: -1 })),
    },
    {
      name: "config/app: admin cannot set models to text",
      allowed: false,
      attempt: adminSets(appConfigDoc({ models: "gpt-4.1-mini" })),
    },
    {
      name: "config/app: admin cannot set a 41-character promptVersion",
      allowed: false,
      attempt: adminSets(appConfigDoc({ promptVersion: "v".repeat(41) })),
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
