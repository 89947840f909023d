// "Install app" button, shown only while the browser offers installation (Chromium's
// beforeinstallprompt) and hidden for good once the app is installed.
import { installStore, useInstallState, type InstallStore } from "./installStore";

export function InstallButton({ store = installStore }: { store?: InstallStore }) {
  const canInstall = useInstallState(
    store,
    (state) => state.deferredPrompt !== null && !state.installed,
  );
  if (!canInstall) return null;
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      data-testid="install-button"
      onClick={() => void store.promptInstall()}
    >
      Install app
    </button>
  );
}
