// "Copy link": puts the campaign's landing URL on the clipboard and says so (or shows the link
// to copy by hand when the browser refuses clipboard access).
import { campaignLink, type CampaignEntry } from "@ideaspark/domain";
import { useEffect, useState } from "react";

const SHOWN_MS = 4_000;

export function CopyLinkButton({ id, campaign }: CampaignEntry) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const link = campaignLink(window.location.origin, campaign);
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={copy}
        data-testid={`copy-link-${id}`}
        data-link={link}
      >
        Copy link
      </button>
      <span role="status" className="admin-confirmation" data-testid={`copy-status-${id}`}>
        {state === "copied" ? " Link copied" : ""}
      </span>
      {state === "failed" && (
        <span className="form-alert" role="alert">
          Copy this link by hand: <span className="mono">{link}</span>
        </span>
      )}
    </span>
  );
}
