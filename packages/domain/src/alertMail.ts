// An alert as an e-mail: the mail/{id} document the "Trigger Email" Firebase extension reads
// and sends ({to, message: {subject, text, html}}), written beside the alert it announces.
import { z } from "zod";
import type { Alert } from "./alerts.js";

/** mail/{id}: what the Trigger Email extension sends (it adds its own `delivery` field). */
export const AlertMail = z.object({
  to: z.array(z.email()).min(1).max(10),
  message: z.object({
    subject: z.string().min(1).max(300),
    text: z.string().min(1),
    html: z.string().min(1),
  }),
});
export type AlertMail = z.infer<typeof AlertMail>;

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const SEVERITY_LABEL: Record<Alert["severity"], string> = {
  info: "Info",
  warning: "Warning",
  critical: "Critical",
};

/** The e-mail announcing `alert` to `to` (the configured alertEmails). */
export function alertMail(alert: Alert, to: readonly string[]): AlertMail {
  if (to.length === 0) throw new RangeError("alertMail needs at least one address");
  const severity = SEVERITY_LABEL[alert.severity];
  const when = new Date(alert.createdAt).toISOString();
  const footer = "Open the IdeaSpark admin area to see every open alert.";
  return AlertMail.parse({
    to: [...to],
    message: {
      subject: `[IdeaSpark ${severity}] ${alert.title}`,
      text: `${alert.message}\n\n${severity} alert raised at ${when}.\n${footer}\n`,
      html: [
        `<p><strong>${escapeHtml(alert.title)}</strong></p>`,
        `<p>${escapeHtml(alert.message)}</p>`,
        `<p>${severity} alert raised at ${when}.<br>${footer}</p>`,
      ].join("\n"),
    },
  });
}
