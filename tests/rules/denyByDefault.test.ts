// Until a collection has its own rule, nobody — signed in or not — may read or write it, and a
// rule for a document does not open the subcollections under it.
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc } from "firebase/firestore";
import { describe } from "vitest";
import { ROLES, ruleCases, useRulesHarness, type RuleCase } from "../support/rulesHarness.js";

const rules = useRulesHarness("paths no rule mentions");
const PATHS = [
  "unlisted/existing",
  "users/alice/drafts/existing",
  "config/app/history/existing",
  "configChanges/c1/notes/existing",
  "budgets/2026-11",
  "events/e1/notes/existing",
  "visitors/v1/history/existing",
  "limits/alice/exports/existing",
  "mail/m1/attachments/existing",
  "alerts/a1/notes/existing",
  "rollupWeeks/2026-11-30/days/existing",
  "roles/alice/grants/existing",
  "deletedAccounts/alice/notes/existing",
];

describe("a path no rule mentions", () => {
  const cases: RuleCase[] = [];
  for (const path of PATHS) {
    const seed = { [path]: { owner: "alice" } };
    const parent = path.slice(0, path.lastIndexOf("/"));
    for (const role of ROLES) {
      const name = (operation: string) => `${path}: ${role} cannot ${operation}`;
      cases.push(
        { name: name("get"), allowed: false, seed, attempt: (h) => getDoc(doc(h.as(role), path)) },
        {
          name: name("list"),
          allowed: false,
          seed,
          attempt: (h) => getDocs(collection(h.as(role), parent)),
        },
        {
          name: name("create"),
          allowed: false,
          seed,
          attempt: (h) => setDoc(doc(h.as(role), `${parent}/new`), { owner: "alice" }),
        },
        {
          name: name("update"),
          allowed: false,
          seed,
          attempt: (h) => setDoc(doc(h.as(role), path), { owner: "mallory" }),
        },
        {
          name: name("delete"),
          allowed: false,
          seed,
          attempt: (h) => deleteDoc(doc(h.as(role), path)),
        },
      );
    }
  }
  ruleCases(rules, cases);
});
