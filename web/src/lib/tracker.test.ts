import { TrackRequest } from "@ideaspark/domain";
import { describe, expect, it, vi } from "vitest";
import { createTracker, newClientId, VISITOR_STORAGE_KEY, visitorIdFrom } from "./tracker";

const NOW = Date.UTC(2026, 11, 2, 10);

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

function setup(
  send: (request: TrackRequest) => Promise<unknown> = async () => ({ recorded: true }),
) {
  const storage = memoryStorage();
  let n = 0;
  const sent: TrackRequest[] = [];
  const waits: number[] = [];
  const tracker = createTracker({
    send: (request) => {
      sent.push(request);
      return send(request);
    },
    storage: () => storage,
    now: () => NOW,
    newId: () => `id${String(++n).padStart(30, "0")}`,
    wait: async (ms) => void waits.push(ms),
  });
  return { tracker, sent, storage, waits };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("newClientId", () => {
  it("makes 32 hex characters the track callable accepts as an id", () => {
    const id = newClientId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(newClientId()).not.toBe(id);
    expect(newClientId((length) => new Uint8Array(length).fill(171))).toBe("ab".repeat(16));
  });
});

describe("visitorIdFrom", () => {
  it("stores a new visitor id once and keeps returning it", () => {
    const storage = memoryStorage();
    expect(visitorIdFrom(storage, "a".repeat(32))).toBe("a".repeat(32));
    expect(visitorIdFrom(storage, "b".repeat(32))).toBe("a".repeat(32));
    expect(storage.items.get(VISITOR_STORAGE_KEY)).toBe("a".repeat(32));
  });

  it("replaces a stored value that is not a valid id", () => {
    const storage = memoryStorage();
    storage.setItem(VISITOR_STORAGE_KEY, "short");
    expect(visitorIdFrom(storage, "c".repeat(32))).toBe("c".repeat(32));
    expect(storage.items.get(VISITOR_STORAGE_KEY)).toBe("c".repeat(32));
  });

  it("falls back to the page's id when storage is blocked or missing", () => {
    const blocked = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {},
    };
    expect(visitorIdFrom(blocked, "d".repeat(32))).toBe("d".repeat(32));
    expect(visitorIdFrom(null, "e".repeat(32))).toBe("e".repeat(32));
  });
});

describe("createTracker", () => {
  it("sends each event with a fresh event id and the same visitor id, valid for the callable", async () => {
    const { tracker, sent } = setup();
    tracker.track("upgrade_clicked", { from: "usage" });
    tracker.track("installed");
    await flush();
    expect(sent).toHaveLength(2);
    for (const request of sent) expect(TrackRequest.safeParse(request).success).toBe(true);
    expect(sent[0]?.eventId).not.toBe(sent[1]?.eventId);
    expect(sent[0]?.visitorId).toBe(sent[1]?.visitorId);
    expect(sent[0]).toMatchObject({ name: "upgrade_clicked", props: { from: "usage" } });
  });

  it("returns at once and swallows failures, thrown or rejected", async () => {
    const never = setup(() => new Promise(() => {}));
    expect(never.tracker.track("installed")).toBeUndefined();
    const rejected = setup(() => Promise.reject(new Error("offline")));
    expect(() => rejected.tracker.track("installed")).not.toThrow();
    const thrown = setup(() => {
      throw new Error("no Firebase config");
    });
    expect(() => thrown.tracker.track("installed")).not.toThrow();
    await flush();
  });

  it("resends the same event once after a network failure (the server counts its id once)", async () => {
    const send = vi
      .fn<(request: TrackRequest) => Promise<unknown>>()
      .mockRejectedValueOnce(
        Object.assign(new Error("unavailable"), { code: "functions/unavailable" }),
      )
      .mockResolvedValue({ recorded: false });
    const { tracker, sent, waits } = setup(send);
    tracker.track("install_prompted", { outcome: "accepted" });
    await flush();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(waits).toEqual([3_000]);
  });

  it("does not resend an event the server refused", async () => {
    const { tracker, sent } = setup(() =>
      Promise.reject(
        Object.assign(new Error("slow down"), { code: "functions/resource-exhausted" }),
      ),
    );
    tracker.track("installed");
    await flush();
    expect(sent).toHaveLength(1);
  });

  it("sends landing_view once per page load with the landing URL's campaign parameters", async () => {
    const { tracker, sent } = setup();
    tracker.trackLanding({ pathname: "/welcome", search: "?utm_source=news&ref=friend" });
    tracker.trackLanding({ pathname: "/welcome", search: "?utm_source=other" });
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      name: "landing_view",
      props: { path: "/welcome" },
      attribution: { utm_source: "news", ref: "friend", landingPath: "/welcome", capturedAt: NOW },
    });
    expect(TrackRequest.safeParse(sent[0]).success).toBe(true);
  });

  it("sends a landing without campaign parameters without attribution, its path cut to fit", async () => {
    const { tracker, sent } = setup();
    tracker.trackLanding({ pathname: `/${"w".repeat(300)}`, search: "" });
    await flush();
    expect(sent[0]).not.toHaveProperty("attribution");
    expect(TrackRequest.safeParse(sent[0]).success).toBe(true);
  });

  it("lets a page about to be left wait for its landing_view: settled after delivery, never rejected", async () => {
    let deliver: (value: unknown) => void = () => {};
    const { tracker, sent } = setup(() => new Promise((resolve) => (deliver = resolve)));
    let settled = false;
    const landing = tracker.trackLanding({ pathname: "/welcome", search: "" });
    void landing.then(() => (settled = true));
    await flush();
    expect(sent).toHaveLength(1);
    expect(settled).toBe(false);
    deliver({ recorded: true });
    await landing;
    expect(settled).toBe(true);

    const failing = setup(() => Promise.reject(new Error("offline")));
    await expect(
      failing.tracker.trackLanding({ pathname: "/welcome", search: "" }),
    ).resolves.toBeUndefined();
    // A second call on the same page sends nothing and does not wait.
    await expect(
      failing.tracker.trackLanding({ pathname: "/welcome", search: "" }),
    ).resolves.toBeUndefined();
    expect(failing.sent).toHaveLength(1);
  });
});
