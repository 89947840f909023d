// Tokens used against the plan limit this period, per day, with the upgrade path.
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function UsageScreen() {
  return (
    <Screen title="Usage" lead="How much of your monthly allowance you have used.">
      <EmptyState title="Usage details are on their way">
        <p>
          Here you will see the tokens used so far this period against your plan's limit, a per-day
          chart, your current plan, and how to upgrade when you reach the limit.
        </p>
      </EmptyState>
    </Screen>
  );
}
