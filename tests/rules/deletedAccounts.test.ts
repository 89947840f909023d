// deletedAccounts/{uid}: a deleted account's ID token stays valid for up to an hour after its
// refresh tokens are revoked; the tombstone deleteMyAccount writes first is what stops that
// token from re-creating the profile. Nobody else's tombstone stands in anyone's way.
import { doc, getDoc, setDoc } from "firebase/firestore";
import { describe } from "vitest";
import {
  OTHER,
  OWNER,
  ruleCases,
  useRulesHarness,
  type RulesHarness,
} from "../support/rulesHarness.js";
import { profileCreate } from "./fixtures.js";

const rules = useRulesHarness("deletedAccounts/{uid}");
const tombstone = () => ({ deletedAt: Date.now() - 60_000 });
const createOwnProfile = (h: RulesHarness) =>
  setDoc(doc(h.as("owner"), `users/${OWNER.uid}`), profileCreate(OWNER));

describe("a tombstone and the profile create", () => {
  ruleCases(rules, [
    {
      name: "deletedAccounts: a deleted account's still-valid token cannot re-create its profile",
      allowed: false,
      seed: { [`deletedAccounts/${OWNER.uid}`]: tombstone() },
      attempt: createOwnProfile,
    },
    {
      name: "deletedAccounts: without a tombstone the same profile create is allowed",
      allowed: true,
      attempt: createOwnProfile,
    },
    {
      name: "deletedAccounts: another account's tombstone does not refuse the owner's create",
      allowed: true,
      seed: { [`deletedAccounts/${OTHER.uid}`]: tombstone() },
      attempt: createOwnProfile,
    },
    {
      name: "deletedAccounts: a deleted account cannot read its own tombstone",
      allowed: false,
      seed: { [`deletedAccounts/${OWNER.uid}`]: tombstone() },
      attempt: (h) => getDoc(doc(h.as("owner"), `deletedAccounts/${OWNER.uid}`)),
    },
    {
      name: "deletedAccounts: a deleted account cannot remove its tombstone by overwriting it",
      allowed: false,
      seed: { [`deletedAccounts/${OWNER.uid}`]: tombstone() },
      attempt: (h) => setDoc(doc(h.as("owner"), `deletedAccounts/${OWNER.uid}`), { deletedAt: 0 }),
    },
  ]);
});
