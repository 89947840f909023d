// /admin/ai: edit config/app (saved through adminUpdateConfig, which logs the change) and read
// the change log. A save names the config/app version it started from, so two admins editing
// at once cannot silently overwrite each other.
import { useRef } from "react";
import { callAdminUpdateConfig } from "../../../data/callables";
import { Screen } from "../../../ui/Screen";
import { loadAppConfig } from "../data/appConfig";
import { useLoad } from "../data/useLoad";
import { ChangeLog } from "./ChangeLog";
import { ConfigForm, type SaveConfig } from "./ConfigForm";

export function ConfigScreen() {
  const loaded = useLoad("config/app", loadAppConfig);
  const updatedAt = useRef<number | null>(null);

  const save: SaveConfig = async (config) => {
    const expected =
      updatedAt.current ?? (loaded.status === "ready" ? loaded.data.updatedAt : null);
    const result = await callAdminUpdateConfig({ config, expectedUpdatedAt: expected });
    updatedAt.current = result.updatedAt;
    return result;
  };

  return (
    <Screen
      title="Admin · AI config"
      lead="Models, prices, plans, limits, the monthly budget and the kill switch. Changes apply to the next request."
      testId="admin-config"
    >
      {loaded.status === "loading" && (
        <p className="loading" role="status">
          Loading the configuration…
        </p>
      )}
      {loaded.status === "error" && (
        <div className="form-alert" role="alert" data-testid="config-load-error">
          <p>The configuration could not be loaded: {loaded.error.message}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={loaded.reload}
          >
            Try again
          </button>
        </div>
      )}
      {loaded.status === "ready" && (
        <section className="panel" aria-label="Configuration">
          <ConfigForm initial={loaded.data.config} onSave={save} />
        </section>
      )}
      <ChangeLog />
    </Screen>
  );
}
