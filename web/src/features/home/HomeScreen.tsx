// Home: recent sparks, this month's usage meter and the way to start a new spark.
import { Link } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function HomeScreen() {
  return (
    <Screen
      title="Your sparks"
      documentTitle="IdeaSpark"
      lead="Recent sparks and how much of this month's allowance you have used."
      actions={
        <Link className="button button-primary" to="/spark">
          New spark
        </Link>
      }
    >
      <div className="panel-grid">
        <EmptyState title="No sparks yet">
          <p>
            Your most recent sparks will appear here, newest first, and stay readable offline. Start
            one by describing what you need ideas for.
          </p>
        </EmptyState>
        <EmptyState title="This month's usage">
          <p>
            A meter of the tokens you have used against your plan's monthly limit will sit here.
          </p>
        </EmptyState>
      </div>
    </Screen>
  );
}
