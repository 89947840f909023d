// Shown for any address the app does not know.
import { Link } from "react-router";
import { Screen } from "../../ui/Screen";

export function NotFoundScreen() {
  return (
    <Screen
      title="Page not found"
      lead="There is nothing at this address. It may have moved, or the link may be mistyped."
      testId="not-found"
    >
      <Link className="button button-primary" to="/">
        Go to your sparks
      </Link>
    </Screen>
  );
}
