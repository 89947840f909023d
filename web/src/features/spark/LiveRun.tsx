// A spark running in this tab: "Thinking…", then each idea as its chunk arrives (a retry keeps
// the ideas it says it kept and clears the rest), a Cancel button, and one polite live region
// announcing progress ("Idea 3 of 5 ready"), never the ideas' text; focus is left where it is.
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

/** What the live region says: the phase until an idea is in, then how many are ready. */
export function announcement(phase: RunPhase, ready: number, count: number): string {
  if (phase === "retrying") return PHASE_TEXT.retrying;
  if (ready > 0) return `Idea ${ready} of ${count} ready`;
  return phase === "error" || phase === "done" ? "" : PHASE_TEXT[phase];
}

export function LiveRun({ run, onCancel }: { run: SparkRun; onCancel: () => void }) {
  const ideas = runIdeas(run);
  const running = run.phase !== "error" && run.phase !== "done";
  return (
    <Fragment>
      {running && (
        <div className="spark-progress">
          <p className="spark-phase" data-testid="spark-phase" data-phase={run.phase}>
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
      <p className="visually-hidden" aria-live="polite" data-testid="spark-announcer">
        {announcement(run.phase, ideas.length, run.brief.count)}
      </p>
      <div className="spark-ideas">
        {ideas.map((idea, index) => (
          <IdeaCard key={`${index}-${idea.title}`} idea={idea} index={index} />
        ))}
      </div>
    </Fragment>
  );
}
