// Shown when the account exists but its profile could not be saved (offline, a refused write):
// the app stays usable, and one click tries again.
import { profileSetupStore, useProfileSetup } from "../features/auth/profileSetupStore";

export function ProfileSetupBanner() {
  const status = useProfileSetup((state) => state.status);
  if (status !== "failed" && status !== "working") return null;
  if (status === "working") {
    return (
      <p className="banner" role="status" data-testid="profile-setup-working">
        Setting up your profile…
      </p>
    );
  }
  return (
    <div className="banner is-error" role="alert" data-testid="profile-setup-error">
      <p>Your account is ready, but we could not save your profile yet.</p>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => void profileSetupStore.retry()}
      >
        Try again
      </button>
    </div>
  );
}
