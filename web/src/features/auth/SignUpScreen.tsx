// Account creation. The form (and attribution of the sign-up to its campaign) arrives with the
// auth issue.
import { Link } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function SignUpScreen() {
  return (
    <Screen
      title="Create your account"
      documentTitle="Sign up"
      lead="Free to start: a monthly allowance of ideas, no card needed."
    >
      <EmptyState title="Sign-up is on its way">
        <p>
          This is where you will create an account with your email and a password, or with Google,
          with clear messages if anything needs fixing.
        </p>
      </EmptyState>
      <p className="screen-footnote">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </Screen>
  );
}
