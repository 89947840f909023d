import { act, render, screen } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { authStore } from "../features/auth/authStore";
import { authLoading, signedIn, signedOut } from "../test/authFakes";
import { loadDocument } from "../lib/loadDocument";
import { routes } from "./routes";

vi.mock("../data/callables", () => ({
  callHealth: () => Promise.resolve({ status: "ok" }),
}));
vi.mock("../data/trackCallable", () => ({
  callTrack: () => Promise.resolve({ recorded: true }),
}));
// The static landing page is another document: watch the hand-over instead of loading it.
vi.mock("../lib/loadDocument", () => ({ loadDocument: vi.fn() }));
vi.mock("../data/auth", async () => (await import("../test/authFakes")).fakeAuthModule);
vi.mock("../data/profile", async () => (await import("../test/authFakes")).fakeProfileModule);

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

const here = (router: ReturnType<typeof renderAt>) =>
  `${router.state.location.pathname}${router.state.location.search}`;

describe("route guards", () => {
  beforeEach(() => authLoading());

  it("shows a loading state, not the sign-in page, while the session is restored", async () => {
    const router = renderAt("/history");
    expect(await screen.findByTestId("auth-loading")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Sign in" })).toBeNull();
    expect(here(router)).toBe("/history");
    act(() => signedIn());
    expect(await screen.findByRole("heading", { level: 1, name: "History" })).toBeTruthy();
    expect(here(router)).toBe("/history");
  });

  it("sends a signed-out visitor to sign-in with next, replacing the history entry", async () => {
    signedOut();
    const router = renderAt("/history?q=gift");
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeTruthy();
    expect(here(router)).toBe("/signin?next=%2Fhistory%3Fq%3Dgift");
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("returns to next once the visitor signs in", async () => {
    signedOut();
    const router = renderAt("/signin?next=%2Fhistory");
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    act(() => signedIn());
    expect(await screen.findByRole("heading", { level: 1, name: "History" })).toBeTruthy();
    expect(here(router)).toBe("/history");
    expect(router.state.historyAction).toBe("REPLACE");
  });

  it("sends a signed-in person away from /welcome and /signin to home", async () => {
    signedIn();
    const router = renderAt("/welcome?utm_source=x");
    expect(await screen.findByRole("heading", { level: 1, name: "Your sparks" })).toBeTruthy();
    expect(here(router)).toBe("/");
  });

  it("ignores a next that leaves the app", async () => {
    signedIn();
    const router = renderAt("/signin?next=https%3A%2F%2Fevil.test%2F");
    await screen.findByRole("heading", { level: 1, name: "Your sparks" });
    expect(here(router)).toBe("/");
  });

  it("shows a 403 page to a signed-in non-admin opening /admin", async () => {
    signedIn(false);
    renderAt("/admin/users");
    expect(await screen.findByTestId("forbidden")).toBeTruthy();
    expect(screen.queryByTestId("admin-area")).toBeNull();
    await vi.waitFor(() => expect(document.title).toBe("Access denied · IdeaSpark"));
  });

  it("opens the admin area once the admin claim arrives, without signing out", async () => {
    signedIn(false);
    renderAt("/admin");
    await screen.findByTestId("forbidden");
    act(() => signedIn(true));
    expect(await screen.findByTestId("admin-area")).toBeTruthy();
  });

  it("after a deliberate sign-out goes where the sign-out said, not back to sign-in", async () => {
    const assign = vi.mocked(loadDocument);
    assign.mockClear();
    sessionStorage.clear();
    signedIn();
    const router = renderAt("/settings");
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    act(() =>
      authStore.setState({
        status: "signedOut",
        user: null,
        exitTo: { to: "/welcome", from: "/settings" },
      }),
    );
    // /welcome is the static landing page: the app hands the browser over to it.
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/welcome"));
    expect(here(router)).toBe("/welcome");
  });

  it("still offers next on other protected pages after that sign-out (e.g. Back)", async () => {
    authStore.setState({
      status: "signedOut",
      user: null,
      exitTo: { to: "/welcome", from: "/settings" },
    });
    const router = renderAt("/history");
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(here(router)).toBe("/signin?next=%2Fhistory");
  });
});
