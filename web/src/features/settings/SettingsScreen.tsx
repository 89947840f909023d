// Profile, data export, account deletion and consent to AI data use.
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function SettingsScreen() {
  return (
    <Screen title="Settings" lead="Your profile and your data.">
      <EmptyState title="Settings are on their way">
        <p>
          This is where you will edit your profile, export all your data, delete your account, and
          choose whether your briefs may be used to improve the AI.
        </p>
      </EmptyState>
    </Screen>
  );
}
