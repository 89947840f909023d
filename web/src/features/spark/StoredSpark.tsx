// A finished spark read from Firestore: the ideas with stars and "more like this", thumbs
// up/down for the whole answer (optimistic, rolled back on failure), what it used and a
// Markdown export. A partial spark says how many ideas it lacks and offers to ask for the rest.
import type { SparkDoc } from "@ideaspark/domain";
import { useNavigate } from "react-router";
import { FormAlert } from "../../ui/FormAlert";
import { moreLikeThis } from "./briefForm";
import { ExportMarkdownButton } from "./ExportMarkdownButton";
import { IdeaCard } from "./IdeaCard";
import { PartialNotice } from "./PartialNotice";
import { sparkOwner, useOwnerError, useOwnerMarks } from "./sparkOwnerStore";
import { SparkUsageLine } from "./SparkUsageLine";
import { ThumbIcon } from "./ThumbIcon";

export function StoredSpark({ uid, id, spark }: { uid: string; id: string; spark: SparkDoc }) {
  const navigate = useNavigate();
  const marks = useOwnerMarks(id, { feedback: spark.feedback, starred: spark.starred });
  const error = useOwnerError(id);
  const feedbackButton = (value: "up" | "down", label: string) => (
    <button
      type="button"
      className={`button button-small ${marks.feedback === value ? "button-primary" : "button-secondary"}`}
      aria-pressed={marks.feedback === value}
      aria-label={label}
      data-testid={`feedback-${value}`}
      onClick={() => void sparkOwner.toggleFeedback(uid, id, marks, value)}
    >
      <ThumbIcon direction={value} />
    </button>
  );
  return (
    <>
      <div className="spark-summary">
        <SparkUsageLine usage={spark.usage} cached={spark.cached} />
        <div className="spark-feedback" role="group" aria-label="Rate these ideas">
          <span>Helpful?</span>
          {feedbackButton("up", "Helpful")}
          {feedbackButton("down", "Not helpful")}
        </div>
        <ExportMarkdownButton spark={{ ...spark, starred: marks.starred }} />
      </div>
      {error && <FormAlert testId="owner-error">{error}</FormAlert>}
      {spark.status === "partial" && (
        <PartialNotice brief={spark.brief} delivered={spark.ideas.length} />
      )}
      <div className="spark-ideas" data-testid="spark-ideas" data-count={spark.ideas.length}>
        {spark.ideas.map((idea, index) => (
          <IdeaCard
            key={index}
            idea={idea}
            index={index}
            starred={marks.starred.includes(index)}
            onStar={() => void sparkOwner.toggleStar(uid, id, marks, index)}
            onMoreLikeThis={() =>
              navigate("/spark", { state: { form: moreLikeThis(idea, spark.brief) } })
            }
          />
        ))}
      </div>
    </>
  );
}
