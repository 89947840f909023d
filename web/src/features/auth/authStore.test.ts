import { describe, expect, it, vi } from "vitest";
import type { Session } from "../../data/auth";
import { FOCUS_REFRESH_INTERVAL_MS, createAuthStore, type AuthBackend } from "./authStore";

const ALICE = {
  uid: "alice",
  email: "a@x.test",
  displayName: "A",
  providers: ["password"],
  emailVerified: true,
};

function fakeBackend() {
  let listener: (session: Session | null) => void = () => {};
  const backend: AuthBackend = {
    onSessionChanged: (next) => {
      listener = next;
      return () => {};
    },
    refreshSession: vi.fn(() => Promise.resolve()),
    signOut: vi.fn(() => Promise.resolve()),
  };
  return { backend, emit: (session: Session | null) => listener(session) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup(now = () => 0) {
  const { backend, emit } = fakeBackend();
  const focus = new EventTarget();
  const store = createAuthStore(() => Promise.resolve(backend), {
    focusTarget: focus,
    visibilityTarget: null,
    now,
  });
  await Promise.resolve();
  await Promise.resolve();
  return { store, backend, emit, focus };
}

describe("auth store", () => {
  it("is loading until the first session report, then follows sign-in and sign-out", async () => {
    const { store, emit } = await setup();
    expect(store.getState().status).toBe("loading");
    emit({ user: ALICE, admin: false });
    expect(store.getState()).toMatchObject({ status: "signedIn", user: ALICE, admin: false });
    emit({ user: ALICE, admin: true });
    expect(store.getState().admin).toBe(true);
    emit(null);
    expect(store.getState()).toMatchObject({ status: "signedOut", user: null, admin: false });
  });

  it("renews a session restored on load once, so a role granted since applies", async () => {
    const { backend, emit } = await setup();
    emit({ user: ALICE, admin: false });
    await flush();
    expect(backend.refreshSession).toHaveBeenCalledTimes(1);
    emit({ user: ALICE, admin: true }); // the renewed token
    await flush();
    expect(backend.refreshSession).toHaveBeenCalledTimes(1);
  });

  it("renews the token on refreshClaims, and on focus at most once per interval", async () => {
    let clock = 100_000;
    const { store, backend, emit, focus } = await setup(() => clock);
    emit({ user: ALICE, admin: false });
    await flush();
    expect(backend.refreshSession).toHaveBeenCalledTimes(1);
    focus.dispatchEvent(new Event("focus"));
    await flush();
    expect(backend.refreshSession).toHaveBeenCalledTimes(1);
    clock += FOCUS_REFRESH_INTERVAL_MS;
    focus.dispatchEvent(new Event("focus"));
    await flush();
    expect(backend.refreshSession).toHaveBeenCalledTimes(2);
    await store.refreshClaims();
    expect(backend.refreshSession).toHaveBeenCalledTimes(3);
  });

  it("does not refresh anything while signed out", async () => {
    const { store, backend, emit } = await setup();
    emit(null);
    await store.refreshClaims();
    expect(backend.refreshSession).not.toHaveBeenCalled();
  });

  it("remembers where a deliberate sign-out goes, until the next sign-in", async () => {
    const { store, backend, emit } = await setup();
    emit({ user: ALICE, admin: false });
    await store.signOut("/welcome", "/settings");
    await flush();
    expect(backend.signOut).toHaveBeenCalled();
    emit(null);
    expect(store.getState().exitTo).toEqual({ to: "/welcome", from: "/settings" });
    emit({ user: ALICE, admin: false });
    expect(store.getState().exitTo).toBeNull();
  });

  it("treats a Firebase SDK that cannot load as signed out instead of loading forever", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const store = createAuthStore(() => Promise.reject(new Error("chunk failed")), {
      focusTarget: null,
      visibilityTarget: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().status).toBe("signedOut");
  });
});
