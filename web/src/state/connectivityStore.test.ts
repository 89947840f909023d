import { describe, expect, it, vi } from "vitest";
import { createConnectivityStore } from "./connectivityStore";

describe("connectivity store", () => {
  it("starts from the browser's current belief", () => {
    expect(createConnectivityStore(new EventTarget(), false).getState().online).toBe(false);
    expect(createConnectivityStore(new EventTarget(), true).getState().online).toBe(true);
  });

  it("follows offline and online events and counts the transitions", () => {
    const target = new EventTarget();
    const store = createConnectivityStore(target, true);
    target.dispatchEvent(new Event("offline"));
    expect(store.getState()).toEqual({ online: false, transitions: 1 });
    target.dispatchEvent(new Event("offline"));
    expect(store.getState().transitions).toBe(1);
    target.dispatchEvent(new Event("online"));
    expect(store.getState()).toEqual({ online: true, transitions: 2 });
  });

  it("stops listening after stop()", () => {
    const target = new EventTarget();
    const store = createConnectivityStore(target, true);
    store.stop();
    target.dispatchEvent(new Event("offline"));
    expect(store.getState().online).toBe(true);
  });

  it("checks a browser that says online, and says offline when the host does not answer", async () => {
    const store = createConnectivityStore(new EventTarget(), true, {
      probe: () => Promise.resolve(false),
      retryMs: 60_000,
    });
    await vi.waitFor(() => expect(store.getState().online).toBe(false));
    store.stop();
  });

  it("keeps checking while unreachable and comes back online without any browser event", async () => {
    vi.useFakeTimers();
    let answers = false;
    const probe = vi.fn(() => Promise.resolve(answers));
    const store = createConnectivityStore(new EventTarget(), true, { probe, retryMs: 5_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().online).toBe(false);
    answers = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(store.getState()).toEqual({ online: true, transitions: 2 });
    const calls = probe.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe.mock.calls.length).toBe(calls); // reachable: no more checks
    store.stop();
    vi.useRealTimers();
  });

  it("trusts an offline browser without asking, and a failing probe counts as unreachable", async () => {
    const probe = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
    const offline = createConnectivityStore(new EventTarget(), false, { probe });
    expect(probe).not.toHaveBeenCalled();
    expect(offline.getState().online).toBe(false);
    const target = new EventTarget();
    const store = createConnectivityStore(target, false, { probe, retryMs: 60_000 });
    target.dispatchEvent(new Event("online"));
    expect(store.getState().online).toBe(true);
    await vi.waitFor(() => expect(store.getState().online).toBe(false));
    offline.stop();
    store.stop();
  });
});
