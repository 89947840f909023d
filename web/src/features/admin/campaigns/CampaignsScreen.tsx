// Admin · Campaigns: Marketing campaigns, their spend and what they bring in.
import { Screen } from "../../../ui/Screen";

export function CampaignsScreen() {
  return (
    <Screen
      title="Admin · Campaigns"
      lead="Marketing campaigns, their spend and what they bring in."
      testId="admin-campaigns"
    />
  );
}
