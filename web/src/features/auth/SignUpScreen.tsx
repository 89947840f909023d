// Account creation: name, email, password and the optional AI data-use consent. The sign-up is
// credited to the campaign stored on landing (see lib/attribution.ts).
import { Link, useSearchParams } from "react-router";
import { FormAlert } from "../../ui/FormAlert";
import { Screen } from "../../ui/Screen";
import { TextField } from "../../ui/TextField";
import { useForm } from "../../ui/useForm";
import { showAuthError } from "./authErrors";
import { signUp } from "./authActions";
import { SignUpForm } from "./authSchemas";
import { GoogleButton } from "./GoogleButton";

export function SignUpScreen() {
  const [params] = useSearchParams();
  const next = params.get("next");
  const form = useForm(SignUpForm, {
    displayName: "",
    email: "",
    password: "",
    aiDataUseConsent: false,
  });
  const { values, errors, setField } = form;

  const onSubmit = form.handleSubmit(async (data) => {
    try {
      await signUp(data);
    } catch (error) {
      showAuthError(form, error);
    }
  });

  return (
    <Screen
      title="Create your account"
      documentTitle="Sign up"
      lead="Free to start: a monthly allowance of ideas, no card needed."
      testId="signup-screen"
    >
      <form className="auth-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {form.formError && <FormAlert>{form.formError}</FormAlert>}
        <TextField
          label="Your name"
          name="displayName"
          autoComplete="name"
          value={values.displayName}
          onValueChange={(value) => setField("displayName", value)}
          error={errors.displayName}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onValueChange={(value) => setField("email", value)}
          error={errors.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onValueChange={(value) => setField("password", value)}
          error={errors.password}
          hint="At least 8 characters."
        />
        <label className="checkbox">
          <input
            type="checkbox"
            name="aiDataUseConsent"
            data-testid="consent-input"
            checked={values.aiDataUseConsent}
            onChange={(event) => setField("aiDataUseConsent", event.target.checked)}
          />
          <span>Let IdeaSpark use my briefs to improve its AI (optional, change any time)</span>
        </label>
        <button
          type="submit"
          className="button button-primary button-block"
          data-testid="signup-submit"
          disabled={form.submitting}
        >
          {form.submitting ? "Creating your account…" : "Create account"}
        </button>
        <GoogleButton onError={form.setFormError} />
      </form>
      <p className="screen-footnote">
        Already have an account?{" "}
        <Link to={next ? `/signin?next=${encodeURIComponent(next)}` : "/signin"}>Sign in</Link>
      </p>
    </Screen>
  );
}
