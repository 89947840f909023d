// 403: the address exists, but this account may not open it (the admin area for non-admins).
import { useState } from "react";
import { Link } from "react-router";
import { Screen } from "../../ui/Screen";
import { authStore } from "../auth/authStore";

export function ForbiddenScreen() {
  const [checking, setChecking] = useState(false);
  const checkAgain = async () => {
    setChecking(true);
    try {
      await authStore.refreshClaims();
    } catch (error) {
      console.warn("IdeaSpark could not refresh the session", error);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Screen
      title="You don't have access to this page"
      documentTitle="Access denied"
      lead="This area is for IdeaSpark administrators. If you were just given access, check again."
      testId="forbidden"
    >
      <p className="status-code" aria-hidden="true">
        403
      </p>
      <div className="button-row">
        <Link className="button button-primary" to="/">
          Go to your sparks
        </Link>
        <button
          type="button"
          className="button button-secondary"
          data-testid="forbidden-recheck"
          disabled={checking}
          onClick={() => void checkAgain()}
        >
          {checking ? "Checking…" : "Check again"}
        </button>
      </div>
    </Screen>
  );
}
