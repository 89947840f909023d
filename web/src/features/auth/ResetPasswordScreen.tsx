// "Forgot your password?": sends Firebase's reset email. The answer is the same whether or not
// an account exists, so the form cannot be used to probe for addresses.
import { useState } from "react";
import { Link } from "react-router";
import { FormAlert } from "../../ui/FormAlert";
import { Screen } from "../../ui/Screen";
import { TextField } from "../../ui/TextField";
import { useForm } from "../../ui/useForm";
import { authErrorCode, showAuthError } from "./authErrors";
import { sendPasswordReset } from "./authActions";
import { ResetPasswordForm } from "./authSchemas";

export function ResetPasswordScreen() {
  const form = useForm(ResetPasswordForm, { email: "" });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async ({ email }) => {
    try {
      await sendPasswordReset(email);
      setSentTo(email);
    } catch (error) {
      // Same answer as success: whether an address has an account is nobody else's business.
      if (authErrorCode(error) === "auth/user-not-found") return setSentTo(email);
      showAuthError(form, error);
    }
  });

  return (
    <Screen
      title="Reset your password"
      documentTitle="Reset password"
      lead="We will email you a link to choose a new password."
      testId="reset-screen"
    >
      {sentTo ? (
        <FormAlert tone="success" testId="reset-sent">
          If an account exists for <strong>{sentTo}</strong>, a reset link is on its way. Check your
          inbox (and spam folder).
        </FormAlert>
      ) : (
        <form className="auth-form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {form.formError && <FormAlert>{form.formError}</FormAlert>}
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            value={form.values.email}
            onValueChange={(value) => form.setField("email", value)}
            error={form.errors.email}
          />
          <button
            type="submit"
            className="button button-primary button-block"
            data-testid="reset-submit"
            disabled={form.submitting}
          >
            {form.submitting ? "Sending…" : "Send reset link"}
          </button>
        </form>
      )}
      <p className="screen-footnote">
        <Link to="/signin">Back to sign in</Link>
      </p>
    </Screen>
  );
}
