import { act, fireEvent, render, screen } from "@testing-library/react";
import { useEffect, useState } from "react";
import { Link, Navigate, Outlet, RouterProvider, createMemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Screen } from "../ui/Screen";
import { HEADING_WAIT_MS, RouteFocus } from "./RouteFocus";

const late = vi.hoisted(() => ({ show: () => {} }));

function Shell() {
  return (
    <>
      <nav>
        <Link to="/history">History</Link>
        <Link to="/?tab=starred">Starred</Link>
        <Link to="/late">Late</Link>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <RouteFocus />
    </>
  );
}

/** A screen whose heading shows only after its data arrives (late.show()). */
function LateScreen() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    late.show = () => setReady(true);
  }, []);
  if (!ready) return <p>Loading…</p>;
  return (
    <Screen title="Late">
      <button type="button">Inside</button>
    </Screen>
  );
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        Component: Shell,
        children: [
          { index: true, element: <Screen title="Home" /> },
          { path: "history", element: <Screen title="History" /> },
          { path: "late", Component: LateScreen },
          { path: "old", element: <Navigate replace to="/history" /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const heading = (name: string) => screen.getByRole("heading", { level: 1, name });

/** A person's click: a pointer press, then the click. */
function press(name: string) {
  const link = screen.getByRole("link", { name });
  fireEvent.pointerDown(link);
  fireEvent.click(link);
}

afterEach(() => {
  vi.useRealTimers();
  (document.activeElement as HTMLElement | null)?.blur();
});

describe("RouteFocus", () => {
  it("leaves focus alone on the first load", () => {
    renderAt("/");
    expect(heading("Home")).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
  });

  it("leaves focus alone when a redirect happens before the person did anything", () => {
    renderAt("/old");
    expect(heading("History")).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
  });

  it("moves focus to the new screen's heading and retitles the document after a navigation", () => {
    renderAt("/");
    expect(document.title).toBe("Home · IdeaSpark");
    press("History");
    expect(document.activeElement).toBe(heading("History"));
    expect(document.title).toBe("History · IdeaSpark");
    // The heading takes focus but is no Tab stop.
    expect(heading("History").tabIndex).toBe(-1);
  });

  it("moves focus after keyboard use too (Enter on a link)", () => {
    renderAt("/");
    const link = screen.getByRole("link", { name: "History" });
    link.focus();
    fireEvent.keyDown(link, { key: "Enter" });
    fireEvent.click(link);
    expect(document.activeElement).toBe(heading("History"));
  });

  it("keeps focus where it is when only the query changes", () => {
    renderAt("/");
    const link = screen.getByRole("link", { name: "Starred" });
    link.focus();
    press("Starred");
    expect(document.activeElement).toBe(link);
  });

  it("focuses main while the heading is on its way, then the heading when it shows", async () => {
    renderAt("/");
    press("Late");
    expect(document.activeElement).toBe(document.getElementById("main"));
    await act(async () => late.show());
    expect(document.activeElement).toBe(heading("Late"));
  });

  it("does not take focus back from a person who moved on before the heading showed", async () => {
    renderAt("/");
    press("Late");
    const link = screen.getByRole("link", { name: "History" });
    link.focus();
    await act(async () => late.show());
    expect(document.activeElement).toBe(link);
  });

  it("stops waiting for a heading that never comes", async () => {
    vi.useFakeTimers();
    renderAt("/");
    press("Late");
    act(() => vi.advanceTimersByTime(HEADING_WAIT_MS + 1));
    await act(async () => late.show());
    expect(document.activeElement).toBe(document.getElementById("main"));
  });
});
