import { describe, expect, it } from "vitest";
import { emulatorAppCheckToken } from "./firebase";
import { removeWriteNotes } from "./firestore";

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

describe("the emulator App Check token", () => {
  it("is a JWT the Functions emulator decodes to this app's id, valid for an hour", () => {
    const token = emulatorAppCheckToken("1:000000000000:web:demo", Date.UTC(2026, 0, 1));
    // The Functions emulator's test before decoding (firebase-functions' JWT_REGEX).
    expect(token).toMatch(/^[a-zA-Z0-9\-_=]+?\.[a-zA-Z0-9\-_=]+?\.([a-zA-Z0-9\-_=]+)?$/);
    const claims = JSON.parse(
      atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")),
    );
    expect(claims).toEqual({
      sub: "1:000000000000:web:demo",
      iat: Date.UTC(2026, 0, 1) / 1000,
      exp: Date.UTC(2026, 0, 1) / 1000 + 3600,
    });
  });
});
