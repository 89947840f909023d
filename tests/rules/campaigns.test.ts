// campaigns/{id}: admin-only marketing spend records, in a basic validated shape (for CAC).
import { doc, setDoc, type DocumentData } from "firebase/firestore";
import { describe } from "vitest";
import { ruleCases, useRulesHarness } from "../support/rulesHarness.js";
import { campaignDoc, omit } from "./fixtures.js";

const rules = useRulesHarness("campaigns/{id}");

describe("campaigns/{id} shape", () => {
  const cases: { name: string; allowed: boolean; data: DocumentData }[] = [
    { name: "a valid campaign", allowed: true, data: campaignDoc() },
    {
      name: "a medium and notes",
      allowed: true,
      data: campaignDoc({ medium: "email", notes: "Q4 push" }),
    },
    { name: "zero spend", allowed: true, data: campaignDoc({ spendUsd: 0 }) },
    { name: "fractional spend", allowed: true, data: campaignDoc({ spendUsd: 99.95 }) },
    { name: "negative spend", allowed: false, data: campaignDoc({ spendUsd: -1 }) },
    { name: "spend as text", allowed: false, data: campaignDoc({ spendUsd: "250" }) },
    ...["name", "source", "spendUsd", "startsAt", "endsAt"].map((key) => ({
      name: `no ${key}`,
      allowed: false,
      data: omit(campaignDoc(), key),
    })),
    { name: "an empty name", allowed: false, data: campaignDoc({ name: "" }) },
    { name: "a 101-character name", allowed: false, data: campaignDoc({ name: "n".repeat(101) }) },
    {
      name: "a 101-character source",
      allowed: false,
      data: campaignDoc({ source: "s".repeat(101) }),
    },
    {
      name: "notes over 1000 characters",
      allowed: false,
      data: campaignDoc({ notes: "n".repeat(1001) }),
    },
    { name: "a fractional start", allowed: false, data: campaignDoc({ startsAt: 1.5 }) },
    {
      name: "an end before its start",
      allowed: false,
      data: campaignDoc({ startsAt: Date.UTC(2026, 10, 2), endsAt: Date.UTC(2026, 10, 1) }),
    },
    { name: "an unknown key", allowed: false, data: campaignDoc({ clicks: 10 }) },
  ];
  ruleCases(
    rules,
    cases.map(({ name, allowed, data }) => ({
      name: `campaigns/{id}: admin ${allowed ? "can" : "cannot"} save a campaign with ${name}`,
      allowed,
      attempt: (h) => setDoc(doc(h.as("admin"), "campaigns/c1"), data),
    })),
  );
});
