import { describe, expect, it } from "vitest";
import {
  ATTRIBUTION_STORAGE_KEY,
  attributionFromUrl,
  captureAttribution,
  readAttribution,
} from "./attribution";

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 3, 1);

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const landing = (search: string, pathname = "/welcome") => ({ search, pathname });

describe("attribution", () => {
  it("captures utm parameters and ref with the landing path and time", () => {
    const storage = memoryStorage();
    const result = captureAttribution(
      storage,
      landing("?utm_source=newsletter&utm_medium=email&utm_campaign=spring&ref=friend&x=1"),
      T0,
    );
    expect(result).toEqual({
      utm_source: "newsletter",
      utm_medium: "email",
      utm_campaign: "spring",
      ref: "friend",
      landingPath: "/welcome",
      capturedAt: T0,
    });
    expect(JSON.parse(storage.items.get(ATTRIBUTION_STORAGE_KEY)!)).toEqual(result);
  });

  it("captures on any landing page, not only /welcome", () => {
    const result = attributionFromUrl(landing("?utm_source=ads", "/history"), T0);
    expect(result).toMatchObject({ utm_source: "ads", landingPath: "/history" });
  });

  it("keeps the first touch when a later visit brings another campaign", () => {
    const storage = memoryStorage();
    captureAttribution(storage, landing("?utm_source=first"), T0);
    const later = captureAttribution(storage, landing("?utm_source=second", "/"), T0 + 5 * DAY);
    expect(later).toMatchObject({ utm_source: "first", capturedAt: T0 });
    expect(readAttribution(storage, T0 + 6 * DAY)?.utm_source).toBe("first");
  });

  it("keeps the first touch across visits without parameters", () => {
    const storage = memoryStorage();
    captureAttribution(storage, landing("?utm_campaign=spring"), T0);
    expect(captureAttribution(storage, landing("", "/signup"), T0 + DAY)?.utm_campaign).toBe(
      "spring",
    );
  });

  it("expires after 30 days, after which a new touch counts", () => {
    const storage = memoryStorage();
    captureAttribution(storage, landing("?utm_source=old"), T0);
    expect(readAttribution(storage, T0 + 30 * DAY - 1)?.utm_source).toBe("old");
    expect(readAttribution(storage, T0 + 30 * DAY)).toBeNull();
    expect(storage.items.has(ATTRIBUTION_STORAGE_KEY)).toBe(false);
    const fresh = captureAttribution(storage, landing("?utm_source=new"), T0 + 31 * DAY);
    expect(fresh).toMatchObject({ utm_source: "new", capturedAt: T0 + 31 * DAY });
  });

  it("stores nothing for a landing without attribution parameters", () => {
    const storage = memoryStorage();
    expect(captureAttribution(storage, landing("?q=ideas"), T0)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("ignores empty, control-character and broken-unicode values but keeps good ones", () => {
    const result = attributionFromUrl(
      landing("?utm_source=%20%20&utm_medium=a%00b&utm_term=%ED%A0%80&utm_campaign=ok"),
      T0,
    );
    expect(result).toEqual({ utm_campaign: "ok", landingPath: "/welcome", capturedAt: T0 });
    expect(attributionFromUrl(landing("?utm_source=&ref=%0A"), T0)).toBeNull();
  });

  it("truncates over-long values to 100 characters", () => {
    const result = attributionFromUrl(landing(`?utm_content=${"x".repeat(500)}`), T0);
    expect(result?.utm_content).toHaveLength(100);
  });

  it("drops a stored record that is not valid attribution", () => {
    for (const garbage of ["not json", "{}", '{"utm_source":"a","capturedAt":-1}', "null"]) {
      const storage = memoryStorage();
      storage.setItem(ATTRIBUTION_STORAGE_KEY, garbage);
      expect(readAttribution(storage, T0)).toBeNull();
      expect(storage.items.size).toBe(0);
    }
  });

  it("drops a record captured in the future (a clock that jumped back)", () => {
    const storage = memoryStorage();
    captureAttribution(storage, landing("?utm_source=a"), T0 + DAY);
    expect(readAttribution(storage, T0)).toBeNull();
  });

  it("survives storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("denied");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(captureAttribution(broken, landing("?utm_source=a"), T0)).toMatchObject({
      utm_source: "a",
    });
  });
});
