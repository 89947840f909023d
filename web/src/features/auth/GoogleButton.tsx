// "Continue with Google" (popup), offered only when VITE_AUTH_GOOGLE=true.
import { useState } from "react";
import { googleSignInEnabled } from "../../lib/env";
import { describeAuthError } from "./authErrors";
import { signInWithGoogle } from "./authActions";

export function GoogleButton({ onError }: { onError: (message: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  if (!googleSignInEnabled()) return null;
  const start = async () => {
    setBusy(true);
    onError(null);
    try {
      await signInWithGoogle();
    } catch (error) {
      onError(describeAuthError(error)?.message ?? null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="divider" role="separator">
        <span>or</span>
      </div>
      <button
        type="button"
        className="button button-secondary button-block"
        data-testid="google-signin"
        disabled={busy}
        onClick={() => void start()}
      >
        {busy ? "Opening Google…" : "Continue with Google"}
      </button>
    </>
  );
}
