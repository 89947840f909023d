// "Download my data": everything the account holds, as one JSON file.
import { useState } from "react";
import { downloadJson, exportFileName } from "../../lib/download";
import { FormAlert } from "../../ui/FormAlert";
import { exportMyData } from "./settingsActions";
import { describeSettingsError } from "./settingsErrors";

export function DataSection() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      downloadJson(await exportMyData(), exportFileName(new Date()));
    } catch (cause) {
      setError(describeSettingsError(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p className="panel-lead">
        A copy of your profile, sparks and usage in one JSON file you can keep or take elsewhere.
      </p>
      {error && <FormAlert>{error}</FormAlert>}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          data-testid="export-data"
          disabled={busy}
          onClick={() => void download()}
        >
          {busy ? "Preparing your file…" : "Download my data"}
        </button>
      </div>
    </section>
  );
}
