// Briefs submitted offline. While offline they wait; once the connection is back the person is
// asked whether to send each one (with its original requestId, so sending is idempotent), on the
// form itself and, from any other screen, through QueuedBriefPrompt (which may also dismiss it).
import type { QueuedBrief } from "../../lib/drafts";

interface Props {
  queued: QueuedBrief[];
  online: boolean;
  onSend: (entry: QueuedBrief) => void;
  onDiscard: (entry: QueuedBrief) => void;
  /** "Not now": hides the question and keeps the brief queued. */
  onDismiss?: () => void;
}

export function QueuedBriefs({ queued, online, onSend, onDiscard, onDismiss }: Props) {
  if (queued.length === 0) return null;
  return (
    <section className="spark-queue" aria-label="Queued briefs">
      {queued.map((entry) => (
        <div
          key={entry.requestId}
          className="spark-queued"
          data-testid="queued-draft"
          data-state={online ? "ready" : "waiting"}
          role="status"
        >
          <p className="spark-queued-title">
            {online
              ? "You're back online — send your queued brief?"
              : "Queued: this brief will be sent when you confirm after the connection returns."}
          </p>
          <p className="spark-queued-topic">
            “{entry.brief.topic}” · {entry.brief.count} idea{entry.brief.count === 1 ? "" : "s"}
          </p>
          <div className="button-row">
            {online && (
              <button
                type="button"
                className="button button-primary"
                data-testid="queued-send"
                onClick={() => onSend(entry)}
              >
                Send
              </button>
            )}
            <button
              type="button"
              className="button button-secondary"
              data-testid="queued-discard"
              onClick={() => onDiscard(entry)}
            >
              Discard
            </button>
            {onDismiss && (
              <button
                type="button"
                className="button button-ghost"
                data-testid="queued-dismiss"
                onClick={onDismiss}
              >
                Not now
              </button>
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
