// The AI config form: models, prices, plans, limits, the kill switch, the monthly budget with
// its alert thresholds and what happens when it is reached, and the operational alerts. It is
// checked with the domain schema before saving; problems are shown at their fields.
import { useState, type FormEvent } from "react";
import type { AdminUpdateConfigResult, AppConfig } from "@ideaspark/domain";
import { FormAlert } from "../../../ui/FormAlert";
import { TextField } from "../../../ui/TextField";
import {
  DEGRADE_ACTIONS,
  DEGRADE_LABELS,
  fromFormValues,
  toFormValues,
  type ConfigErrors,
  type TextField as TextFieldKey,
} from "./configForm";
import { PricingTable } from "./PricingTable";

export type SaveConfig = (config: AppConfig) => Promise<AdminUpdateConfigResult>;

const LABELS: Record<TextFieldKey, string> = {
  "models.primary": "Primary model",
  "models.fallback": "Fallback model",
  "models.moderation": "Moderation model",
  "plans.free.monthlyTokens": "Free plan: tokens a month",
  "plans.free.priceUsd": "Free plan: price (USD a month)",
  "plans.pro.monthlyTokens": "Pro plan: tokens a month",
  "plans.pro.priceUsd": "Pro plan: price (USD a month)",
  requestsPerMinute: "Requests per minute per user",
  monthlyBudgetUsd: "Monthly AI budget (USD, 0 = none)",
  budgetAlertThresholds: "Budget alerts at (% of the budget)",
  degradeModel: "Cheaper model (empty = the fallback model)",
  alertEmails: "E-mail alerts to (comma-separated)",
  "alerts.providerFailuresInARow": "Provider failures in a row before an alert",
  "alerts.spendSpikeFactor": "Spend spike: times a user's usual day",
  "alerts.spendSpikeMinUsd": "Spend spike: at least (USD)",
  "alerts.errorRateSpike": "Error-rate alert: points above the last 7 days (%)",
  "alerts.errorRateMinRequests": "Error-rate alert: at least this many requests a day",
};

const NUMERIC = new Set<TextFieldKey>([
  "plans.free.monthlyTokens",
  "plans.free.priceUsd",
  "plans.pro.monthlyTokens",
  "plans.pro.priceUsd",
  "requestsPerMinute",
  "monthlyBudgetUsd",
  "alerts.providerFailuresInARow",
  "alerts.spendSpikeFactor",
  "alerts.spendSpikeMinUsd",
  "alerts.errorRateSpike",
  "alerts.errorRateMinRequests",
]);

type Outcome =
  { kind: "saved"; result: AdminUpdateConfigResult } | { kind: "failed"; message: string };

export function ConfigForm({ initial, onSave }: { initial: AppConfig; onSave: SaveConfig }) {
  const [values, setValues] = useState(() => toFormValues(initial));
  const [errors, setErrors] = useState<ConfigErrors>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const field = (name: TextFieldKey) => (
    <TextField
      label={LABELS[name]}
      name={name}
      value={values.text[name]}
      inputMode={NUMERIC.has(name) ? "decimal" : undefined}
      error={errors[name]}
      onValueChange={(value) => {
        setValues((current) => ({ ...current, text: { ...current.text, [name]: value } }));
        setErrors(({ [name]: _cleared, ...rest }) => rest);
      }}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setOutcome(null);
    const built = fromFormValues(values, initial);
    if (built.errors) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      setOutcome({ kind: "saved", result: await onSave(built.config) });
    } catch (error) {
      setOutcome({
        kind: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setSaving(false);
    }
  }

  const problems = Object.keys(errors).length;
  return (
    <form
      className="config-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="config-form"
    >
      <fieldset className="config-fieldset">
        <legend>Models</legend>
        {field("models.primary")}
        {field("models.fallback")}
        {field("models.moderation")}
      </fieldset>
      <PricingTable
        rows={values.pricing}
        errors={errors}
        onChange={(pricing) => {
          setValues((current) => ({ ...current, pricing }));
          setErrors(({ pricing: _cleared, ...rest }) =>
            Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith("pricing."))),
          );
        }}
      />
      <fieldset className="config-fieldset">
        <legend>Plans and limits</legend>
        {field("plans.free.monthlyTokens")}
        {field("plans.free.priceUsd")}
        {field("plans.pro.monthlyTokens")}
        {field("plans.pro.priceUsd")}
        {field("requestsPerMinute")}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.cacheEnabled}
            onChange={(event) =>
              setValues((current) => ({ ...current, cacheEnabled: event.target.checked }))
            }
            data-testid="cacheEnabled-input"
          />
          <span>Answer repeated briefs from the cache</span>
        </label>
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Budget</legend>
        <label className="checkbox is-kill-switch">
          <input
            type="checkbox"
            checked={values.aiPaused}
            onChange={(event) =>
              setValues((current) => ({ ...current, aiPaused: event.target.checked }))
            }
            data-testid="aiPaused-input"
          />
          <span>
            <strong>Pause AI for everyone</strong> (kill switch: new sparks are refused until this
            is turned off)
          </span>
        </label>
        {field("monthlyBudgetUsd")}
        {field("budgetAlertThresholds")}
        <div className="field">
          <label htmlFor="config-degrade-action">
            When the month&apos;s spend reaches the budget
          </label>
          <select
            id="config-degrade-action"
            value={values.degradeAction}
            onChange={(event) =>
              setValues((current) => ({
                ...current,
                degradeAction: event.target.value as (typeof DEGRADE_ACTIONS)[number],
              }))
            }
            data-testid="degradeAction-input"
          >
            {DEGRADE_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {DEGRADE_LABELS[action]}
              </option>
            ))}
          </select>
        </div>
        {values.degradeAction === "cheaper-model" && field("degradeModel")}
      </fieldset>
      <fieldset className="config-fieldset">
        <legend>Alerts</legend>
        {field("alertEmails")}
        {field("alerts.providerFailuresInARow")}
        {field("alerts.spendSpikeFactor")}
        {field("alerts.spendSpikeMinUsd")}
        {field("alerts.errorRateSpike")}
        {field("alerts.errorRateMinRequests")}
      </fieldset>
      {errors.form && <FormAlert>{errors.form}</FormAlert>}
      {problems > 0 && (
        <FormAlert testId="config-invalid">
          Not saved: {problems === 1 ? "one field needs" : `${problems} fields need`} fixing (marked
          above).
        </FormAlert>
      )}
      {outcome?.kind === "failed" && (
        <FormAlert testId="config-save-error">Not saved: {outcome.message}</FormAlert>
      )}
      {outcome?.kind === "saved" && (
        <FormAlert tone="success" testId="config-saved">
          {outcome.result.changedKeys.length === 0
            ? "Nothing had changed; nothing was saved."
            : `Saved. Changed: ${outcome.result.changedKeys.join(", ")}.`}
        </FormAlert>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving}
          data-testid="config-save"
        >
          {saving ? "Saving…" : "Save configuration"}
        </button>
      </div>
    </form>
  );
}
