// Sign-in with email and password (and Google). The form arrives with the auth issue.
import { Link } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function SignInScreen() {
  return (
    <Screen title="Sign in" lead="Welcome back. Your sparks and usage are waiting.">
      <EmptyState title="Sign-in is on its way">
        <p>
          This is where you will sign in with your email and password or with Google, and reset a
          forgotten password. After signing in you return to the page you asked for.
        </p>
      </EmptyState>
      <p className="screen-footnote">
        New to IdeaSpark? <Link to="/signup">Create an account</Link>
      </p>
    </Screen>
  );
}
