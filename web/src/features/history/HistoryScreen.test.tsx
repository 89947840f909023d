import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signedIn } from "../../test/authFakes";
import { HistoryScreen } from "./HistoryScreen";
import { fail, push, watching } from "./liveFakes";
import { testSpark } from "./testSparks";

const fakes = await vi.hoisted(() => import("./liveFakes"));
vi.mock("../../data/history", () => fakes.fakeHistoryModule);
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

function renderHistory(path = "/history") {
  const router = createMemoryRouter([{ path: "/history", Component: HistoryScreen }], {
    initialEntries: [path],
  });
  render(<RouterProvider router={router} />);
  return router;
}

async function pushSparks(sparks: ReturnType<typeof testSpark>[], fromCache = false) {
  await waitFor(() => expect(watching("sparks")).toBe(true));
  act(() => push("sparks", sparks, fromCache));
}

const topics = () => screen.queryAllByTestId("spark-topic").map((topic) => topic.textContent);

const SPARKS = [
  testSpark("a", { brief: { topic: "Workshops for a bike shop", count: 2 }, starred: [1] }),
  testSpark("b", { brief: { topic: "Fundraising for a choir", audience: "Parents", count: 2 } }),
  testSpark("c", { brief: { topic: "Crème brûlée pop-up", count: 2 } }),
];

describe("HistoryScreen", () => {
  beforeEach(() => signedIn());

  it("shows a loading skeleton, then an empty state for someone without sparks", async () => {
    renderHistory();
    expect(screen.getByTestId("sparks-loading")).toBeTruthy();
    await pushSparks([]);
    expect(screen.getByRole("heading", { name: "Nothing here yet" })).toBeTruthy();
    expect(screen.queryByTestId("history-search")).toBeNull();
  });

  it("narrows the list as you type, ignoring case and accents", async () => {
    renderHistory();
    await pushSparks(SPARKS);
    expect(topics()).toHaveLength(3);
    fireEvent.change(screen.getByTestId("history-search"), { target: { value: "CREME" } });
    expect(topics()).toEqual(["Crème brûlée pop-up"]);
    fireEvent.change(screen.getByTestId("history-search"), { target: { value: "parents" } });
    expect(topics()).toEqual(["Fundraising for a choir"]);
  });

  it("keeps only starred sparks with the filter", async () => {
    renderHistory();
    await pushSparks(SPARKS);
    fireEvent.click(screen.getByTestId("history-starred-only"));
    expect(topics()).toEqual(["Workshops for a bike shop"]);
  });

  it("says when nothing matches and clears the search on request", async () => {
    const router = renderHistory("/history?q=zebra");
    await pushSparks(SPARKS);
    expect(screen.getByTestId("history-no-results").textContent).toContain("“zebra”");
    fireEvent.click(screen.getByRole("button", { name: "Clear search" }));
    expect(topics()).toHaveLength(3);
    expect(router.state.location.search).toBe("");
  });

  it("marks a partial spark with a badge and how many of the asked-for ideas it has", async () => {
    renderHistory();
    await pushSparks([
      testSpark("p", { status: "partial", brief: { topic: "Half done", count: 5 } }),
      testSpark("c"),
    ]);
    const [partial, complete] = screen.getAllByTestId("spark-item");
    const within = (item: HTMLElement | undefined, id: string) =>
      item?.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect(within(partial, "spark-status")).toBe("Partial");
    expect(within(partial, "spark-idea-count")).toBe("2 of 5 ideas");
    expect(within(complete, "spark-status")).toBe("Complete");
    expect(within(complete, "spark-idea-count")).toBe("2 ideas");
  });

  it("follows every spark (no page limit) and searches all of them, the oldest too", async () => {
    renderHistory();
    const day = 86_400_000;
    const many = Array.from({ length: 2_000 }, (_, index) =>
      testSpark(`s${index}`, {
        createdAt: Date.now() - index * (day / 4),
        brief: { topic: `Spark number ${index}`, count: 2 },
      }),
    );
    many[1_999] = testSpark("oldest", {
      createdAt: Date.now() - 600 * day,
      brief: { topic: "Oldest spark", constraints: "Only on a zeppelin", count: 2 },
    });
    await pushSparks(many);
    expect(fakes.fakeHistoryModule.watchSparks.mock.calls.at(-1)?.[1]).toBeNull();
    const rendered = screen.getAllByTestId("spark-item");
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0]?.getAttribute("aria-setsize")).toBe(
      screen.getByTestId("history-list").getAttribute("data-rows"),
    );
    fireEvent.change(screen.getByTestId("history-search"), { target: { value: "ZEPPELIN" } });
    expect(topics()).toEqual(["Oldest spark"]);
  });

  it("shows saved sparks offline with a notice", async () => {
    renderHistory();
    act(() => window.dispatchEvent(new Event("offline")));
    await pushSparks(SPARKS, true);
    expect(topics()).toHaveLength(3);
    expect(screen.getByTestId("saved-data-notice").textContent).toContain(
      "Showing saved data (offline)",
    );
    act(() => window.dispatchEvent(new Event("online")));
    expect(screen.queryByTestId("saved-data-notice")).toBeNull();
  });

  it("says so when the sparks cannot be read", async () => {
    renderHistory();
    await waitFor(() => expect(watching("sparks")).toBe(true));
    act(() => fail("sparks"));
    expect(screen.getByTestId("history-error")).toBeTruthy();
  });
});
