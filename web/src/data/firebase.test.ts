import { describe, expect, it } from "vitest";
import { removeWriteNotes } from "./firebase";

describe("Firestore's multi-tab notes at sign-out", () => {
  it("removes the notes naming the person's unsent writes, and nothing else", () => {
    localStorage.clear();
    const prefix = "firestore/[DEFAULT]/demo-ideaspark/";
    localStorage.setItem(`firestore_mutations_${prefix}_3_alice`, '{"state":"pending"}');
    localStorage.setItem(`firestore_mutations_${prefix}_4_alice`, '{"state":"pending"}');
    localStorage.setItem(`firestore_mutations_${prefix}_5_malice`, '{"state":"pending"}');
    localStorage.setItem(`firestore_online_state_${prefix}`, "{}");
    localStorage.setItem("ideaspark.visitorId", "x");
    removeWriteNotes("alice", localStorage);
    expect(Object.keys(localStorage).sort()).toEqual([
      `firestore_mutations_${prefix}_5_malice`,
      `firestore_online_state_${prefix}`,
      "ideaspark.visitorId",
    ]);
  });
});
