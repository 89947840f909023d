// The brief: topic, audience, constraints, number of ideas and tone, validated with the same
// schema the spark function uses. The form arrives with the spark issue.
import { EmptyState } from "../../ui/EmptyState";
import { Screen } from "../../ui/Screen";

export function NewSparkScreen() {
  return (
    <Screen title="New spark" lead="Describe what you need ideas for.">
      <EmptyState title="The brief form is on its way">
        <p>
          Here you will set the topic, the audience, any constraints, how many ideas you want and
          the tone. If you are offline, the brief is kept as a draft and sent when you confirm after
          the connection returns.
        </p>
      </EmptyState>
    </Screen>
  );
}
