import { beforeEach, describe, expect, it, vi } from "vitest";
import { trackLanding } from "../data/track";
import { ATTRIBUTION_STORAGE_KEY } from "../lib/attribution";
import { recordLanding } from "./landing";

vi.mock("../data/track", () => ({ trackLanding: vi.fn(), trackEvent: vi.fn() }));

describe("the landing page's deferred visit record", () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, "", "/welcome?utm_source=news&ref=friend");
  });

  it("stores the first touch and records a landing_view for the URL the visitor arrived with", () => {
    recordLanding();
    const stored = JSON.parse(localStorage.getItem(ATTRIBUTION_STORAGE_KEY) ?? "null");
    expect(stored).toMatchObject({ utm_source: "news", ref: "friend", landingPath: "/welcome" });
    expect(vi.mocked(trackLanding)).toHaveBeenCalledWith({
      pathname: "/welcome",
      search: "?utm_source=news&ref=friend",
    });
  });

  it("keeps an earlier first touch", () => {
    recordLanding();
    window.history.replaceState(null, "", "/welcome?utm_source=later");
    recordLanding();
    const stored = JSON.parse(localStorage.getItem(ATTRIBUTION_STORAGE_KEY) ?? "null");
    expect(stored.utm_source).toBe("news");
  });
});
