// users/{uid}: the profile its owner creates once at sign-up (exactly UserProfileCreate) and
// the only two fields they may change later; plan, counters, roles, email, createdAt and
// attribution stay as functions and sign-up left them.
import { deleteField, doc, setDoc, updateDoc, type DocumentData } from "firebase/firestore";
import { describe } from "vitest";
import {
  OTHER,
  OWNER,
  ruleCases,
  useRulesHarness,
  type RulesHarness,
} from "../support/rulesHarness.js";
import { omit, profileCreate, storedProfile } from "./fixtures.js";

const rules = useRulesHarness("users/{uid}");
const PATH = `users/${OWNER.uid}`;
const MINUTE = 60_000;

const create = (data: DocumentData) => (h: RulesHarness) => setDoc(doc(h.as("owner"), PATH), data);
const update = (data: DocumentData) => (h: RulesHarness) =>
  updateDoc(doc(h.as("owner"), PATH), data);
const withAttribution = (attribution: unknown) => profileCreate(OWNER, { attribution });
const attribution = (fields: DocumentData) => ({
  landingPath: "/welcome",
  capturedAt: Date.now() - MINUTE,
  ...fields,
});

describe("users/{uid} create", () => {
  ruleCases(rules, [
    {
      name: "users/{uid}: owner can create their profile with attribution",
      allowed: true,
      attempt: create(profileCreate(OWNER)),
    },
    {
      name: "users/{uid}: owner can create their profile without attribution (null)",
      allowed: true,
      attempt: create(withAttribution(null)),
    },
    {
      name: "users/{uid}: owner can create with every attribution key at its longest",
      allowed: true,
      attempt: create(
        withAttribution({
          utm_source: "s".repeat(100),
          utm_medium: "m".repeat(100),
          utm_campaign: "c".repeat(100),
          utm_term: "t".repeat(100),
          utm_content: "x".repeat(100),
          ref: "r".repeat(100),
          landingPath: `/${"p".repeat(199)}`,
          capturedAt: Date.now() - 7 * 86_400_000,
        }),
      ),
    },
    {
      name: "users/{uid}: owner can create with an 80-character display name (emoji count once)",
      allowed: true,
      attempt: create(profileCreate(OWNER, { displayName: "💡".repeat(80) })),
    },
    {
      name: "users/{uid}: owner cannot create with an 81-character display name",
      allowed: false,
      attempt: create(profileCreate(OWNER, { displayName: "a".repeat(81) })),
    },
    {
      name: "users/{uid}: owner cannot create with an empty display name",
      allowed: false,
      attempt: create(profileCreate(OWNER, { displayName: "" })),
    },
    {
      name: "users/{uid}: owner cannot create with an untrimmed display name",
      allowed: false,
      attempt: create(profileCreate(OWNER, { displayName: " Alice" })),
    },
    {
      name: "users/{uid}: owner cannot create with a control character in the display name",
      allowed: false,
      attempt: create(profileCreate(OWNER, { displayName: "Ali\nce" })),
    },
    {
      name: "users/{uid}: owner cannot create with a display name that is not text",
      allowed: false,
      attempt: create(profileCreate(OWNER, { displayName: 42 })),
    },
    ...["plan", "sparkCount", "tokensUsed", "admin", "roles"].map((key) => ({
      name: `users/{uid}: owner cannot create with an extra key (${key})`,
      allowed: false,
      attempt: create(profileCreate(OWNER, { [key]: key === "plan" ? "pro" : true })),
    })),
    ...["email", "displayName", "createdAt", "attribution", "aiDataUseConsent"].map((key) => ({
      name: `users/{uid}: owner cannot create without ${key}`,
      allowed: false,
      attempt: create(omit(profileCreate(OWNER), key)),
    })),
    {
      name: "users/{uid}: owner cannot create with another account's email",
      allowed: false,
      attempt: create(profileCreate(OWNER, { email: OTHER.email })),
    },
    {
      name: "users/{uid}: an anonymous user (no email) cannot create a profile",
      allowed: false,
      attempt: (h) =>
        setDoc(doc(h.anonymous(), "users/anon-1"), profileCreate(OWNER, { email: "" })),
    },
    {
      name: "users/{uid}: owner cannot create with a stale createdAt (10 minutes old)",
      allowed: false,
      attempt: create(profileCreate(OWNER, { createdAt: Date.now() - 10 * MINUTE })),
    },
    {
      name: "users/{uid}: owner cannot create with a future createdAt (10 minutes ahead)",
      allowed: false,
      attempt: create(profileCreate(OWNER, { createdAt: Date.now() + 10 * MINUTE })),
    },
    {
      name: "users/{uid}: owner cannot create with createdAt as text",
      allowed: false,
      attempt: create(profileCreate(OWNER, { createdAt: String(Date.now()) })),
    },
    {
      name: "users/{uid}: owner cannot create with aiDataUseConsent that is not a bool",
      allowed: false,
      attempt: create(profileCreate(OWNER, { aiDataUseConsent: "yes" })),
    },
    {
      name: "users/{uid}: owner cannot create with an unknown attribution key (gclid)",
      allowed: false,
      attempt: create(withAttribution(attribution({ gclid: "abc" }))),
    },
    {
      name: "users/{uid}: owner cannot create with a 101-character utm_source",
      allowed: false,
      attempt: create(withAttribution(attribution({ utm_source: "s".repeat(101) }))),
    },
    {
      name: "users/{uid}: owner cannot create with an empty ref",
      allowed: false,
      attempt: create(withAttribution(attribution({ ref: "" }))),
    },
    {
      name: "users/{uid}: owner cannot create with a 201-character landingPath",
      allowed: false,
      attempt: create(withAttribution(attribution({ landingPath: `/${"p".repeat(200)}` }))),
    },
    {
      name: "users/{uid}: owner cannot create with attribution missing landingPath",
      allowed: false,
      attempt: create(withAttribution(omit(attribution({}), "landingPath"))),
    },
    {
      name: "users/{uid}: owner cannot create with attribution missing capturedAt",
      allowed: false,
      attempt: create(withAttribution(omit(attribution({}), "capturedAt"))),
    },
    {
      name: "users/{uid}: owner cannot create with capturedAt as text",
      allowed: false,
      attempt: create(withAttribution(attribution({ capturedAt: "yesterday" }))),
    },
    {
      name: "users/{uid}: owner cannot create with attribution that is not a map",
      allowed: false,
      attempt: create(withAttribution("utm_source=newsletter")),
    },
    {
      name: "users/{uid}: owner cannot create their profile a second time",
      allowed: false,
      seed: { [PATH]: storedProfile(OWNER) },
      attempt: create(profileCreate(OWNER)),
    },
  ]);
});

describe("users/{uid} update", () => {
  const seed = { [PATH]: storedProfile(OWNER) };
  ruleCases(
    rules,
    [
      { name: "owner can change displayName", allowed: true, data: { displayName: "Al" } },
      {
        name: "owner can change aiDataUseConsent",
        allowed: true,
        data: { aiDataUseConsent: true },
      },
      {
        name: "owner can change displayName and aiDataUseConsent together",
        allowed: true,
        data: { displayName: "Al", aiDataUseConsent: true },
      },
      {
        name: "owner cannot set an 81-character displayName",
        allowed: false,
        data: { displayName: "a".repeat(81) },
      },
      { name: "owner cannot set an empty displayName", allowed: false, data: { displayName: "" } },
      {
        name: "owner cannot set aiDataUseConsent to text",
        allowed: false,
        data: { aiDataUseConsent: "yes" },
      },
      {
        name: "owner cannot remove displayName",
        allowed: false,
        data: { displayName: deleteField() },
      },
      { name: "owner cannot set plan", allowed: false, data: { plan: "pro" } },
      { name: "owner cannot alter counters", allowed: false, data: { sparkCount: 0 } },
      { name: "owner cannot grant a role", allowed: false, data: { admin: true } },
      { name: "owner cannot add roles", allowed: false, data: { roles: ["admin"] } },
      { name: "owner cannot change email", allowed: false, data: { email: "new@example.test" } },
      { name: "owner cannot change createdAt", allowed: false, data: { createdAt: Date.now() } },
      {
        name: "owner cannot change attribution after creation",
        allowed: false,
        data: { attribution: attribution({ utm_source: "ads" }) },
      },
      {
        name: "owner cannot clear attribution after creation",
        allowed: false,
        data: { attribution: null },
      },
      {
        name: "owner cannot sneak a plan change in with a name change",
        allowed: false,
        data: { displayName: "Al", plan: "pro" },
      },
    ].map(({ name, allowed, data }) => ({
      name: `users/{uid}: ${name}`,
      allowed,
      seed,
      attempt: update(data),
    })),
  );
  ruleCases(rules, [
    {
      name: "users/{uid}: owner can save the whole profile back with only the name changed",
      allowed: true,
      seed,
      attempt: (h) =>
        setDoc(doc(h.as("owner"), PATH), { ...seed[PATH], displayName: "Al" }, { merge: true }),
    },
    {
      name: "users/{uid}: owner can give consent on a profile that never had the field",
      allowed: true,
      seed: { [PATH]: omit(storedProfile(OWNER), "aiDataUseConsent") },
      attempt: update({ aiDataUseConsent: true }),
    },
  ]);
});
