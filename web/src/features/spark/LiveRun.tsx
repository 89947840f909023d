// A spark running in this tab: "Thinking…", then each idea as its chunk arrives (a retry keeps
// the ideas it says it kept and clears the rest), a Cancel button, and a polite live region
// announcing every new idea.
import { Fragment } from "react";
import { IdeaCard } from "./IdeaCard";
import { runIdeas, type RunPhase, type SparkRun } from "./sparkRunStore";

const PHASE_TEXT: Record<RunPhase, string> = {
  starting: "Thinking…",
  moderating: "Thinking…",
  thinking: "Thinking…",
  writing: "Writing ideas…",
  retrying: "Retrying…",
  done: "Done",
  error: "Stopped",
};

export function LiveRun({ run, onCancel }: { run: SparkRun; onCancel: () => void }) {
  const ideas = runIdeas(run);
  const last = ideas.at(-1);
  const running = run.phase !== "error" && run.phase !== "done";
  return (
    <Fragment>
      {running && (
        <div className="spark-progress">
          <p className="spark-phase" data-testid="spark-phase" data-phase={run.phase} role="status">
            <span className="spark-spinner" aria-hidden="true" />
            {PHASE_TEXT[run.phase]}
            {run.phase === "writing" && ` ${ideas.length} of ${run.brief.count}`}
          </p>
          <button
            type="button"
            className="button button-secondary"
            data-testid="spark-cancel"
            aria-label="Cancel this spark"
            onClick={onCancel}
          >
            Cancel
          </button>
        </div>
      )}
      <p className="spark-visually-hidden" aria-live="polite" data-testid="spark-announcer">
        {last ? `Idea ${ideas.length} of ${run.brief.count}: ${last.title}` : ""}
      </p>
      <div className="spark-ideas">
        {ideas.map((idea, index) => (
          <IdeaCard key={`${index}-${idea.title}`} idea={idea} index={index} />
        ))}
      </div>
    </Fragment>
  );
}
