// Admin · User: One user's profile, usage and plan.
import { Screen } from "../../../ui/Screen";

export function UserScreen() {
  return (
    <Screen title="Admin · User" lead="One user's profile, usage and plan." testId="admin-user" />
  );
}
