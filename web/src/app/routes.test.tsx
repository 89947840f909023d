import { render, screen } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { routes } from "./routes";

// The shell's backend badge must never reach for the real Firebase SDK in unit tests.
vi.mock("../data/callables", () => ({
  callHealth: () => Promise.resolve({ status: "ok" }),
}));

function renderAt(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

const SCREENS = [
  ["/", "Your sparks", "IdeaSpark"],
  ["/welcome", "Ideas on demand", "Welcome · IdeaSpark"],
  ["/signin", "Sign in", "Sign in · IdeaSpark"],
  ["/signup", "Create your account", "Sign up · IdeaSpark"],
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

describe("routes", () => {
  beforeEach(() => {
    document.title = "";
  });

  it.each(SCREENS)("renders %s with its heading and title", async (path, heading, title) => {
    renderAt(path);
    expect(await screen.findByRole("heading", { level: 1, name: heading })).toBeTruthy();
    expect(document.title).toBe(title);
    expect(screen.getByTestId("app-shell")).toBeTruthy();
    expect(screen.getByTestId("offline-indicator")).toBeTruthy();
  });

  it("shows the spark id from the address", async () => {
    renderAt("/spark/abc123");
    expect(await screen.findByText("abc123")).toBeTruthy();
  });

  it("marks the current screen in the main navigation", async () => {
    renderAt("/history");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    const current = nav.querySelector('[aria-current="page"]');
    expect(current?.textContent).toBe("History");
  });

  it("reports the backend status once the health probe answers", async () => {
    renderAt("/");
    expect((await screen.findByText("Backend: ok")).dataset.testid).toBe("backend-status");
  });
});
