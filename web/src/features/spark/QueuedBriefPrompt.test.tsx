import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDrafts, queueKey } from "../../lib/drafts";
import { ALICE, signedIn, signedOut } from "../../test/authFakes";
import { QueuedBriefPrompt } from "./QueuedBriefPrompt";
import { sparkRuns } from "./sparkRunStore";

vi.mock("./sparkRunStore", () => ({ sparkRuns: { start: vi.fn(() => Promise.resolve()) } }));
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

const REQUEST_ID = "0b7e8c52-3f1a-4c7e-9d2b-5a6f7e8d9c0b";
const BRIEF = { topic: "Rainy day games", count: 3 };

/** The prompt mounted once above every screen, as in the app shell. */
function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <QueuedBriefPrompt />
            <Outlet />
          </>
        ),
        children: [
          { path: "/history", element: <h1>History</h1> },
          { path: "/spark", element: <h1>New spark</h1> },
          { path: "/spark/:id", element: <h1>Spark</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const goOffline = () => act(() => void window.dispatchEvent(new Event("offline")));
const goOnline = () => act(() => void window.dispatchEvent(new Event("online")));
const prompt = () => screen.queryByTestId("queued-prompt");
const queue = () =>
  createDrafts(ALICE.uid).queue({ requestId: REQUEST_ID, brief: BRIEF, queuedAt: 1 });

describe("the queued-brief prompt on any screen", () => {
  beforeEach(() => {
    localStorage.clear();
    vi.mocked(sparkRuns.start).mockClear();
    signedIn();
    goOnline();
  });
  afterEach(() => goOnline());

  it("asks on /history once the connection returns, and Send starts the spark and opens it", async () => {
    goOffline();
    queue();
    const router = renderAt("/history");
    expect(prompt()).toBeNull();

    goOnline();
    expect(prompt()?.textContent).toContain("You're back online — send your queued brief?");
    expect(prompt()?.textContent).toContain("Rainy day games");
    expect(sparkRuns.start).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Send" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/spark/${REQUEST_ID}`));
    expect(sparkRuns.start).toHaveBeenCalledWith(REQUEST_ID, BRIEF);
    expect(localStorage.getItem(queueKey(ALICE.uid))).toBeNull();
    expect(prompt()).toBeNull();
  });

  it("keeps the brief queued after Not now, and asks again when the connection next returns", () => {
    goOffline();
    queue();
    renderAt("/history");
    goOnline();
    fireEvent.click(screen.getByRole("button", { name: "Not now" }));
    expect(prompt()).toBeNull();
    expect(
      createDrafts(ALICE.uid)
        .queued()
        .map((entry) => entry.requestId),
    ).toEqual([REQUEST_ID]);
    expect(sparkRuns.start).not.toHaveBeenCalled();

    goOffline();
    goOnline();
    expect(prompt()).not.toBeNull();
  });

  it("removes the brief on Discard", () => {
    queue();
    renderAt("/history");
    fireEvent.click(screen.getByRole("button", { name: "Discard" }));
    expect(prompt()).toBeNull();
    expect(localStorage.getItem(queueKey(ALICE.uid))).toBeNull();
  });

  it("shows nothing when nothing is queued", () => {
    goOffline();
    renderAt("/history");
    goOnline();
    expect(prompt()).toBeNull();
  });

  it("shows nothing while offline", () => {
    queue();
    renderAt("/history");
    expect(prompt()).not.toBeNull();
    goOffline();
    expect(prompt()).toBeNull();
  });

  it("shows nothing to a signed-out visitor", () => {
    queue();
    signedOut();
    goOffline();
    renderAt("/history");
    goOnline();
    expect(prompt()).toBeNull();
  });

  it("leaves the form's own list to /spark", () => {
    queue();
    const router = renderAt("/spark");
    goOffline();
    goOnline();
    expect(prompt()).toBeNull();
    act(() => void router.navigate("/history"));
    expect(prompt()).not.toBeNull();
  });

  it("sees a brief queued after the shell mounted (the form and the prompt share storage)", () => {
    goOffline();
    renderAt("/history");
    queue();
    goOnline();
    expect(prompt()).not.toBeNull();
  });
});
