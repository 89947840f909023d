// One spark's result: streams in idea by idea, with cancel, retry, feedback, stars and
// "more like this". The live view arrives with the spark issue.
import { Link, useParams } from "react-router";
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function SparkScreen() {
  const { id = "" } = useParams();
  return (
    <Screen title="Spark" lead={<span className="mono">{id}</span>}>
      <EmptyState
        title="Results are on their way"
        action={<Link to="/history">Back to history</Link>}
      >
        <p>
          This page will show the ideas for this spark as they are written: “Thinking…” first, then
          each idea in turn. You will be able to cancel, retry after an error, rate the result, star
          single ideas and ask for more like one you like.
        </p>
      </EmptyState>
    </Screen>
  );
}
