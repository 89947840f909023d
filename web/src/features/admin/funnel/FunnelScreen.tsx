// Admin · Funnel & retention: From landing to Pro, and who keeps coming back.
import { Screen } from "../../../ui/Screen";

export function FunnelScreen() {
  return (
    <Screen
      title="Admin · Funnel & retention"
      lead="From landing to Pro, and who keeps coming back."
      testId="admin-funnel"
    />
  );
}
