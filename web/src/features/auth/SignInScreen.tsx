// Sign-in with email and password (or Google). Success needs no navigation here: the guest
// guard sees the session and sends the person to `next` (or home).
import { Link, useSearchParams } from "react-router";
import { FormAlert } from "../../ui/FormAlert";
import { Screen } from "../../ui/Screen";
import { TextField } from "../../ui/TextField";
import { useForm } from "../../ui/useForm";
import { showAuthError } from "./authErrors";
import { signInWithPassword } from "./authActions";
import { SignInForm } from "./authSchemas";
import { GoogleButton } from "./GoogleButton";

export function SignInScreen() {
  const [params] = useSearchParams();
  const next = params.get("next");
  const form = useForm(SignInForm, { email: "", password: "" });
  const { values, errors, setField } = form;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    try {
      await signInWithPassword(email, password);
    } catch (error) {
      showAuthError(form, error);
    }
  });

  const withNext = (path: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);
  return (
    <Screen
      title="Sign in"
      lead="Welcome back. Your sparks and usage are waiting."
      testId="signin-screen"
    >
      <form className="auth-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {form.formError && <FormAlert>{form.formError}</FormAlert>}
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
          autoComplete="current-password"
          value={values.password}
          onValueChange={(value) => setField("password", value)}
          error={errors.password}
          hint={<Link to="/reset-password">Forgot your password?</Link>}
        />
        <button
          type="submit"
          className="button button-primary button-block"
          data-testid="signin-submit"
          disabled={form.submitting}
        >
          {form.submitting ? "Signing in…" : "Sign in"}
        </button>
        <GoogleButton onError={form.setFormError} />
      </form>
      <p className="screen-footnote">
        New to IdeaSpark? <Link to={withNext("/signup")}>Create an account</Link>
      </p>
    </Screen>
  );
}
