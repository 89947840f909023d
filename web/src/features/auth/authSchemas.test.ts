import { describe, expect, it } from "vitest";
import { validate } from "../../ui/useForm";
import { PASSWORD_TOO_SHORT, ResetPasswordForm, SignInForm, SignUpForm } from "./authSchemas";

const goodSignUp = {
  displayName: "Ada Lovelace",
  email: "ada@example.test",
  password: "analytical",
  aiDataUseConsent: false,
};

describe("auth form validation", () => {
  it("accepts a complete sign-up and trims the name and email", () => {
    const result = validate(SignUpForm, {
      ...goodSignUp,
      displayName: "  Ada  ",
      email: " ada@example.test ",
    });
    expect(result.errors).toBeNull();
    expect(result.data).toMatchObject({ displayName: "Ada", email: "ada@example.test" });
  });

  it("says exactly 'Password must be at least 8 characters' for a short password", () => {
    const result = validate(SignUpForm, { ...goodSignUp, password: "short" });
    expect(result.errors).toEqual({ password: PASSWORD_TOO_SHORT });
    expect(PASSWORD_TOO_SHORT).toBe("Password must be at least 8 characters");
  });

  it("names each bad field once, with a message for people", () => {
    const result = validate(SignUpForm, {
      displayName: "   ",
      email: "not-an-email",
      password: "",
      aiDataUseConsent: false,
    });
    expect(result.errors).toEqual({
      displayName: "Enter your name",
      email: "Enter a valid email address",
      password: PASSWORD_TOO_SHORT,
    });
  });

  it("limits the display name to 80 characters, counting emoji as one", () => {
    expect(validate(SignUpForm, { ...goodSignUp, displayName: "👍".repeat(80) }).errors).toBeNull();
    expect(validate(SignUpForm, { ...goodSignUp, displayName: "a".repeat(81) }).errors).toEqual({
      displayName: "Name must be at most 80 characters",
    });
    expect(
      validate(SignUpForm, { ...goodSignUp, displayName: "Ada\u0007" }).errors?.displayName,
    ).toMatch(/^Name contains a control character/);
  });

  it("asks for an email address and a password on sign-in, without the length rule", () => {
    expect(validate(SignInForm, { email: "", password: "" }).errors).toEqual({
      email: "Enter your email address",
      password: "Enter your password",
    });
    expect(validate(SignInForm, { email: "a@b.test", password: "old" }).errors).toBeNull();
  });

  it("checks the email of a password reset", () => {
    expect(validate(ResetPasswordForm, { email: "nope@" }).errors).toEqual({
      email: "Enter a valid email address",
    });
  });
});
