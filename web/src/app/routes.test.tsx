import { act, render, screen } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signedIn, signedOut } from "../test/authFakes";
import { loadDocument } from "../lib/loadDocument";
import { routes } from "./routes";

// The shell must never reach for the real Firebase SDK in unit tests.
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

const SIGNED_IN_SCREENS = [
  ["/", "Your sparks", "IdeaSpark"],
  ["/spark", "New spark", "New spark · IdeaSpark"],
  ["/spark/abc123", "Spark", "Spark · IdeaSpark"],
  ["/history", "History", "History · IdeaSpark"],
  ["/usage", "Usage", "Usage · IdeaSpark"],
  ["/settings", "Settings", "Settings · IdeaSpark"],
  ["/admin", "Admin · Overview", "Admin · Overview · IdeaSpark"],
  ["/admin/campaigns", "Admin · Campaigns", "Admin · Campaigns · IdeaSpark"],
  ["/no/such/page", "Page not found", "Page not found · IdeaSpark"],
  ["/admin/no-such-section", "Page not found", "Page not found · IdeaSpark"],
] as const;

const GUEST_SCREENS = [
  ["/signin", "Sign in", "Sign in · IdeaSpark"],
  ["/signup", "Create your account", "Sign up · IdeaSpark"],
  ["/reset-password", "Reset your password", "Reset password · IdeaSpark"],
] as const;

describe("routes", () => {
  beforeEach(() => {
    document.title = "";
  });

  it.each(SIGNED_IN_SCREENS)(
    "renders %s for a signed-in admin with its heading and title",
    async (path, heading, title) => {
      signedIn(true);
      renderAt(path);
      // Screens other than home are lazy chunks: give their first import time on a busy machine.
      expect(
        await screen.findByRole("heading", { level: 1, name: heading }, { timeout: 5_000 }),
      ).toBeTruthy();
      // The title is set in an effect, which may run just after the heading is on screen.
      await vi.waitFor(() => expect(document.title).toBe(title));
      expect(screen.getByTestId("app-shell")).toBeTruthy();
      expect(screen.getByTestId("offline-indicator")).toBeTruthy();
    },
  );

  it.each(GUEST_SCREENS)(
    "renders %s for a signed-out visitor with its heading and title",
    async (path, heading, title) => {
      signedOut();
      renderAt(path);
      // Screens other than home are lazy chunks: give their first import time on a busy machine.
      expect(
        await screen.findByRole("heading", { level: 1, name: heading }, { timeout: 5_000 }),
      ).toBeTruthy();
      // The title is set in an effect, which may run just after the heading is on screen.
      await vi.waitFor(() => expect(document.title).toBe(title));
    },
  );

  it("shows the spark id from the address", async () => {
    signedIn();
    renderAt("/spark/abc123");
    expect(await screen.findByText("abc123")).toBeTruthy();
  });

  it("marks the current screen in the main navigation", async () => {
    signedIn();
    renderAt("/history");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    const current = nav.querySelector('[aria-current="page"]');
    expect(current?.textContent).toBe("History");
  });

  it("shows the Admin link only to admins, and as soon as the role arrives", async () => {
    signedIn(false);
    renderAt("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(nav.textContent).not.toContain("Admin");
    act(() => signedIn(true));
    expect(screen.getByRole("navigation", { name: "Main" }).textContent).toContain("Admin");
  });

  it("reports the backend status once the health probe answers", async () => {
    signedIn();
    renderAt("/");
    expect((await screen.findByText("Backend: ok")).dataset.testid).toBe("backend-status");
  });

  it("loads the static landing page for /welcome, once, keeping the campaign parameters", async () => {
    signedOut();
    const assign = vi.mocked(loadDocument);
    assign.mockClear();
    sessionStorage.clear();
    renderAt("/welcome?utm_source=news");
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/welcome?utm_source=news"));
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it("offers the sign-up and sign-in links instead of reloading /welcome in a loop", async () => {
    signedOut();
    const assign = vi.mocked(loadDocument);
    assign.mockClear();
    sessionStorage.setItem("ideaspark.landingReload", String(Date.now() - 1_000));
    renderAt("/welcome?ref=FRIEND");
    const signUp = await screen.findByRole("link", { name: "Create a free account" });
    expect(signUp.getAttribute("href")).toBe("/signup?ref=FRIEND");
    expect(assign).not.toHaveBeenCalled();
  });

  it("keeps the first touch of a campaign URL on any screen, and loads nothing for it otherwise", async () => {
    signedOut();
    localStorage.clear();
    renderAt("/signin");
    await screen.findByRole("heading", { level: 1, name: "Sign in" }, { timeout: 5_000 });
    expect(localStorage.getItem("ideaspark.attribution")).toBeNull();
    renderAt("/signup?utm_source=podcast&ref=HOST");
    await vi.waitFor(() =>
      expect(JSON.parse(localStorage.getItem("ideaspark.attribution") ?? "null")).toMatchObject({
        utm_source: "podcast",
        ref: "HOST",
        landingPath: "/signup",
      }),
    );
  });
});
