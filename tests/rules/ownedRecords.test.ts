// quotas/{uid}_{period} and usage/{requestId}: functions-only records that carry a `uid`; a
// person reads only their own (queries must say so), admins read all.
import { collection, doc, getDoc, getDocs, query, where } from "firebase/firestore";
import { describe } from "vitest";
import { OTHER, OWNER, ruleCases, useRulesHarness } from "../support/rulesHarness.js";
import { PERIOD, quotaDoc, usageDoc } from "./fixtures.js";

const rules = useRulesHarness("quotas and usage");
const seed = {
  [`quotas/${OWNER.uid}_${PERIOD}`]: quotaDoc(OWNER.uid),
  [`quotas/${OTHER.uid}_${PERIOD}`]: quotaDoc(OTHER.uid),
  "usage/r1": usageDoc(OWNER.uid),
  "usage/r2": usageDoc(OTHER.uid),
};

describe("quotas/{uid}_{period} reads", () => {
  ruleCases(rules, [
    {
      name: "quotas/{uid}_{period}: owner can get their quota for a month without usage yet",
      allowed: true,
      seed,
      attempt: (h) => getDoc(doc(h.as("owner"), `quotas/${OWNER.uid}_2026-12`)),
    },
    {
      name: "quotas/{uid}_{period}: other user cannot get the owner's missing quota",
      allowed: false,
      seed,
      attempt: (h) => getDoc(doc(h.as("other user"), `quotas/${OWNER.uid}_2026-12`)),
    },
    {
      name: "quotas/{uid}_{period}: a user whose uid prefixes another's cannot get that quota",
      allowed: false,
      attempt: (h) =>
        getDoc(doc(h.env.authenticatedContext("al").firestore(), `quotas/al_ice_${PERIOD}`)),
    },
    {
      name: "quotas/{uid}_{period}: owner cannot get a missing doc that is not a month",
      allowed: false,
      attempt: (h) => getDoc(doc(h.as("owner"), `quotas/${OWNER.uid}_2026-13`)),
    },
    {
      name: "quotas/{uid}_{period}: owner can list their quotas",
      allowed: true,
      seed,
      attempt: (h) =>
        getDocs(query(collection(h.as("owner"), "quotas"), where("uid", "==", OWNER.uid))),
    },
    {
      name: "quotas/{uid}_{period}: owner cannot list every quota",
      allowed: false,
      seed,
      attempt: (h) => getDocs(collection(h.as("owner"), "quotas")),
    },
    {
      name: "quotas/{uid}_{period}: owner cannot list another user's quotas",
      allowed: false,
      seed,
      attempt: (h) =>
        getDocs(query(collection(h.as("owner"), "quotas"), where("uid", "==", OTHER.uid))),
    },
    {
      name: "quotas/{uid}_{period}: admin can list every quota",
      allowed: true,
      seed,
      attempt: (h) => getDocs(collection(h.as("admin"), "quotas")),
    },
  ]);
});

describe("usage/{requestId} reads", () => {
  ruleCases(rules, [
    {
      name: "usage/{requestId}: owner can list their usage by period",
      allowed: true,
      seed,
      attempt: (h) =>
        getDocs(
          query(
            collection(h.as("owner"), "usage"),
            where("uid", "==", OWNER.uid),
            where("period", "==", PERIOD),
          ),
        ),
    },
    {
      name: "usage/{requestId}: owner cannot list every usage record",
      allowed: false,
      seed,
      attempt: (h) => getDocs(collection(h.as("owner"), "usage")),
    },
    {
      name: "usage/{requestId}: owner cannot list usage filtered only by period",
      allowed: false,
      seed,
      attempt: (h) =>
        getDocs(query(collection(h.as("owner"), "usage"), where("period", "==", PERIOD))),
    },
    {
      name: "usage/{requestId}: owner cannot get another user's usage record",
      allowed: false,
      seed,
      attempt: (h) => getDoc(doc(h.as("owner"), "usage/r2")),
    },
    {
      name: "usage/{requestId}: owner cannot get a usage record that does not exist",
      allowed: false,
      seed,
      attempt: (h) => getDoc(doc(h.as("owner"), "usage/r9")),
    },
    {
      name: "usage/{requestId}: admin can list every usage record",
      allowed: true,
      seed,
      attempt: (h) => getDocs(collection(h.as("admin"), "usage")),
    },
  ]);
});
