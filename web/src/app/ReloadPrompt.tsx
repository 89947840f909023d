// Service-worker lifecycle toasts: "ready to work offline" after the first install, and
// "a new version is available" when a deploy is waiting (registerType "prompt": never reload a
// page under the user's hands without asking).
import { useRegisterSW } from "virtual:pwa-register/react";

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function ReloadPrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Long-lived tabs (an installed app stays open for days) still learn about new deploys.
      if (registration) {
        setInterval(() => {
          if (navigator.onLine) void registration.update();
        }, UPDATE_CHECK_INTERVAL_MS);
      }
    },
  });

  if (!needRefresh && !offlineReady) return null;
  const close = () => {
    setNeedRefresh(false);
    setOfflineReady(false);
  };

  return (
    <div className="toast" role="alert" data-testid="reload-prompt">
      <p className="toast-message">
        {needRefresh ? "A new version is available." : "IdeaSpark is ready to work offline."}
      </p>
      <div className="toast-actions">
        {needRefresh && (
          <button
            type="button"
            className="button button-primary button-small"
            data-testid="reload-button"
            onClick={() => void updateServiceWorker(true)}
          >
            Reload
          </button>
        )}
        <button type="button" className="button button-ghost button-small" onClick={close}>
          {needRefresh ? "Later" : "OK"}
        </button>
      </div>
    </div>
  );
}
