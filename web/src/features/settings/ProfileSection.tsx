// The profile part of settings: the display name (validated like sign-up) and the AI data-use
// consent switch, both saved to users/{uid}.
import type { UserProfile } from "@ideaspark/domain";
import { useState } from "react";
import { z } from "zod";
import { FormAlert } from "../../ui/FormAlert";
import { TextField } from "../../ui/TextField";
import { useForm } from "../../ui/useForm";
import { displayNameField } from "../auth/authSchemas";
import { saveConsent, saveDisplayName } from "./settingsActions";
import { describeSettingsError } from "./settingsErrors";

const NameForm = z.object({ displayName: displayNameField });

export function ProfileSection({ uid, profile }: { uid: string; profile: UserProfile }) {
  const form = useForm(NameForm, { displayName: profile.displayName });
  const [saved, setSaved] = useState(false);
  const [consentBusy, setConsentBusy] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async ({ displayName }) => {
    setSaved(false);
    try {
      await saveDisplayName(uid, displayName);
      setSaved(true);
    } catch (error) {
      form.setFormError(describeSettingsError(error));
    }
  });

  const toggleConsent = async (value: boolean) => {
    setConsentBusy(true);
    setConsentError(null);
    try {
      await saveConsent(uid, value);
    } catch (error) {
      setConsentError(describeSettingsError(error));
    } finally {
      setConsentBusy(false);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <p className="panel-lead">
          Signed in as <strong data-testid="profile-email">{profile.email}</strong>
        </p>
        <form className="inline-form" noValidate onSubmit={(event) => void onSubmit(event)}>
          {form.formError && <FormAlert>{form.formError}</FormAlert>}
          <TextField
            label="Display name"
            name="displayName"
            autoComplete="name"
            value={form.values.displayName}
            onValueChange={(value) => {
              setSaved(false);
              form.setField("displayName", value);
            }}
            error={form.errors.displayName}
          />
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              data-testid="save-name"
              disabled={form.submitting}
            >
              {form.submitting ? "Saving…" : "Save name"}
            </button>
            {saved && (
              <p className="saved-note" role="status" data-testid="name-saved">
                Saved
              </p>
            )}
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="consent-heading">
        <h2 id="consent-heading">AI data use</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="consent-toggle"
            checked={profile.aiDataUseConsent}
            disabled={consentBusy}
            onChange={(event) => void toggleConsent(event.target.checked)}
          />
          <span>
            Let IdeaSpark use my briefs and feedback to improve its AI. Off by default; your sparks
            work the same either way.
          </span>
        </label>
        {consentError && <FormAlert>{consentError}</FormAlert>}
      </section>
    </>
  );
}
