// users/{uid}/sparks/{id}: functions write sparks; their owner may only star ideas and give
// feedback (SparkOwnerUpdate), never change what the model wrote or what it cost.
import { deleteField, doc, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe } from "vitest";
import { OWNER, ruleCases, useRulesHarness } from "../support/rulesHarness.js";
import { omit, sparkDoc } from "./fixtures.js";

const rules = useRulesHarness("users/{uid}/sparks/{id}");
const PATH = `users/${OWNER.uid}/sparks/s1`;
const seed = { [PATH]: sparkDoc() };

const ownerUpdates = (
  cases: {
    name: string;
    allowed: boolean;
    data: DocumentData;
    seed?: Record<string, DocumentData>;
  }[],
) =>
  ruleCases(
    rules,
    cases.map(({ name, allowed, data, seed: own }) => ({
      name: `users/{uid}/sparks/{id}: owner ${name}`,
      allowed,
      seed: own ?? seed,
      attempt: (h) => updateDoc(doc(h.as("owner"), PATH), data),
    })),
  );

describe("users/{uid}/sparks/{id} owner updates", () => {
  ownerUpdates([
    { name: "can star ideas 0, 2 and 9", allowed: true, data: { starred: [0, 2, 9] } },
    { name: "can unstar every idea", allowed: true, data: { starred: [] } },
    {
      name: "can star all ten ideas",
      allowed: true,
      data: { starred: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
    },
    { name: "can give a thumbs up", allowed: true, data: { feedback: "up" } },
    { name: "can give a thumbs down", allowed: true, data: { feedback: "down" } },
    {
      name: "can take feedback back (null)",
      allowed: true,
      seed: { [PATH]: sparkDoc({ feedback: "up" }) },
      data: { feedback: null },
    },
    {
      name: "can star and give feedback on a spark stored without either field",
      allowed: true,
      seed: { [PATH]: omit(sparkDoc(), "starred", "feedback") },
      data: { starred: [1], feedback: "up" },
    },
    { name: "cannot star index 10", allowed: false, data: { starred: [0, 10] } },
    { name: "cannot star a negative index", allowed: false, data: { starred: [-1] } },
    { name: "cannot star a fractional index", allowed: false, data: { starred: [1.5] } },
    { name: "cannot star the same idea twice", allowed: false, data: { starred: [1, 1] } },
    {
      name: "cannot store more than 10 stars",
      allowed: false,
      data: { starred: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9] },
    },
    { name: "cannot store starred as text", allowed: false, data: { starred: "0,1" } },
    { name: "cannot give other feedback", allowed: false, data: { feedback: "meh" } },
    { name: "cannot remove starred", allowed: false, data: { starred: deleteField() } },
    {
      name: "cannot change the ideas",
      allowed: false,
      data: { ideas: [] },
    },
    {
      name: "cannot change usage",
      allowed: false,
      data: { usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } },
    },
    { name: "cannot change status", allowed: false, data: { status: "error" } },
    { name: "cannot change the brief", allowed: false, data: { "brief.topic": "something else" } },
    { name: "cannot change createdAt", allowed: false, data: { createdAt: 0 } },
    { name: "cannot add a key", allowed: false, data: { note: "remember this" } },
    {
      name: "cannot change status while starring",
      allowed: false,
      data: { starred: [1], status: "error", feedback: "up" },
    },
  ]);
});

describe("users/{uid}/sparks/{id} writes by others", () => {
  ruleCases(rules, [
    {
      name: "users/{uid}/sparks/{id}: owner cannot create a spark even in the stored shape",
      allowed: false,
      attempt: (h) => setDoc(doc(h.as("owner"), `users/${OWNER.uid}/sparks/s9`), sparkDoc()),
    },
    {
      name: "users/{uid}/sparks/{id}: admin cannot star another person's idea",
      allowed: false,
      seed,
      attempt: (h) => updateDoc(doc(h.as("admin"), PATH), { starred: [1] }),
    },
  ]);
});
