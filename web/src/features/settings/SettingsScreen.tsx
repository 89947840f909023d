// Settings: profile (name, AI data-use consent), data export, sign-out and account deletion.
import { useState } from "react";
import { Screen } from "../../ui/Screen";
import { EmptyState } from "../../ui/EmptyState";
import { LoadingScreen } from "../../ui/LoadingScreen";
import { authStore, useAuth } from "../auth/authStore";
import { profileSetupStore, useProfileSetup } from "../auth/profileSetupStore";
import { DataSection } from "./DataSection";
import { DeleteAccountDialog } from "./DeleteAccountDialog";
import { ProfileSection } from "./ProfileSection";
import { useProfile } from "./useProfile";

export function SettingsScreen() {
  const user = useAuth((state) => state.user);
  const profile = useProfile(user?.uid ?? null);
  const setup = useProfileSetup((state) => state.status);
  const [deleting, setDeleting] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await authStore.signOut("/signin");
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <Screen title="Settings" lead="Your profile and your data." testId="settings-screen">
      {profile.status === "loading" && <LoadingScreen label="Loading your profile…" />}
      {profile.status === "ready" && user && (
        <ProfileSection key={user.uid} uid={user.uid} profile={profile.profile} />
      )}
      {(profile.status === "missing" || profile.status === "error") && (
        <EmptyState
          title={
            profile.status === "missing"
              ? "Your profile is not set up yet"
              : "Your profile could not be loaded"
          }
          action={
            <button
              type="button"
              className="button button-secondary"
              disabled={setup === "working"}
              onClick={() => void profileSetupStore.retry(user ?? undefined)}
            >
              {setup === "working" ? "Setting up…" : "Set up my profile"}
            </button>
          }
        >
          <p>
            Your account works; the profile with your name and preferences could not be read. Check
            your connection, then try again.
          </p>
        </EmptyState>
      )}
      <DataSection />
      <section className="panel" aria-labelledby="session-heading">
        <h2 id="session-heading">Session</h2>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            data-testid="sign-out"
            disabled={signingOut}
            onClick={() => void signOut()}
          >
            Sign out
          </button>
        </div>
      </section>
      <section className="panel is-danger" aria-labelledby="danger-heading">
        <h2 id="danger-heading">Delete account</h2>
        <p className="panel-lead">Permanently delete your account and everything in it.</p>
        <div className="button-row">
          <button
            type="button"
            className="button button-danger"
            data-testid="delete-account"
            onClick={() => setDeleting(true)}
          >
            Delete account…
          </button>
        </div>
      </section>
      {deleting && (
        <DeleteAccountDialog
          hasPassword={user?.providers.includes("password") ?? true}
          onClose={() => setDeleting(false)}
        />
      )}
    </Screen>
  );
}
