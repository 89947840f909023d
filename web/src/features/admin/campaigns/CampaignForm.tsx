// Create or edit a campaign: name, utm_source / utm_medium / utm_campaign or a referral code,
// spend per month (rows of month → USD) and archived. Checked with CampaignDoc before `onSave`.
import type { CampaignDoc } from "@ideaspark/domain";
import { useState, type FormEvent } from "react";
import { TextField } from "../../../ui/TextField";
import { describeAdminError } from "../users/adminErrors";
import {
  EMPTY_CAMPAIGN_FORM,
  campaignFromForm,
  formFromCampaign,
  type CampaignFormErrors,
  type CampaignFormValues,
} from "./campaignForm";

interface CampaignFormProps {
  /** The campaign being edited; absent for a new one. */
  initial?: CampaignDoc;
  /** The month a new spend row starts with. */
  defaultMonth: string;
  onSave: (campaign: CampaignDoc) => Promise<void>;
  onCancel: () => void;
  now?: () => number;
}

export function CampaignForm({
  initial,
  defaultMonth,
  onSave,
  onCancel,
  now = Date.now,
}: CampaignFormProps) {
  const [values, setValues] = useState<CampaignFormValues>(() =>
    initial ? formFromCampaign(initial) : EMPTY_CAMPAIGN_FORM,
  );
  const [errors, setErrors] = useState<CampaignFormErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (update: Partial<CampaignFormValues>) => setValues((v) => ({ ...v, ...update }));
  const setRow = (i: number, update: Partial<CampaignFormValues["spend"][number]>) =>
    set({ spend: values.spend.map((row, j) => (j === i ? { ...row, ...update } : row)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = campaignFromForm(values, initial?.createdAt ?? now());
    setSaveError(null);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.campaign);
    } catch (error) {
      setSaveError(describeAdminError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="campaign-form">
      <h2>{initial ? `Edit ${initial.name}` : "New campaign"}</h2>
      <TextField
        label="Name"
        name="campaign-name"
        value={values.name}
        onValueChange={(name) => set({ name })}
        error={errors.name}
      />
      <TextField
        label="utm_source"
        name="campaign-utm-source"
        value={values.utmSource}
        onValueChange={(utmSource) => set({ utmSource })}
        error={errors.utmSource}
        hint="A link with this source (and the medium and campaign, when set) is credited here."
      />
      <TextField
        label="utm_medium"
        name="campaign-utm-medium"
        value={values.utmMedium}
        onValueChange={(utmMedium) => set({ utmMedium })}
        error={errors.utmMedium}
      />
      <TextField
        label="utm_campaign"
        name="campaign-utm-campaign"
        value={values.utmCampaign}
        onValueChange={(utmCampaign) => set({ utmCampaign })}
        error={errors.utmCampaign}
      />
      <TextField
        label="Referral code"
        name="campaign-referral-code"
        value={values.referralCode}
        onValueChange={(referralCode) => set({ referralCode })}
        error={errors.referralCode}
        hint="Instead of, or as well as, a utm_source: links carry it as ?ref=."
      />
      <fieldset className="field">
        <legend>Spend per month (USD)</legend>
        {values.spend.map((row, i) => (
          <div className="admin-spend-row" key={i}>
            <TextField
              label="Month"
              name={`spend-month-${i}`}
              type="month"
              value={row.month}
              onValueChange={(month) => setRow(i, { month })}
            />
            <TextField
              label="USD"
              name={`spend-usd-${i}`}
              inputMode="decimal"
              value={row.usd}
              onValueChange={(usd) => setRow(i, { usd })}
            />
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => set({ spend: values.spend.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
            {errors[`spend.${i}`] && (
              <p className="field-error" data-testid={`spend-error-${i}`}>
                {errors[`spend.${i}`]}
              </p>
            )}
          </div>
        ))}
        {errors.spend && <p className="field-error">{errors.spend}</p>}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => set({ spend: [...values.spend, { month: defaultMonth, usd: "" }] })}
          data-testid="spend-add"
        >
          Add a month
        </button>
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.archived}
          onChange={(event) => set({ archived: event.target.checked })}
          data-testid="campaign-archived"
        />
        Archived (hidden from the results unless it had spend or sign-ups that month)
      </label>
      {errors.form && (
        <p className="form-alert" role="alert">
          {errors.form}
        </p>
      )}
      {saveError && (
        <p className="form-alert" role="alert" data-testid="campaign-save-error">
          The campaign was not saved: {saveError}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving}
          data-testid="campaign-save"
        >
          {saving ? "Saving…" : "Save campaign"}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
