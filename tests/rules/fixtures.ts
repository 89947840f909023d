// Valid documents for every collection the rules govern, shaped like the domain contracts, so a
// refused write in a test is refused for the reason the test names and nothing else.
import type { DocumentData } from "firebase/firestore";
import type { Person } from "../support/rulesHarness.js";

export const PERIOD = "2026-11";
const MINUTE = 60_000;

/** UserProfileCreate as the sign-up screen writes it. */
export function profileCreate(person: Person, overrides: DocumentData = {}): DocumentData {
  return {
    email: person.email,
    displayName: "Alice Example",
    createdAt: Date.now(),
    attribution: {
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "launch",
      landingPath: "/welcome",
      capturedAt: Date.now() - 10 * MINUTE,
    },
    aiDataUseConsent: false,
    ...overrides,
  };
}

/** users/{uid} after functions added plan and counters. */
export function storedProfile(person: Person): DocumentData {
  return {
    ...profileCreate(person),
    createdAt: Date.now() - 30 * 86_400_000,
    plan: "free",
    planUpdatedAt: Date.now() - 86_400_000,
    planUpdatedBy: "root",
    sparkCount: 3,
  };
}

/** SparkDoc as the spark callable stores it. */
export function sparkDoc(overrides: DocumentData = {}): DocumentData {
  return {
    requestId: "3f1c0c8e-8d1a-4c47-9a52-1d2b3c4d5e6f",
    brief: { topic: "a launch party for a bakery", count: 3 },
    ideas: [
      {
        title: "Croissant countdown",
        pitch: "Bake a giant croissant on launch day.",
        whyItWorks: "People share what they can taste.",
        effort: "low",
        firstSteps: ["Book the oven"],
      },
    ],
    status: "complete",
    model: "gpt-4.1-mini",
    promptVersion: "v1",
    createdAt: Date.now() - MINUTE,
    completedAt: Date.now(),
    usage: { inputTokens: 120, outputTokens: 480, costUsd: 0.0008 },
    cached: false,
    starred: [0],
    feedback: null,
    ...overrides,
  };
}

export function quotaDoc(uid: string): DocumentData {
  return { uid, period: PERIOD, used: 1200, holds: {}, recent: [], updatedAt: Date.now() };
}

export function usageDoc(uid: string): DocumentData {
  return {
    uid,
    sparkId: "s1",
    model: "gpt-4.1-mini",
    inputTokens: 120,
    outputTokens: 480,
    cachedInputTokens: 0,
    costUsd: 0.0008,
    cached: false,
    estimated: false,
    latencyMs: 900,
    attempts: 1,
    status: "ok",
    period: PERIOD,
    createdAt: Date.now(),
  };
}

/** An event as the track callable stores it (EventDoc). */
export function eventDoc(uid: string | null, overrides: DocumentData = {}): DocumentData {
  return {
    name: "upgrade_clicked",
    at: Date.now(),
    uid,
    visitorId: "0f3c9a7be2d14c5f8a6b1c2d3e4f5a6b",
    props: { from: "usage", count: 5, offline: false },
    campaignId: null,
    ...overrides,
  };
}

/** visitors/{id} as the track callable keeps it (recent event times). */
export function visitorDoc(): DocumentData {
  return { recent: [Date.now() - 1_000], updatedAt: Date.now() - 1_000 };
}

export function campaignDoc(overrides: DocumentData = {}): DocumentData {
  return {
    name: "Launch newsletter",
    utmSource: "newsletter",
    utmMedium: "email",
    utmCampaign: null,
    referralCode: null,
    spendUsdByMonth: { "2026-11": 250 },
    createdAt: Date.UTC(2026, 10, 1),
    archived: false,
    ...overrides,
  };
}

/** A partial config/app, as stored before adminUpdateConfig saved whole configurations. */
export function appConfigDoc(overrides: DocumentData = {}): DocumentData {
  return {
    models: {
      primary: "gpt-6-luna",
      fallback: "gpt-5.4-nano",
      moderation: "omni-moderation-latest",
    },
    maxOutputTokens: 4000,
    aiPaused: false,
    monthlyBudgetUsd: 100,
    budgetAlertThresholds: [0.5, 0.8, 1],
    ...overrides,
  };
}

/** configChanges/{id} as adminUpdateConfig records a change. */
export function configChangeDoc(overrides: DocumentData = {}): DocumentData {
  const before = appConfigDoc();
  return {
    by: "root",
    byEmail: "root@example.test",
    at: Date.now(),
    before,
    after: { ...before, aiPaused: true },
    changedKeys: ["aiPaused"],
    ...overrides,
  };
}

/** `data` without `keys` (to test a missing field). */
export function omit(data: DocumentData, ...keys: string[]): DocumentData {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
}
