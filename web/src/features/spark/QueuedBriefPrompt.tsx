// "You're back online — send your queued brief?" on every screen of the signed-in app, mounted
// once in the shell. Sending starts the spark with its queued requestId and opens it, as the form
// does; "Not now" keeps the brief queued until the connection next returns. The form (/spark)
// shows its own list, so the prompt stays away from there.
import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useConnectivityTransitions, useOnline } from "../../state/connectivityStore";
import { createDrafts, type QueuedBrief } from "../../lib/drafts";
import { useAuth } from "../auth/authStore";
import "./queuedPrompt.css";
import { QueuedBriefs } from "./QueuedBriefs";

export function QueuedBriefPrompt() {
  const uid = useAuth((state) => (state.status === "signedIn" ? (state.user?.uid ?? null) : null));
  const online = useOnline();
  const stretch = useConnectivityTransitions();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // The stretch of connectivity the person said "Not now" in; the next return asks again.
  const [dismissedIn, setDismissedIn] = useState<number | null>(null);
  const [, setChanges] = useState(0);

  if (!uid || !online || pathname === "/spark" || dismissedIn === stretch) return null;
  // Read on every render (route changes, connectivity): the form queues into the same storage.
  const drafts = createDrafts(uid);
  const queued = drafts.queued();
  if (queued.length === 0) return null;

  const send = async (entry: QueuedBrief) => {
    drafts.unqueue(entry.requestId);
    setChanges((count) => count + 1);
    // Loaded on demand: the shell stays light, and the spark's screen needs this module anyway.
    const { sparkRuns } = await import("./sparkRunStore");
    void sparkRuns.start(entry.requestId, entry.brief);
    void navigate(`/spark/${entry.requestId}`);
  };

  const discard = (entry: QueuedBrief) => {
    drafts.unqueue(entry.requestId);
    setChanges((count) => count + 1);
  };

  return (
    <div className="queued-prompt" data-testid="queued-prompt">
      <QueuedBriefs
        queued={queued}
        online
        onSend={(entry) => void send(entry)}
        onDiscard={discard}
        onDismiss={() => setDismissedIn(stretch)}
      />
    </div>
  );
}
