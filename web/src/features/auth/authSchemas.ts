// Client-side validation of the sign-in, sign-up and password-reset forms, with messages written
// for people. The display name reuses the domain's DisplayName rule, so the form accepts exactly
// what users/{uid} accepts.
import { DisplayName } from "@ideaspark/domain";
import { z } from "zod";

export const PASSWORD_TOO_SHORT = "Password must be at least 8 characters";

const email = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address is too long")
  .pipe(z.email("Enter a valid email address"));

/** A name as users/{uid} stores it (trimmed, 1–80 characters, no control characters). */
export const displayNameField = z.string().transform((value, ctx) => {
  const result = DisplayName.safeParse(value);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? "Enter a valid name";
  ctx.addIssue({
    code: "custom",
    message: message.startsWith("displayName must not be empty")
      ? "Enter your name"
      : message.replace(/^displayName/, "Name"),
  });
  return z.NEVER;
});

export const SignInForm = z.object({
  email,
  // Existing accounts may predate today's length rule, so sign-in only needs a password.
  password: z.string().min(1, "Enter your password"),
});
export type SignInForm = z.infer<typeof SignInForm>;

export const SignUpForm = z.object({
  displayName: displayNameField,
  email,
  password: z.string().min(8, PASSWORD_TOO_SHORT).max(4096, "Password is too long"),
  aiDataUseConsent: z.boolean(),
});
export type SignUpForm = z.infer<typeof SignUpForm>;

export const ResetPasswordForm = z.object({ email });
export type ResetPasswordForm = z.infer<typeof ResetPasswordForm>;
