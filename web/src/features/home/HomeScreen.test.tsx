import { DEFAULT_APP_CONFIG, periodKey } from "@ideaspark/domain";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeProfileModule, signedIn } from "../../test/authFakes";
import { push, watching } from "../history/liveFakes";
import { testSpark } from "../history/testSparks";
import { forgetPersonalState } from "../../lib/personalState";
import { HomeScreen } from "./HomeScreen";

// Synchronous factories: two screens' hooks import the same data module at once.
const fakes = await vi.hoisted(() => import("../history/liveFakes"));
vi.mock("../../data/history", () => fakes.fakeHistoryModule);
vi.mock("../../data/usage", () => fakes.fakeUsageModule);
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);
vi.mock("../../data/profile", async () => (await import("../../test/authFakes")).fakeProfileModule);

function renderHome() {
  const router = createMemoryRouter([{ path: "/", Component: HomeScreen }], {
    initialEntries: ["/"],
  });
  render(<RouterProvider router={router} />);
}

async function pushUsage(used: number | null, plan: "free" | "pro" = "free") {
  await waitFor(() => expect([watching("quota"), watching("config")]).toEqual([true, true]));
  const profileCall = fakeProfileModule.watchProfile.mock.calls.at(-1) as unknown as [
    string,
    (profile: unknown) => void,
  ];
  act(() => {
    profileCall[1]({
      email: "alice@example.test",
      displayName: "Alice",
      createdAt: 1,
      attribution: null,
      aiDataUseConsent: false,
      plan,
    });
    push("config", DEFAULT_APP_CONFIG);
    push(
      "quota",
      used === null
        ? null
        : { uid: "alice", period: periodKey(Date.now()), used, holds: {}, recent: [] },
    );
  });
}

describe("HomeScreen", () => {
  beforeEach(() => {
    signedIn();
    fakeProfileModule.watchProfile.mockClear();
  });

  it("shows skeletons until the first snapshots arrive", () => {
    renderHome();
    expect(screen.getByTestId("sparks-loading")).toBeTruthy();
    expect(screen.getByTestId("usage-loading")).toBeTruthy();
    expect(screen.queryByTestId("usage-meter")).toBeNull();
  });

  it("welcomes a new user with an empty state and an unused meter", async () => {
    renderHome();
    await waitFor(() => expect(watching("sparks")).toBe(true));
    act(() => push("sparks", []));
    await pushUsage(null);
    expect(screen.getByRole("heading", { name: "No sparks yet" })).toBeTruthy();
    expect(screen.getByTestId("usage-used").textContent).toBe("0");
    expect(screen.getByTestId("usage-limit").textContent).toBe(
      new Intl.NumberFormat().format(DEFAULT_APP_CONFIG.plans.free.monthlyTokens),
    );
    expect(screen.getByTestId("usage-plan").textContent).toBe("Free plan");
    expect(screen.getByTestId("new-spark").getAttribute("href")).toBe("/spark");
  });

  it("lists recent sparks with idea count, status, stars and a link to each", async () => {
    renderHome();
    await waitFor(() => expect(watching("sparks")).toBe(true));
    act(() =>
      push("sparks", [
        testSpark("s1", { brief: { topic: "Bike workshops", count: 2 }, starred: [0, 1] }),
        testSpark("s2", { status: "error", ideas: [] }),
      ]),
    );
    const items = screen.getAllByTestId("spark-item");
    expect(items).toHaveLength(2);
    const first = within(items[0]!);
    expect(first.getByTestId("spark-topic").textContent).toBe("Bike workshops");
    expect(first.getByTestId("spark-idea-count").textContent).toBe("2 ideas");
    expect(first.getByTestId("spark-starred-count").textContent).toContain("2 starred");
    expect(first.getByRole("link").getAttribute("href")).toBe("/spark/s1");
    expect(within(items[1]!).getByTestId("spark-status").textContent).toBe("Failed");
  });

  it("warns and offers Pro when the free plan is nearly used up", async () => {
    renderHome();
    await pushUsage(45_000);
    expect(screen.getByTestId("usage-percent").textContent).toBe("90%");
    expect(screen.getByTestId("usage-meter").getAttribute("data-level")).toBe("near");
    expect(screen.getByTestId("usage-upgrade-link").getAttribute("href")).toBe("/usage#upgrade");
  });

  it("says the list is saved data when it comes from the cache offline", async () => {
    renderHome();
    await waitFor(() => expect(watching("sparks")).toBe(true));
    act(() => window.dispatchEvent(new Event("offline")));
    act(() => push("sparks", [testSpark("s1")], true));
    expect(screen.getByTestId("saved-data-notice").textContent).toContain(
      "Showing saved data (offline)",
    );
    act(() => window.dispatchEvent(new Event("online")));
  });

  it("keeps the room the recent sparks took last time while they load, and forgets it at sign-out", async () => {
    localStorage.clear();
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (
      this: HTMLElement,
    ) {
      return { height: this.classList.contains("home-recent-body") ? 240 : 0 } as DOMRect;
    });
    const { unmount } = render(
      <RouterProvider
        router={createMemoryRouter([{ path: "/", Component: HomeScreen }], {
          initialEntries: ["/"],
        })}
      />,
    );
    // A first visit: nothing remembered, the placeholder has its own size.
    const firstPlaceholder = screen.getByTestId("sparks-loading").parentElement as HTMLElement;
    expect(firstPlaceholder.style.height).toBe("");
    await waitFor(() => expect(watching("sparks")).toBe(true));
    act(() => push("sparks", [testSpark("s1")]));
    expect(localStorage.getItem("ideaspark.height.homeRecent.alice")).toBe("240");
    unmount();

    renderHome();
    const placeholder = screen.getByTestId("sparks-loading").parentElement as HTMLElement;
    expect(placeholder.style.height).toBe("240px");
    expect(placeholder.style.overflow).toBe("hidden");
    await waitFor(() => expect(watching("sparks")).toBe(true));
    act(() => push("sparks", [testSpark("s1")]));
    expect(placeholder.style.height).toBe("");
    // Loaded, nothing is clipped (focus rings included).
    expect(placeholder.style.overflow).toBe("");

    forgetPersonalState("alice");
    expect(localStorage.getItem("ideaspark.height.homeRecent.alice")).toBeNull();
  });
});
