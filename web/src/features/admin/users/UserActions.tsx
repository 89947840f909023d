// Change a user's plan (adminSetPlan) or role (adminSetRole): pick the new value, confirm it in
// words, then the callable runs; its error, if any, is shown as the server explained it.
import { PLAN_IDS, type PlanId } from "@ideaspark/domain";
import { useState } from "react";
import { callAdminSetPlan, callAdminSetRole } from "../../../data/callables";
import { describeAdminError } from "./adminErrors";

type Change = { kind: "plan"; plan: PlanId } | { kind: "role"; admin: boolean };

interface UserActionsProps {
  uid: string;
  email: string;
  plan: PlanId;
  admin: boolean;
  onChanged: () => void;
}

const describe = (change: Change, email: string) =>
  change.kind === "plan"
    ? `Move ${email} to the ${change.plan} plan?`
    : change.admin
      ? `Make ${email} an administrator?`
      : `Take the administrator role away from ${email}?`;

export function UserActions({ uid, email, plan, admin, onChanged }: UserActionsProps) {
  const [pending, setPending] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      if (pending.kind === "plan") await callAdminSetPlan({ uid, plan: pending.plan });
      else await callAdminSetRole({ uid, admin: pending.admin });
      setDone(pending.kind === "plan" ? `Plan changed to ${pending.plan}.` : "Role changed.");
      setPending(null);
      onChanged();
    } catch (caught) {
      setError(describeAdminError(caught));
    } finally {
      setBusy(false);
    }
  };

  const choose = (change: Change) => {
    setPending(change);
    setError(null);
    setDone(null);
  };

  return (
    <section className="panel" aria-labelledby="user-actions-title" data-testid="user-actions">
      <h2 id="user-actions-title">Plan and role</h2>
      <div className="admin-toolbar">
        <div className="field">
          <label htmlFor="user-plan">Plan</label>
          <select
            id="user-plan"
            value={pending?.kind === "plan" ? pending.plan : plan}
            disabled={busy}
            onChange={(event) => {
              const next = event.target.value as PlanId;
              if (next === plan) setPending(null);
              else choose({ kind: "plan", plan: next });
            }}
            data-testid="user-plan-select"
          >
            {PLAN_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => choose({ kind: "role", admin: !admin })}
          data-testid="user-role-toggle"
        >
          {admin ? "Remove admin role" : "Make admin"}
        </button>
      </div>
      {pending && (
        <div className="banner" role="alertdialog" aria-live="polite" data-testid="user-confirm">
          <p>{describe(pending, email)}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={confirm}
              disabled={busy}
              data-testid="user-confirm-button"
            >
              {busy ? "Saving…" : "Confirm"}
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setPending(null)}
              disabled={busy}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="form-alert" role="alert" data-testid="user-action-error">
          {error}
        </p>
      )}
      {done && (
        <p className="admin-confirmation" role="status" data-testid="user-action-done">
          {done}
        </p>
      )}
    </section>
  );
}
