// Admin · Export: Download users, usage records and campaign results as CSV.
import { Screen } from "../../../ui/Screen";

export function ExportScreen() {
  return (
    <Screen
      title="Admin · Export"
      lead="Download users, usage records and campaign results as CSV."
      testId="admin-export"
    />
  );
}
