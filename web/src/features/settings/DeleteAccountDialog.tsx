// Account deletion, made hard to do by accident: type DELETE, prove it is you (password, or
// Google for accounts without one), then the account and its data are deleted and you are
// signed out to the welcome page.
import { useEffect, useId, useRef, useState } from "react";
import { FormAlert } from "../../ui/FormAlert";
import { TextField } from "../../ui/TextField";
import { authStore } from "../auth/authStore";
import { deleteAccount } from "./settingsActions";
import { describeSettingsError } from "./settingsErrors";

export function DeleteAccountDialog({
  hasPassword,
  onClose,
}: {
  hasPassword: boolean;
  onClose: () => void;
}) {
  const titleId = useId();
  const [confirm, setConfirm] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLDivElement>(null);

  useEffect(() => {
    first.current?.querySelector("input")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !busy) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, onClose]);

  const ready = confirm === "DELETE" && (!hasPassword || password.length > 0);
  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteAccount(hasPassword ? password : undefined);
      await authStore.signOut("/welcome");
    } catch (cause) {
      setError(describeSettingsError(cause));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="delete-dialog"
        ref={first}
      >
        <h2 id={titleId}>Delete your account?</h2>
        <p>
          This deletes your profile, every spark and your usage history, and signs you out. It
          cannot be undone. Download your data first if you want a copy.
        </p>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {error && <FormAlert>{error}</FormAlert>}
          <TextField
            label="Type DELETE to confirm"
            name="confirm"
            autoComplete="off"
            value={confirm}
            onValueChange={setConfirm}
          />
          {hasPassword && (
            <TextField
              label="Your password"
              name="deletePassword"
              type="password"
              autoComplete="current-password"
              value={password}
              onValueChange={setPassword}
            />
          )}
          <div className="button-row">
            <button
              type="submit"
              className="button button-danger"
              data-testid="delete-confirm"
              disabled={!ready || busy}
            >
              {busy ? "Deleting…" : "Delete my account"}
            </button>
            <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
