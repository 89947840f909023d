// Admin · Users: Every user with their plan, role, tokens and AI cost.
import { Screen } from "../../../ui/Screen";

export function UsersScreen() {
  return (
    <Screen
      title="Admin · Users"
      lead="Every user with their plan, role, tokens and AI cost."
      testId="admin-users"
    />
  );
}
