import { describe, expect, it } from "vitest";
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
});
