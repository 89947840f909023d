import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { trackLanding } from "../../data/track";
import { WelcomeScreen } from "./WelcomeScreen";

vi.mock("../../data/track", () => ({ trackLanding: vi.fn(), trackEvent: vi.fn() }));

describe("WelcomeScreen", () => {
  it("records a landing_view for the URL the visitor arrived with, campaign parameters included", () => {
    const { rerender } = render(
      <MemoryRouter initialEntries={["/welcome?utm_source=news&ref=friend"]}>
        <WelcomeScreen />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("welcome-screen")).toBeTruthy();
    rerender(
      <MemoryRouter initialEntries={["/welcome?utm_source=news&ref=friend"]}>
        <WelcomeScreen />
      </MemoryRouter>,
    );
    expect(vi.mocked(trackLanding)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(trackLanding)).toHaveBeenCalledWith({
      pathname: "/welcome",
      search: "?utm_source=news&ref=friend",
    });
  });
});
