import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "./authActions";
import { SignInScreen } from "./SignInScreen";

vi.mock("./authActions", () => ({ signInWithPassword: vi.fn() }));

function submit(email: string, password: string) {
  render(
    <MemoryRouter initialEntries={["/signin?next=%2Fhistory"]}>
      <SignInScreen />
    </MemoryRouter>,
  );
  fireEvent.change(screen.getByTestId("email-input"), { target: { value: email } });
  fireEvent.change(screen.getByTestId("password-input"), { target: { value: password } });
  fireEvent.click(screen.getByTestId("signin-submit"));
}

describe("SignInScreen", () => {
  it("says 'Wrong email or password' for bad credentials, for the whole form", async () => {
    vi.mocked(signInWithPassword).mockRejectedValue(
      Object.assign(new Error("x"), { code: "auth/invalid-credential" }),
    );
    submit("ada@example.test", "nope-nope");
    expect((await screen.findByRole("alert")).textContent).toBe("Wrong email or password");
  });

  it("says 'Too many attempts, try again later' when Firebase throttles", async () => {
    vi.mocked(signInWithPassword).mockRejectedValue(
      Object.assign(new Error("x"), { code: "auth/too-many-requests" }),
    );
    submit("ada@example.test", "whatever1");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Too many attempts, try again later",
    );
  });

  it("validates before calling Firebase", async () => {
    vi.mocked(signInWithPassword).mockReset();
    submit("ada@", "");
    expect((await screen.findByTestId("email-error")).textContent).toBe(
      "Enter a valid email address",
    );
    expect(screen.getByTestId("password-error").textContent).toBe("Enter your password");
    expect(signInWithPassword).not.toHaveBeenCalled();
  });

  it("keeps next on the link to sign-up", () => {
    submit("", "");
    const link = screen.getByRole("link", { name: "Create an account" });
    expect(link.getAttribute("href")).toBe("/signup?next=%2Fhistory");
  });
});
