// One idea: title, pitch, why it works, effort and first steps, with Copy and Share, and the
// owner's actions (star, "more like this") once the spark is finished.
import type { Idea } from "@ideaspark/domain";
import { IdeaShareButtons } from "./IdeaShareButtons";

interface Props {
  idea: Idea;
  index: number;
  starred?: boolean;
  onStar?: () => void;
  onMoreLikeThis?: () => void;
}

export function IdeaCard({ idea, index, starred = false, onStar, onMoreLikeThis }: Props) {
  const headingId = `idea-${index}-title`;
  return (
    <article
      className={`spark-idea${starred ? " is-starred" : ""}`}
      aria-labelledby={headingId}
      data-testid="idea-card"
      data-index={index}
    >
      <header className="spark-idea-header">
        <h2 id={headingId}>
          <span className="spark-idea-number">{index + 1}.</span> {idea.title}
        </h2>
        <span className={`spark-effort is-${idea.effort}`}>{idea.effort} effort</span>
      </header>
      <p className="spark-idea-pitch">{idea.pitch}</p>
      <h3>Why it works</h3>
      <p>{idea.whyItWorks}</p>
      <h3>First steps</h3>
      <ol className="spark-steps">
        {idea.firstSteps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <div className="button-row spark-idea-actions">
        {onStar && (
          <button
            type="button"
            className={`button button-small ${starred ? "button-primary" : "button-secondary"}`}
            aria-pressed={starred}
            data-testid={`star-idea-${index}`}
            onClick={onStar}
          >
            {/* One name whatever the state (aria-pressed tells it), containing the visible word. */}
            <span aria-hidden="true">{starred ? "★" : "☆"}</span> Star
            <span className="visually-hidden">
              {" "}
              idea {index + 1}: {idea.title}
            </span>
          </button>
        )}
        {onMoreLikeThis && (
          <button
            type="button"
            className="button button-small button-secondary"
            data-testid={`more-like-${index}`}
            onClick={onMoreLikeThis}
          >
            More like this<span className="visually-hidden">: {idea.title}</span>
          </button>
        )}
        <IdeaShareButtons idea={idea} index={index} />
      </div>
    </article>
  );
}
