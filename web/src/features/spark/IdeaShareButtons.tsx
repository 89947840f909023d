// Copy and Share for one idea, with the outcome said in a polite live region beside them
// ("Copied", or why it could not be copied). Sharing falls back to copying where the browser
// has no share sheet, and says so; closing the share sheet shows nothing.
import type { Idea } from "@ideaspark/domain";
import { useEffect, useState } from "react";
import { ideaToText } from "../../lib/sparkText";
import "./ideaActions.css";
import { copyText, shareText } from "./shareText";

type Status = { tone: "ok" | "error"; text: string } | null;

/** How long a confirmation stays; clearing it lets the same words be announced again. */
const CONFIRMATION_MS = 4_000;

const SHARE_FELL_BACK =
  "Sharing isn't available in this browser, so the idea was copied to your clipboard instead.";

export function IdeaShareButtons({ idea, index }: { idea: Idea; index: number }) {
  const [status, setStatus] = useState<Status>(null);
  const name = `idea ${index + 1}: ${idea.title}`;

  useEffect(() => {
    if (status?.tone !== "ok") return;
    const timer = setTimeout(() => setStatus(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const run = async (action: () => Promise<string | null>) => {
    setStatus(null);
    try {
      const text = await action();
      setStatus(text ? { tone: "ok", text } : null);
    } catch (error) {
      setStatus({ tone: "error", text: (error as Error).message });
    }
  };

  const copy = () =>
    run(async () => {
      await copyText(ideaToText(idea));
      return "Copied";
    });

  const share = () =>
    run(async () => {
      const outcome = await shareText({ title: idea.title, text: ideaToText(idea) });
      if (outcome === "copied") return SHARE_FELL_BACK;
      return outcome === "shared" ? "Shared" : null;
    });

  return (
    <>
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={`Copy ${name}`}
        data-testid={`copy-idea-${index}`}
        onClick={() => void copy()}
      >
        Copy
      </button>
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={`Share ${name}`}
        data-testid={`share-idea-${index}`}
        onClick={() => void share()}
      >
        Share
      </button>
      <p
        className={`idea-action-status${status?.tone === "error" ? " is-error" : ""}`}
        aria-live="polite"
        data-testid={`idea-status-${index}`}
      >
        {status?.text ?? ""}
      </p>
    </>
  );
}
