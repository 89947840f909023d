import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "./authActions";
import { SignUpScreen } from "./SignUpScreen";

vi.mock("./authActions", () => ({ signUp: vi.fn(() => Promise.resolve()) }));
vi.mock("../../data/auth", async () => (await import("../../test/authFakes")).fakeAuthModule);

function fill(values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    fireEvent.change(screen.getByTestId(`${name}-input`), { target: { value } });
  }
  fireEvent.click(screen.getByTestId("signup-submit"));
}

function renderScreen() {
  render(
    <MemoryRouter initialEntries={["/signup"]}>
      <SignUpScreen />
    </MemoryRouter>,
  );
}

describe("SignUpScreen", () => {
  beforeEach(() => {
    vi.mocked(signUp).mockReset().mockResolvedValue(undefined);
  });

  it("shows the short-password message next to the password field and creates nothing", async () => {
    renderScreen();
    fill({ displayName: "Ada", email: "ada@example.test", password: "short" });
    const error = await screen.findByTestId("password-error");
    expect(error.textContent).toBe("Password must be at least 8 characters");
    const input = screen.getByTestId("password-input");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(error.id);
    expect(screen.getByTestId("email-input").getAttribute("aria-invalid")).toBeNull();
    expect(signUp).not.toHaveBeenCalled();
  });

  it("clears a field's message as soon as it is edited", async () => {
    renderScreen();
    fill({ displayName: "", email: "ada@example.test", password: "long enough" });
    expect((await screen.findByTestId("displayName-error")).textContent).toBe("Enter your name");
    fireEvent.change(screen.getByTestId("displayName-input"), { target: { value: "A" } });
    expect(screen.queryByTestId("displayName-error")).toBeNull();
  });

  it("sends valid values, with the consent choice, to sign-up", async () => {
    renderScreen();
    fireEvent.click(screen.getByTestId("consent-input"));
    fill({ displayName: " Ada ", email: "ada@example.test", password: "long enough" });
    await vi.waitFor(() =>
      expect(signUp).toHaveBeenCalledWith({
        displayName: "Ada",
        email: "ada@example.test",
        password: "long enough",
        aiDataUseConsent: true,
      }),
    );
  });

  it("puts 'account exists' next to the email field", async () => {
    vi.mocked(signUp).mockImplementation(() =>
      Promise.reject(Object.assign(new Error("x"), { code: "auth/email-already-in-use" })),
    );
    renderScreen();
    fill({ displayName: "Ada", email: "ada@example.test", password: "long enough" });
    expect((await screen.findByTestId("email-error")).textContent).toBe(
      "An account with this email already exists",
    );
  });
});
