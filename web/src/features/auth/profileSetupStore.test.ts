import { describe, expect, it, vi } from "vitest";
import { ATTRIBUTION_STORAGE_KEY } from "../../lib/attribution";
import {
  createProfileSetupStore,
  fallbackDisplayName,
  type ProfileBackend,
} from "./profileSetupStore";

const NOW = Date.UTC(2026, 3, 10);
const USER = { uid: "u1", email: "ada@example.test", displayName: null };

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

function setup(backend: Partial<ProfileBackend> = {}, storage = memoryStorage()) {
  const full: ProfileBackend = {
    profileExists: vi.fn(() => Promise.resolve(false)),
    createProfile: vi.fn(() => Promise.resolve()),
    ...backend,
  };
  const store = createProfileSetupStore({
    loadBackend: () => Promise.resolve(full),
    storage,
    now: () => NOW,
  });
  return { store, backend: full, storage };
}

describe("profile setup", () => {
  it("creates users/{uid} with the typed name, consent and the stored first touch", async () => {
    const attribution = {
      utm_source: "newsletter",
      landingPath: "/welcome",
      capturedAt: NOW - 1000,
    };
    const storage = memoryStorage({ [ATTRIBUTION_STORAGE_KEY]: JSON.stringify(attribution) });
    const { store, backend } = setup({}, storage);
    store.beginSignUp();
    await store.ensure(USER, { displayName: "Ada", aiDataUseConsent: true });
    expect(backend.createProfile).toHaveBeenCalledWith("u1", {
      email: "ada@example.test",
      displayName: "Ada",
      createdAt: NOW,
      attribution,
      aiDataUseConsent: true,
    });
    expect(store.getState()).toEqual({ status: "ready", signingUp: false });
    // First touch is kept for its 30 days, not cleared by the sign-up.
    expect(storage.items.has(ATTRIBUTION_STORAGE_KEY)).toBe(true);
  });

  it("leaves a sign-in during sign-up to the sign-up (which knows the typed name)", async () => {
    const { store, backend } = setup();
    store.beginSignUp();
    await store.ensure(USER);
    expect(backend.profileExists).not.toHaveBeenCalled();
    await store.ensure(USER, { displayName: "Ada", aiDataUseConsent: false });
    expect(backend.createProfile).toHaveBeenCalledTimes(1);
  });

  it("creates a missing profile on a later sign-in with a fallback name and no attribution", async () => {
    const { store, backend } = setup();
    await store.ensure(USER);
    expect(backend.createProfile).toHaveBeenCalledWith("u1", {
      email: "ada@example.test",
      displayName: "ada",
      createdAt: NOW,
      attribution: null,
      aiDataUseConsent: false,
    });
  });

  it("does not write when the profile exists, nor when only the offline cache could answer", async () => {
    for (const exists of [true, null]) {
      const { store, backend } = setup({ profileExists: vi.fn(() => Promise.resolve(exists)) });
      await store.ensure(USER);
      expect(backend.createProfile).not.toHaveBeenCalled();
    }
  });

  it("reports a refused write as failed and succeeds on retry", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const createProfile = vi
      .fn<ProfileBackend["createProfile"]>()
      .mockRejectedValueOnce(Object.assign(new Error("denied"), { code: "permission-denied" }))
      .mockResolvedValueOnce(undefined);
    const { store } = setup({ createProfile });
    await store.ensure(USER, { displayName: "Ada", aiDataUseConsent: false });
    expect(store.getState().status).toBe("failed");
    await store.retry();
    expect(store.getState().status).toBe("ready");
    expect(createProfile).toHaveBeenCalledTimes(2);
    expect(createProfile.mock.calls[1]?.[1].displayName).toBe("Ada");
  });

  it("checks the server only once per account on this device", async () => {
    const { store, backend } = setup({ profileExists: vi.fn(() => Promise.resolve(true)) });
    await store.ensure(USER);
    await store.ensure(USER);
    expect(backend.profileExists).toHaveBeenCalledTimes(1);
  });

  it("derives a valid fallback name", () => {
    expect(fallbackDisplayName({ uid: "x", email: null, displayName: "  " })).toBe(
      "IdeaSpark user",
    );
    expect(
      fallbackDisplayName({ uid: "x", email: null, displayName: "n".repeat(200) }),
    ).toHaveLength(80);
  });

  it("forgets a person: their state, their mark on this device, and a setup still under way", async () => {
    let answer: (exists: boolean) => void = () => {};
    const { store, storage, backend } = setup({
      profileExists: vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve))),
    });
    storage.setItem("ideaspark.profileReady.u0", "1");
    const running = store.ensure(USER);
    expect(store.getState().status).toBe("working");
    store.forget("u0");
    expect(store.getState()).toEqual({ status: "idle", signingUp: false });
    expect(storage.items.has("ideaspark.profileReady.u0")).toBe(false);
    await vi.waitFor(() => expect(backend.profileExists).toHaveBeenCalled());
    answer(true);
    await running;
    expect(store.getState().status).toBe("idle");
  });
});
